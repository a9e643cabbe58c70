import OpenAPIKit

/// The units `--skip-unsupported` can leave out, and the names chosen before translation.
extension ModelBuilder {
  /// Runs `body` to translate one unit of the spec. When it reports errors, with
  /// `--skip-unsupported` they become warnings and the unit is left out (`nil`); without it,
  /// each error says that the flag would skip the unit.
  func unit<T>(_ kind: SkippedUnit.Kind, _ name: String, _ body: () -> T?) -> T? {
    let start = diagnostics.count
    let declared = declarationOrder.count
    let result = body()
    guard diagnostics.hasErrors(since: start) else { return result }
    guard options.skipUnsupported else {
      diagnostics.annotateErrors(since: start, " (--skip-unsupported skips this \(kind.rawValue))")
      return result
    }
    let reason = diagnostics.all[start...].first { $0.severity == .error }?.message ?? ""
    diagnostics.demoteErrors(since: start, skipped: "\(kind.rawValue) \(name)")
    for name in declarationOrder[declared...] { declarations[name] = nil }
    declarationOrder.removeSubrange(declared...)
    skipped.append(SkippedUnit(kind: kind, name: name, reason: reason))
    return nil
  }

  /// Translates a component schema; one that is skipped becomes a `JSONValue` alias, so that
  /// what refers to it still compiles.
  func translateComponent(_ key: String) {
    let path = ["components", "schemas", key]
    let translated: TypeUsage? = unit(.schema, key) { componentType(key, at: path) }
    guard translated == nil else { return }
    declare(
      .alias(
        AliasDeclaration(
          name: componentSwiftName(key),
          documentation: Documentation(
            summary: "The schema `\(key)`, as any JSON: sdkgen skipped its definition (see the warning)."),
          type: .builtin(.json), isDeprecated: false)),
      origin: path)
  }

  /// Chooses every component schema's Swift name before any is translated: `x-swift-name`, or
  /// the name in UpperCamelCase without the leading segments that every name shares
  /// (`voice.v1.call` → `Call`) and without the segments that say nothing new
  /// (``SwiftName/pathTypeName(_:namespace:)``), a long one from only the last segments that tell
  /// it apart (``SwiftName/pathTypeNames(_:namespace:)``); names that collide get a
  /// number and a warning.
  func nameComponents(namespace: String) {
    let keys = document.components.schemas.keys.map(\.rawValue)
    let prefix = Self.sharedPrefix(keys)
    let pathNames = SwiftName.pathTypeNames(keys.map { String($0.dropFirst(prefix.count)) }, namespace: namespace)
    var names: [String: String] = [:]
    for key in keys {
      let custom = extensionValue("x-swift-name", at: ["components", "schemas", key]) as? String
      names[key] = custom ?? pathNames[String(key.dropFirst(prefix.count))]
    }
    // Without the prefix the names must stay distinct; otherwise keep the whole names.
    if !prefix.isEmpty, Set(names.values).count < Set(keys.map { SwiftName.typeName($0) }).count {
      for key in keys where extensionValue("x-swift-name", at: ["components", "schemas", key]) == nil {
        names[key] = SwiftName.typeName(key)
      }
    }
    // A reserved name, the spec's or its x-swift-name, gets `Model` added, with a warning.
    for key in keys {
      let name = names[key]!
      if SwiftName.isReservedTypeName(name) {
        reservedComponentNames[key] = SwiftName.unescaped(name)
        names[key] = SwiftName.componentTypeName(name)
      }
    }
    for key in keys {
      let base = names[key]!
      let claimed = componentNameOwners.claim(base, for: key)
      if let owner = claimed.collision {
        let line = sourceMap.key(["components", "schemas", owner]).line
        warning(
          "the schemas \"\(owner)\" (line \(line)) and \"\(key)\" both become the Swift type \(base); this one is \(claimed.name) (set x-swift-name to choose)",
          key: ["components", "schemas", key])
      }
      componentNames[key] = claimed.name
    }
  }

  /// The dotted segments (`voice.v1.`) that begin every name, when there are several names and
  /// each has more after them.
  static func sharedPrefix(_ names: [String]) -> String {
    guard names.count > 1 else { return "" }
    let split = names.map { $0.split(separator: ".", omittingEmptySubsequences: false) }
    var count = 0
    while split.allSatisfy({ $0.count > count + 1 && $0[count] == split[0][count] }) {
      count += 1
    }
    guard count > 0 else { return "" }
    return split[0].prefix(count).joined(separator: ".") + "."
  }
}
