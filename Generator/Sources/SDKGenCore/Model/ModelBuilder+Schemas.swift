import Foundation
import OpenAPIKit

/// Schemas to types: structs, enums, `oneOf` enums and type aliases.
extension ModelBuilder {
  /// The type of the component schema `name`, translating it on first use.
  func componentType(_ name: String, at path: [String]) -> TypeUsage {
    let swiftName = componentSwiftName(name)
    if declarations[swiftName] != nil || componentsInProgress.contains(name) {
      return .named(swiftName)
    }
    guard let schema = document.components.schemas[OpenAPI.ComponentKey(rawValue: name)!] else {
      return .builtin(.json)
    }
    componentsInProgress.insert(name)
    defer { componentsInProgress.remove(name) }
    let schemaPath = ["components", "schemas", name]
    if let reserved = reservedComponentNames[name] {
      warning(
        "the schema \"\(name)\" becomes the Swift type \(swiftName): \(reserved) is reserved in a generated namespace; set x-swift-name to choose another name",
        key: schemaPath)
    }
    let type = typeUsage(schema, path: schemaPath, name: swiftName, isComponent: true)
    if type != .named(swiftName) {
      // A primitive, array or free-form component keeps its name as a type alias.
      declare(
        .alias(
          AliasDeclaration(
            name: swiftName, documentation: documentation(schema), type: type,
            isDeprecated: schema.deprecated)),
        origin: schemaPath)
    }
    return .named(swiftName)
  }

  func componentSwiftName(_ name: String) -> String {
    componentNames[name]
      ?? (extensionValue("x-swift-name", at: ["components", "schemas", name]) as? String
        ?? SwiftName.componentTypeName(name))
  }

  /// The component a `$ref` names, or an error at the `$ref` when it does not resolve.
  func resolveSchemaReference(_ reference: JSONReference<JSONSchema>, at path: [String]) -> String? {
    let prefix = "#/components/schemas/"
    let text = reference.absoluteString
    guard text.hasPrefix(prefix) else {
      error("unsupported: the $ref \"\(text)\" is not a local #/components/schemas reference", value: path + ["$ref"])
      return nil
    }
    let name = String(text.dropFirst(prefix.count))
    guard let key = OpenAPI.ComponentKey(rawValue: name), document.components.schemas[key] != nil else {
      error(
        "the $ref \"\(text)\" does not resolve: there is no schema \"\(name)\" in components/schemas",
        value: path + ["$ref"])
      return nil
    }
    return name
  }

  /// The Swift type for `schema`; inline objects and enums are declared under `name`.
  func typeUsage(_ schema: JSONSchema, path: [String], name: String, isComponent: Bool = false) -> TypeUsage {
    switch schema.value {
    case .reference(let reference, _):
      guard let component = resolveSchemaReference(reference, at: path) else { return .builtin(.json) }
      return componentType(component, at: path)
    case .string(let core, let context):
      if let values = enumValues(schema, path: path) {
        return .named(declareEnum(name: name, schema: schema, values: values, rawType: .string, path: path))
      }
      // A file: a multipart part of its own (in JSON, its bytes in base64).
      if context.contentMediaType != nil && context.contentEncoding == nil { return .builtin(.multipartFile) }
      switch core.formatString {
      case "date-time": return .builtin(.timestamp)
      case "uri", "url": return .builtin(.url)
      case "uuid": return .builtin(.uuid)
      case "password": return .builtin(.secret)
      case "binary": return .builtin(.multipartFile)
      default: return .builtin(.string)
      }
    case .integer(let core, _):
      if let values = enumValues(schema, path: path) {
        return .named(declareEnum(name: name, schema: schema, values: values, rawType: .int, path: path))
      }
      switch core.formatString {
      case "int32": return .builtin(.int32)
      case "int64": return .builtin(.int64)
      default: return .builtin(.int)
      }
    case .number(let core, _):
      return core.formatString == "float" ? .builtin(.float) : .builtin(.double)
    case .boolean:
      return .builtin(.bool)
    case .array(_, let context):
      guard let items = context.items else { return .array(.builtin(.json)) }
      return .array(typeUsage(items, path: path + ["items"], name: name + "Item"))
    case .object(_, let context):
      if context.properties.isEmpty {
        return .dictionary(additionalPropertiesType(context, path: path, name: name) ?? .builtin(.json))
      }
      return .named(declareStruct(name: name, schema: schema, parts: [(schema, path)], path: path))
    case .all(let parts, _):
      // `allOf: [$ref]` beside a description, as many specs document a property.
      let members = parts.enumerated().filter { !$0.element.isFragment }
      if members.count == 1, !members[0].element.isObject {
        return typeUsage(members[0].element, path: path + ["allOf", String(members[0].offset)], name: name)
      }
      return .named(
        declareStruct(
          name: name, schema: schema,
          parts: parts.enumerated().map { ($1, path + ["allOf", String($0)]) }, path: path))
    case .one(let members, _), .any(let members, _):
      let key = schema.value.isOneOf ? "oneOf" : "anyOf"
      let nonNull = members.enumerated().filter { !$0.element.isNullSchema }
      if nonNull.count == 1 {
        return typeUsage(nonNull[0].element, path: path + [key, String(nonNull[0].offset)], name: name)
      }
      return .named(declareOneOf(name: name, schema: schema, members: members, key: key, path: path))
    case .not:
      error("unsupported: \"not\" schemas", key: path + ["not"])
      return .builtin(.json)
    case .fragment, .null:
      // An `enum` or `const` without a `type`: integers, strings, or, mixed, any JSON.
      if let values = enumValues(schema, path: path) {
        let present = values.filter { !($0 == nil || $0 is Void || $0 is NSNull) }
        if !present.isEmpty, present.allSatisfy({ $0 is Int }) {
          return .named(declareEnum(name: name, schema: schema, values: values, rawType: .int, path: path))
        }
        if present.allSatisfy({ $0 is String }) {
          return .named(declareEnum(name: name, schema: schema, values: values, rawType: .string, path: path))
        }
        return .builtin(.json)
      }
      return .builtin(.json)
    }
  }

