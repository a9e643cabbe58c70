import Foundation
import OpenAPIKit

/// Enums and `oneOf`: closed and open value sets, and unions of schemas.
extension ModelBuilder {
  /// The values of `enum` or `x-extensible-enum`, if the schema has either.
  func enumValues(_ schema: JSONSchema, path: [String]) -> [Any?]? {
    if let values = schema.allowedValues { return values.map { $0.value as Any? } }
    if let extensible = extensionValue("x-extensible-enum", at: path) {
      guard let values = extensible as? [Any] else {
        error("x-extensible-enum must be a list of values", value: path + ["x-extensible-enum"])
        return nil
      }
      return values.map { $0 as Any? }
    }
    return nil
  }

  func declareEnum(
    name: String, schema: JSONSchema, values: [Any?], rawType: EnumDeclaration.RawType, path: [String]
  ) -> String {
    let isFrozen = extensionValue("x-swift-frozen", at: path) as? Bool ?? false
    let descriptions = extensionValue("x-enum-descriptions", at: path) as? [Any] ?? []
    let varnames = extensionValue("x-enum-varnames", at: path) as? [Any] ?? []
    let valuesKey = schema.allowedValues != nil ? "enum" : "x-extensible-enum"
    var cases: [EnumCase] = []
    var used = NameAllocator<String>(reserving: isFrozen ? [:] : ["unknown": ""])
    var seen: [LiteralValue: Int] = [:]
    for (index, value) in values.enumerated() {
      let raw: LiteralValue
      switch (rawType, value) {
      case (.string, let text as String): raw = .string(text)
      case (.int, let number as Int): raw = .int(number)
      // `null` in a nullable enum: OpenAPIKit's AnyCodable holds it as `()` or `NSNull`.
      case (_, Optional<Any>.none), (_, is Void), (_, is NSNull): continue
      default:
        error(
          "the enum value at index \(index) is not a \(rawType == .string ? "string" : "integer")",
          value: path + [valuesKey, String(index)])
        continue
      }
      // The value as a warning quotes it: `"a b"`, `-1`.
      let text =
        switch raw {
        case .string(let text): "\"\(text)\""
        case .int(let number): String(number)
        default: ""
        }
      if let first = seen[raw] {
        warning(
          "the enum value \(text) is listed again (first at index \(first)); it is one case",
          value: path + [valuesKey, String(index)])
        continue
      }
      seen[raw] = index
      var caseName: String
      if index < varnames.count, let custom = varnames[index] as? String {
        caseName = custom
      } else {
        switch raw {
        case .string(let text): caseName = SwiftName.caseName(text)
        case .int(let number): caseName = number < 0 ? "minus\(-number)" : "value\(number)"
        default: caseName = "value"
        }
      }
      caseName = claimCaseName(caseName, for: text, in: &used, at: path + [valuesKey, String(index)])
      let caseDocumentation = index < descriptions.count ? (descriptions[index] as? String) : nil
      cases.append(
        EnumCase(swiftName: caseName, rawValue: raw, documentation: Documentation(details: caseDocumentation)))
    }
    let own = EnumDeclaration(
      name: name, documentation: documentation(schema), rawType: rawType, cases: cases, isFrozen: isFrozen,
      isDocumentedAsExtensible: extensionValue("x-extensible-enum", at: path) != nil,
      isDeprecated: schema.deprecated)
    let shared = sharedEnum(own, schema: schema, path: path)
    return declare(.enumeration(shared.declaration), origin: shared.origin)
  }

  /// `caseName` for `value` (as a warning quotes it) if no earlier value of the enum has it,
  /// otherwise the first free numbered one (`aB`, `aB2`, `aB3`), with a warning at the value. A
  /// value called `unknown` beside the open enum's own `unknown` case is `unknownValue`, with a
  /// warning too.
  private func claimCaseName(
    _ caseName: String, for value: String, in used: inout NameAllocator<String>, at path: [String]
  ) -> String {
    var base = SwiftName.unescaped(caseName)
    if base == "unknown", used.owner(of: base) == "" {
      base = "unknownValue"
      warning(
        "the enum value \(value) is unknownValue in Swift: unknown is the open enum's case for the values it does not list (set x-enum-varnames to choose)",
        value: path)
    }
    let claimed = used.claim(base, for: value)
    guard let other = claimed.collision else { return base == SwiftName.unescaped(caseName) ? caseName : base }
    warning(
      "the enum values \(other) and \(value) both become \(base) in Swift; this one is \(claimed.name) (set x-enum-varnames to choose)",
      value: path)
    return claimed.name
  }

  // MARK: oneOf

  func declareOneOf(name: String, schema: JSONSchema, members: [JSONSchema], key: String, path: [String])
    -> String
  {
    let name = reserveName(name, origin: path)
    let discriminator = schema.discriminator
    var cases: [OneOfCase] = []
    var used = NameAllocator<Int>()
    for (index, member) in members.enumerated() where !member.isNullSchema {
      let memberPath = path + [key, String(index)]
      var caseName: String
      var values: [String] = []
      if case .reference(let reference, _) = member.value,
        let component = resolveSchemaReference(reference, at: memberPath)
      {
        caseName = SwiftName.memberName(componentSwiftName(component))
        let mapped = (discriminator?.mapping ?? [:]).filter { _, target in
          target == reference.absoluteString || target == component
        }.map(\.key).sorted()
        values = mapped.isEmpty ? [component] : mapped
      } else {
        caseName = SwiftName.memberName(inlineCaseName(member, index: index))
        if discriminator != nil {
          error("a oneOf with a discriminator must list $refs, so that each case has a name", key: memberPath)
        }
      }
      // Two members of one type (`string` and a `string` with a pattern): the first free number.
      let claimed = used.claim(SwiftName.unescaped(caseName), for: index)
      if claimed.collision != nil { caseName = claimed.name }
      let type = typeUsage(
        member, path: memberPath, name: SwiftName.nestedTypeName(SwiftName.unescaped(caseName), in: name))
      cases.append(OneOfCase(swiftName: caseName, type: type, discriminatorValues: values))
    }
    return complete(
      .oneOf(
        OneOfDeclaration(
          name: name, documentation: documentation(schema), discriminator: discriminator?.propertyName,
          cases: cases, isDeprecated: schema.deprecated)),
      origin: path)
  }

  /// A case name for an inline `oneOf` member: its type's name, such as `int` or `string`.
  func inlineCaseName(_ schema: JSONSchema, index: Int) -> String {
    switch schema.value {
    case .string(let core, _):
      core.formatString == "date-time" ? "timestamp" : (core.formatString.flatMap { $0.isEmpty ? nil : $0 } ?? "string")
    case .integer: "int"
    case .number: "double"
    case .boolean: "bool"
    case .array: "array"
    case .object: "object"
    default: "option\(index + 1)"
    }
  }
}
