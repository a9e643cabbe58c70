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
    guard let schema = document.components.schemas[OpenAPI.ComponentKey(componentName: name)!] else {
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

  /// The component schema a `$ref` names, with its name; `nil`, silently, when it names none
  /// (``resolveSchemaReference(_:at:)`` reports that).
  func componentSchema(_ reference: JSONReference<JSONSchema>) -> (name: String, schema: JSONSchema)? {
    guard let name = reference.name, let key = OpenAPI.ComponentKey(componentName: name),
      let schema = document.components.schemas[key]
    else { return nil }
    return (name, schema)
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
    guard let key = OpenAPI.ComponentKey(componentName: name), document.components.schemas[key] != nil else {
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
      return .array(typeUsage(items, path: path + ["items"], name: SwiftName.itemTypeName(name)))
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
      if let chosen = constrainingMember(of: members, path: path) {
        return typeUsage(chosen.element, path: path + ["allOf", String(chosen.offset)], name: name)
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
      // Swift has no type for "anything but X": the value is any JSON, unchecked.
      warning("a \"not\" schema is any JSON (JSONValue); its constraint is not checked", key: path + ["not"])
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

  func additionalPropertiesType(_ context: JSONSchema.ObjectContext, path: [String], name: String)
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
  /// Its name is claimed first, so that the inline types of its properties nest under the name
  /// it gets; those are named in the order of their JSON keys, so that reordering a spec's
  /// properties renames no type.
  func declareStruct(
    name: String, schema: JSONSchema, parts: [(JSONSchema, [String])], path: [String]
  ) -> String {
    let name = reserveName(name, origin: path)
    var members: [(key: String, schema: JSONSchema, path: [String], parent: String, required: Bool)] = []
    var additional: TypeUsage?
    var seenJSON = Set<String>()
    var documentationParts = [documentation(schema)]
    for (part, partPath) in flatten(parts) {
      guard case .object(_, let context) = part.value else {
        if case .fragment = part.value { continue }
        warning(
          "an allOf member that is not an object schema adds no properties; the struct has its object members' properties",
          key: partPath)
        continue
      }
      documentationParts.append(documentation(part))
      // Inline types of a referenced part are named after that part's own component.
      let parent =
        partPath.starts(with: ["components", "schemas"]) && partPath.count == 3
        ? componentSwiftName(partPath[2]) : name
      for (key, propertySchema) in context.properties where !seenJSON.contains(key) {
        seenJSON.insert(key)
        members.append(
          (key, propertySchema, partPath + ["properties", key], parent, context.requiredProperties.contains(key)))
      }
      if let type = additionalPropertiesType(context, path: partPath, name: parent) {
        additional = type
      }
    }
    var types: [String: TypeUsage] = [:]
    for member in members.sorted(by: { $0.key < $1.key }) {
      types[member.key] = typeUsage(
        member.schema, path: member.path, name: SwiftName.nestedTypeName(member.key, in: member.parent))
    }
    var properties: [Property] = []
    // The member that keeps unknown keys is `additionalProperties`: a property of that Swift
    // name gets a number.
    let unknownKeysMember = "the member that keeps unknown keys"
    var seenSwift = NameAllocator<String>(
      reserving: additional == nil ? [:] : ["additionalProperties": unknownKeysMember])
    for member in members {
      let (key, propertySchema, propertyPath) = (member.key, member.schema, member.path)
      var swiftName = customMemberName(at: propertyPath) ?? SwiftName.memberName(key)
      if swiftName == "`self`" {
        // `value.self` is the value itself in Swift, so a property cannot be read as `self`.
        swiftName = "selfValue"
      }
      let claimed = seenSwift.claim(swiftName, for: key)
      if claimed.collision == unknownKeysMember {
        warning(
          "the property \"\(key)\" becomes \(SwiftName.unescaped(swiftName)) in Swift, the name of the member that keeps unknown keys; this one is \(claimed.name) (set x-swift-name to choose)",
          key: propertyPath)
      } else if let other = claimed.collision {
        warning(
          "the properties \"\(other)\" and \"\(key)\" both become \(SwiftName.unescaped(swiftName)) in Swift; this one is \(claimed.name) (set x-swift-name to choose)",
          key: propertyPath)
      }
      swiftName = claimed.name
      let type = types[key]!
      properties.append(
        Property(
          jsonName: key, swiftName: swiftName, type: type,
          isOptional: !member.required || isNullable(propertySchema) || propertySchema.readOnly
            || propertySchema.writeOnly,
          defaultValue: literal(propertySchema.defaultValue, for: type, path: propertyPath + ["default"]),
          documentation: documentation(propertySchema),
          isDeprecated: propertySchema.deprecated, isReadOnly: propertySchema.readOnly,
          isWriteOnly: propertySchema.writeOnly))
    }
    let docs =
      documentationParts.first(where: { !$0.isEmpty })
      ?? Documentation(summary: Self.undocumentedSummary(path))
    return complete(
      .structure(
        StructDeclaration(
          name: name, documentation: docs, properties: properties, additionalProperties: additional,
          isDeprecated: schema.deprecated, errorFormat: nil)),
      origin: path)
  }

  /// For an `allOf` without an object member, such as an enum `$ref` beside `type: string`:
  /// the member that constrains the value most, an enum if there is one, else the first.
  private func constrainingMember(of members: [EnumeratedSequence<[JSONSchema]>.Element], path: [String])
    -> EnumeratedSequence<[JSONSchema]>.Element?
  {
    let resolved = members.map { ($0, flatten([($0.element, path + ["allOf", String($0.offset)])]).map(\.0)) }
    guard !members.isEmpty, !resolved.contains(where: { $0.1.contains(where: \.isObject) }) else { return nil }
    return resolved.first(where: { $0.1.contains { $0.allowedValues != nil } })?.0 ?? members[0]
  }

  /// The object parts of an `allOf`, following `$ref`s and nested `allOf`s.
  func flatten(_ parts: [(JSONSchema, [String])], depth: Int = 0) -> [(JSONSchema, [String])] {
    guard depth < 16 else { return [] }
    return parts.flatMap { part, path -> [(JSONSchema, [String])] in
      switch part.value {
      case .reference(let reference, _):
        guard let name = resolveSchemaReference(reference, at: path),
          let target = document.components.schemas[OpenAPI.ComponentKey(componentName: name)!]
        else { return [] }
        return flatten([(target, ["components", "schemas", name])], depth: depth + 1)
      case .all(let nested, _):
        return flatten(nested.enumerated().map { ($1, path + ["allOf", String($0)]) }, depth: depth + 1)
      default:
        return [(part, path)]
      }
    }
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