  /// Whether a property of this schema may be `null`.
  func isNullable(_ schema: JSONSchema) -> Bool {
    if schema.nullable { return true }
    switch schema.value {
    case .one(let members, _), .any(let members, _): return members.contains(where: \.isNullSchema)
    default: return false
    }
  }

  private func additionalPropertiesType(_ context: JSONSchema.ObjectContext, path: [String], name: String)
    -> TypeUsage?
  {
    switch context.additionalProperties {
    case .a(true): return .builtin(.json)
    case .b(let schema): return typeUsage(schema, path: path + ["additionalProperties"], name: name + "Value")
    case .a(false), nil: return nil
    }
  }

  // MARK: Structs

  /// Declares a struct from an object schema, or from the parts of an `allOf` flattened into one.
  private func declareStruct(
    name: String, schema: JSONSchema, parts: [(JSONSchema, [String])], path: [String]
  ) -> String {
    var properties: [Property] = []
    var additional: TypeUsage?
    var seenJSON = Set<String>()
    var seenSwift: [String: String] = [:]
    var documentationParts = [documentation(schema)]
    for (part, partPath) in flatten(parts) {
      guard case .object(_, let context) = part.value else {
        if case .fragment = part.value { continue }
        error("unsupported: an allOf member must be an object schema", key: partPath)
        continue
      }
      documentationParts.append(documentation(part))
      // Inline types of a referenced part are named after that part's own component.
      let parent =
        partPath.starts(with: ["components", "schemas"]) && partPath.count == 3
        ? componentSwiftName(partPath[2]) : name
      for (key, propertySchema) in context.properties where !seenJSON.contains(key) {
        seenJSON.insert(key)
        let propertyPath = partPath + ["properties", key]
        var swiftName = (extensionValue("x-swift-name", at: propertyPath) as? String) ?? SwiftName.memberName(key)
        if swiftName == "`self`" {
          // `value.self` is the value itself in Swift, so a property cannot be read as `self`.
          swiftName = "selfValue"
        }
        if let other = seenSwift[swiftName] {
          let base = SwiftName.unescaped(swiftName)
          var suffix = 2
          while seenSwift[base + String(suffix)] != nil { suffix += 1 }
          swiftName = base + String(suffix)
          warning(
            "the properties \"\(other)\" and \"\(key)\" both become \(base) in Swift; this one is \(swiftName) (set x-swift-name to choose)",
            key: propertyPath)
        }
        seenSwift[swiftName] = key
        let type = typeUsage(propertySchema, path: propertyPath, name: parent + SwiftName.typeNamePart(key))
        let required = context.requiredProperties.contains(key)
        properties.append(
          Property(
            jsonName: key, swiftName: swiftName, type: type,
            isOptional: !required || isNullable(propertySchema) || propertySchema.readOnly || propertySchema.writeOnly,
            defaultValue: literal(propertySchema.defaultValue, for: type, path: propertyPath + ["default"]),
            documentation: documentation(propertySchema),
            isDeprecated: propertySchema.deprecated, isReadOnly: propertySchema.readOnly,
            isWriteOnly: propertySchema.writeOnly))
      }
      if let type = additionalPropertiesType(context, path: partPath, name: parent) {
        additional = type
      }
    }
    if additional != nil, seenSwift["additionalProperties"] != nil {
      error(
        "the property \"additionalProperties\" collides with the generated member that keeps unknown keys; set x-swift-name",
        key: path)
    }
    let docs =
      documentationParts.first(where: { !$0.isEmpty })
      ?? Documentation(summary: Self.undocumentedSummary(path))
    return declare(
      .structure(
        StructDeclaration(
          name: name, documentation: docs, properties: properties, additionalProperties: additional,
          isDeprecated: schema.deprecated, errorFormat: nil)),
      origin: path)
  }

