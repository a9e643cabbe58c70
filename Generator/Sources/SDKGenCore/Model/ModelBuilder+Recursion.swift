/// Recursive schemas: a struct cannot hold itself, nor hold a struct that holds it, so such
/// properties are stored in a box, and recursive `oneOf` enums are `indirect`.
extension ModelBuilder {
  /// Marks the `oneOf` enums and struct properties through which a type contains itself.
  func breakRecursion() {
    // Edges of containment: a struct's non-collection properties, an enum's cases.
    func targets(_ type: TypeUsage) -> String? {
      guard case .named(let name) = resolveAlias(type) else { return nil }
      return name
    }
    func edges(_ name: String, skippingIndirect: Bool) -> [String] {
      switch declarations[name]?.declaration {
      case .structure(let value): return value.properties.filter { !$0.isBoxed }.compactMap { targets($0.type) }
      case .oneOf(let value):
        return skippingIndirect && value.isIndirect ? [] : value.cases.compactMap { targets($0.type) }
      default: return []
      }
    }
    func reaches(_ start: String, _ goal: String, skippingIndirect: Bool) -> Bool {
      var seen: Set<String> = []
      var stack = [start]
      while let next = stack.popLast() {
        if next == goal { return true }
        guard seen.insert(next).inserted else { continue }
        stack += edges(next, skippingIndirect: skippingIndirect)
      }
      return false
    }
    for name in declarationOrder {
      guard case .oneOf(var value)? = declarations[name]?.declaration,
        value.cases.contains(where: { targets($0.type).map { reaches($0, name, skippingIndirect: false) } ?? false })
      else { continue }
      value.isIndirect = true
      declarations[name]?.declaration = .oneOf(value)
    }
    for name in declarationOrder {
      guard case .structure(var value)? = declarations[name]?.declaration else { continue }
      var changed = false
      for index in value.properties.indices {
        guard let target = targets(value.properties[index].type) else { continue }
        let current = TypeDeclaration.structure(value)
        declarations[name]?.declaration = current
        if reaches(target, name, skippingIndirect: true) {
          value.properties[index].isBoxed = true
          changed = true
        }
      }
      if changed { declarations[name]?.declaration = .structure(value) }
    }
  }
}
