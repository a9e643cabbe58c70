import OpenAPIKit

/// Nested types, and one type for an enum that several places declare alike.
extension ModelBuilder {
  /// Claims a type's name before its members are translated, so that their inline types nest
  /// under the name it gets (`Request2.Message`, not `Request.Message`); ``complete(_:origin:)``
  /// then stores the declaration under it.
  func reserveName(_ name: String, origin: [String]) -> String {
    declare(
      .alias(AliasDeclaration(name: name, documentation: Documentation(), type: .builtin(.json), isDeprecated: false)),
      origin: origin)
  }

  /// Stores a declaration under the name ``reserveName(_:origin:)`` gave it.
  func complete(_ declaration: TypeDeclaration, origin: [String]) -> String {
    declarations[declaration.name] = (declaration, origin)
    return declaration.name
  }

  /// The declarations as a tree: each nested type inside its parent, every level sorted by name.
  func nestedDeclarations() -> [TypeDeclaration] {
    var children: [String: [TypeDeclaration]] = [:]
    var roots: [TypeDeclaration] = []
    for (name, entry) in declarations {
      if let parent = SwiftName.parentName(name), declarations[parent]?.declaration.canNest == true {
        children[parent, default: []].append(entry.declaration)
      } else {
        roots.append(entry.declaration)
      }
    }
    func attached(_ declaration: TypeDeclaration) -> TypeDeclaration {
      var declaration = declaration
      declaration.nestedTypes = (children[declaration.name] ?? []).map(attached).sorted { $0.name < $1.name }
      return declaration
    }
    return roots.map(attached).sorted { $0.name < $1.name }
  }

  // MARK: Repeated enums

  /// What makes two inline enums the same type: their values, case names and the values'
  /// descriptions, whether they are open, and their `format`. The schema's own description is
  /// not part of it: it describes the property, which keeps it.
  struct EnumSignature: Hashable {
    var declaration: EnumDeclaration
    var format: String?
  }

  /// An inline enum as the first pass met it.
  struct EnumOccurrence {
    var origin: [String]
    var ownName: String
    var documentation: Documentation
  }

  /// The one type of a repeated enum: its name, the place it is declared at, and its
  /// documentation.
  struct SharedEnum {
    var name: String
    var origin: [String]
    var documentation: Documentation
  }

  /// The declaration an inline enum gets: the shared one when the first pass found the same enum
  /// at other places too; otherwise its own. Records it for the first pass.
  func sharedEnum(_ declaration: EnumDeclaration, schema: JSONSchema, path: [String]) -> (
    declaration: EnumDeclaration, origin: [String]
  ) {
    let isComponent = path.count == 3 && path.starts(with: ["components", "schemas"])
    guard !isComponent else { return (declaration, path) }
    var blank = declaration
    blank.name = ""
    blank.documentation = Documentation()
    let signature = EnumSignature(declaration: blank, format: unknownFormat(schema))
    guard let shared = sharedEnums[signature] else {
      enumOccurrences[signature, default: []].append(
        EnumOccurrence(
          origin: path, ownName: SwiftName.ownName(declaration.name), documentation: declaration.documentation))
      return (declaration, path)
    }
    var result = declaration
    result.name = shared.name
    result.documentation = shared.documentation
    return (result, shared.origin)
  }

  /// The enums the first pass met at two places or more, each with one name: after its
  /// `format`, otherwise after what the places' names share (``SwiftName/sharedEnumName(format:ownNames:)``),
  /// numbered where a schema has the name. The order of the spec's properties changes none.
  func sharedEnumNames() -> [EnumSignature: SharedEnum] {
    var taken = Set(componentNames.values)
    var result: [EnumSignature: SharedEnum] = [:]
    let groups = enumOccurrences.compactMap { signature, occurrences -> (EnumSignature, [EnumOccurrence], String)? in
      let origins = Set(occurrences.map { $0.origin.joined(separator: "/") })
      guard origins.count > 1 else { return nil }
      let name = SwiftName.sharedEnumName(format: signature.format, ownNames: occurrences.map(\.ownName))
      return (signature, occurrences, name)
    }
    let ordered = groups.sorted {
      ($0.2, $0.1.map { $0.origin.joined(separator: "/") }.min()!)
        < ($1.2, $1.1.map { $0.origin.joined(separator: "/") }.min()!)
    }
    for (signature, occurrences, base) in ordered {
      let name = taken.contains(base) ? NameAllocator<Void>.firstFree(base, isTaken: taken.contains) : base
      taken.insert(name)
      let documentations = Set(occurrences.map(\.documentation))
      let values = signature.declaration.cases.map { enumCase -> String in
        switch enumCase.rawValue {
        case .string(let text): "`\(text)`"
        case .int(let number): "`\(number)`"
        default: "`\(enumCase.swiftName)`"
        }
      }
      let summary =
        values.count == 1 ? values[0] : values.dropLast().joined(separator: ", ") + " or " + values.last!
      let documentation = documentations.count == 1 ? documentations.first! : Documentation(summary: summary + ".")
      let origin = occurrences.map(\.origin).min { $0.joined(separator: "/") < $1.joined(separator: "/") }!
      result[signature] = SharedEnum(name: name, origin: origin, documentation: documentation)
    }
    return result
  }
}