  /// The object parts of an `allOf`, following `$ref`s and nested `allOf`s.
  private func flatten(_ parts: [(JSONSchema, [String])], depth: Int = 0) -> [(JSONSchema, [String])] {
    guard depth < 16 else { return [] }
    return parts.flatMap { part, path -> [(JSONSchema, [String])] in
      switch part.value {
      case .reference(let reference, _):
        guard let name = resolveSchemaReference(reference, at: path),
          let target = document.components.schemas[OpenAPI.ComponentKey(rawValue: name)!]
        else { return [] }
        return flatten([(target, ["components", "schemas", name])], depth: depth + 1)
      case .all(let nested, _):
        return flatten(nested.enumerated().map { ($1, path + ["allOf", String($0)]) }, depth: depth + 1)
      default:
        return [(part, path)]
      }
    }
  }

  // MARK: Enums

  /// The values of `enum` or `x-extensible-enum`, if the schema has either.
  private func enumValues(_ schema: JSONSchema, path: [String]) -> [Any?]? {
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

  private func declareEnum(
    name: String, schema: JSONSchema, values: [Any?], rawType: EnumDeclaration.RawType, path: [String]
  ) -> String {
    let isFrozen = extensionValue("x-swift-frozen", at: path) as? Bool ?? false
    let descriptions = extensionValue("x-enum-descriptions", at: path) as? [Any] ?? []
    let varnames = extensionValue("x-enum-varnames", at: path) as? [Any] ?? []
    let valuesKey = schema.allowedValues != nil ? "enum" : "x-extensible-enum"
    var cases: [EnumCase] = []
    var used: Set<String> = isFrozen ? [] : ["unknown"]
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
      if used.contains(SwiftName.unescaped(caseName)) {
        let base = SwiftName.unescaped(caseName) + (caseName == "unknown" || caseName == "`unknown`" ? "Value" : "")
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
          candidate = base + String(suffix)
          suffix += 1
        }
        caseName = candidate
      }
      used.insert(SwiftName.unescaped(caseName))
      let caseDocumentation = index < descriptions.count ? (descriptions[index] as? String) : nil
      cases.append(
        EnumCase(swiftName: caseName, rawValue: raw, documentation: Documentation(details: caseDocumentation)))
    }
    return declare(
      .enumeration(
        EnumDeclaration(
          name: name, documentation: documentation(schema), rawType: rawType, cases: cases,
          isFrozen: isFrozen,
          isDocumentedAsExtensible: extensionValue("x-extensible-enum", at: path) != nil,
          isDeprecated: schema.deprecated)),
      origin: path)
  }

  // MARK: oneOf

  private func declareOneOf(name: String, schema: JSONSchema, members: [JSONSchema], key: String, path: [String])
    -> String
  {
    let discriminator = schema.discriminator
    var cases: [OneOfCase] = []
    var used = Set<String>()
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
      if used.contains(caseName) { caseName += String(index + 1) }
      used.insert(caseName)
      let type = typeUsage(member, path: memberPath, name: name + SwiftName.typeNamePart(SwiftName.unescaped(caseName)))
      cases.append(OneOfCase(swiftName: caseName, type: type, discriminatorValues: values))
    }
    return declare(
      .oneOf(
        OneOfDeclaration(
          name: name, documentation: documentation(schema), discriminator: discriminator?.propertyName,
          cases: cases, isDeprecated: schema.deprecated)),
      origin: path)
  }

  /// A case name for an inline `oneOf` member: its type's name, such as `int` or `string`.
  private func inlineCaseName(_ schema: JSONSchema, index: Int) -> String {
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

  // MARK: Values

  /// The schema's title and description; a `$ref` without its own falls back to its target's.
  func documentation(_ schema: JSONSchema) -> Documentation {
    if let format = unknownFormat(schema) {
      // The type falls back to the base type; the format stays in the docs.
      let own = Documentation(summary: schema.title, details: schema.description)
      let note = "Format: `\(format)`."
      return Documentation(
        summary: own.summary ?? note,
        details: own.summary == nil ? nil : [own.details, note].compactMap { $0 }.joined(separator: "\n\n"))
    }
    let own = Documentation(summary: schema.title, details: schema.description)
    guard own.isEmpty, case .reference(let reference, _) = schema.value,
      let name = reference.name, let key = OpenAPI.ComponentKey(rawValue: name),
      let target = document.components.schemas[key], !target.isReference
    else { return own }
    return Documentation(summary: target.title, details: target.description)
  }

  /// A `format` that has no Swift type of its own, such as `e164` or `seconds`.
  func unknownFormat(_ schema: JSONSchema) -> String? {
    let known: Set<String> = [
      "", "date-time", "uri", "url", "uuid", "password", "binary", "byte", "int32", "int64", "float", "double",
    ]
    let format: String?
    switch schema.value {
    case .string(let core, _): format = core.formatString
    case .integer(let core, _): format = core.formatString
    case .number(let core, _): format = core.formatString
    default: format = nil
    }
    guard let format, !known.contains(format) else { return nil }
    return format
  }

  /// A `default` value as a literal of `type`, or a warning when it cannot be one.
  func literal(_ value: AnyCodable?, for type: TypeUsage, path: [String]) -> LiteralValue? {
    guard let value else { return nil }
    func convert(_ raw: Any?, _ type: TypeUsage) -> LiteralValue? {
      switch (type, raw) {
      case (_, Optional<Any>.none): return .null
      case (.builtin(.string), let text as String), (.builtin(.timestamp), let text as String),
        (.builtin(.secret), let text as String):
        return .string(text)
      case (.builtin(.int), let number as Int), (.builtin(.int32), let number as Int),
        (.builtin(.int64), let number as Int):
        return .int(number)
      case (.builtin(.double), let number as Double), (.builtin(.float), let number as Double):
        return .double(number)
      case (.builtin(.double), let number as Int), (.builtin(.float), let number as Int):
        return .double(Double(number))
      case (.builtin(.bool), let flag as Bool):
        return .bool(flag)
      case (.array(let element), let list as [Any]):
        let items = list.map { convert($0, element) }
        return items.contains(nil) ? nil : .array(items.compactMap { $0 })
      case (.named(let name), let raw?):
        guard case .enumeration(let declaration)? = declarations[name]?.declaration else {
          if case .alias(let alias)? = declarations[name]?.declaration { return convert(raw, alias.type) }
          return nil
        }
        let match = declaration.cases.first { enumCase in
          switch (enumCase.rawValue, raw) {
          case (.string(let a), let b as String): a == b
          case (.int(let a), let b as Int): a == b
          default: false
          }
        }
        return match.map { .enumCase($0.swiftName) }
      default:
        return nil
      }
    }
    guard let literal = convert(value.value, type) else {
      warning("the default value is not supported for this type and is ignored", key: path)
      return nil
    }
    return literal
  }
}

extension JSONSchema {
  var isNullSchema: Bool {
    if case .null = value { return true }
    return false
  }

  /// Only annotations (a description, examples), no type of its own.
  var isFragment: Bool {
    if case .fragment(let core) = value { return core.allowedValues == nil }
    return false
  }

  var isObject: Bool {
    if case .object = value { return true }
    return false
  }
}

extension JSONSchema.Schema {
  var isOneOf: Bool {
    if case .one = self { return true }
    return false
  }
}
