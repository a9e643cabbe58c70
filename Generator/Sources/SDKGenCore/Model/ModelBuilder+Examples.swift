import Foundation
import OpenAPIKit

/// Examples: the body a mock transport answers each operation with, from the response's
/// documented example or, where it has none, from its schema.
extension ModelBuilder {
  /// Sets each operation's ``Operation/exampleAnswer``.
  func attachExampleAnswers(_ operations: inout [Operation]) {
    // Each path's item, found once: `OrderedDictionary.keys` builds a new array on every call,
    // which made finding each operation's path a tenth of a large spec's model stage.
    var items: [String: OpenAPI.PathItem] = [:]
    for (path, entry) in document.paths where items[path.rawValue] == nil {
      if let item = entry.b { items[path.rawValue] = item }
    }
    for index in operations.indices {
      operations[index].exampleAnswer = exampleAnswer(operations[index], item: items[operations[index].path])
    }
  }

  private func exampleAnswer(_ operation: Operation, item: OpenAPI.PathItem?) -> ExampleAnswer? {
    var first = operation.success.statuses.first ?? .code(200)
    var responseBody = operation.success.shape.body
    if case .outcomes(let outcomes) = operation.success.shape, let firstCase = outcomes.cases.first {
      // The first outcome the spec lists, such as `.ok(Call)`.
      first = firstCase.status
      responseBody = firstCase.body
    }
    let status: Int
    switch first {
    case .code(let code): status = code
    case .range, .default: status = 200
    }
    guard let body = responseBody else {
      return ExampleAnswer(status: status, mediaType: nil, body: nil, source: .schema)
    }
    let mediaType = body.mediaTypes.first ?? "application/json"
    guard let content = successContent(operation, item: item, status: first, mediaType: mediaType) else {
      return ExampleAnswer(status: status, mediaType: mediaType, body: "", source: .schema, responseBody: body)
    }
    var source = ExampleAnswer.Source.documented
    var value = documentedExample(content)
    if value == nil {
      source = .schema
      value = content.schema.map { exampleValue($0, depth: 0, visiting: []) } ?? nil
    }
    switch body.encoding {
    case .json, .form, .multipart:
      return ExampleAnswer(
        status: status, mediaType: mediaType, body: ExampleJSON.text(value ?? NSNull()), source: source,
        responseBody: body)
    case .text:
      let text = (value as? String) ?? value.map { ExampleJSON.text($0) } ?? "example"
      return ExampleAnswer(status: status, mediaType: mediaType, body: text, source: source, responseBody: body)
    case .binary:
      return ExampleAnswer(
        status: status, mediaType: mediaType, body: (value as? String) ?? "", source: source, responseBody: body)
    }
  }

  /// The content of the response for `status` in `mediaType`, resolved.
  private func successContent(
    _ operation: Operation, item: OpenAPI.PathItem?, status: StatusMatch, mediaType: String
  ) -> OpenAPI.Content? {
    guard let item,
      let endpoint = item.endpoints.first(where: { $0.method.rawValue.lowercased() == operation.method.rawValue })
    else { return nil }
    // The status's own response, else `default`, which is the success when it is the only one.
    let responses = endpoint.operation.responses
    guard
      let key = responses.keys.first(where: { $0.rawValue.uppercased() == status.text.uppercased() })
        ?? responses.keys.first(where: { $0.rawValue == "default" }),
      let entry = responses[key],
      let response = resolve(
        entry, in: document.components.responses, kind: "responses", path: ["paths", operation.path])
    else { return nil }
    let content = response.value.content
    guard let chosen = content.first(where: { $0.key.rawValue == mediaType }) ?? content.first else { return nil }
    return resolve(chosen.value, in: document.components.mediaTypes, kind: "mediaTypes", path: [])?.value
  }

  /// The media type's `example`, else its first `examples` entry with a value.
  private func documentedExample(_ content: OpenAPI.Content) -> Any? {
    if let example = content.example { return ExampleJSON.plain(example.value) }
    for (_, entry) in content.examples ?? [:] {
      if let example = resolve(entry, in: document.components.examples, kind: "examples", path: [])?.value,
        let value = example.dataOrLegacyValue
      {
        return ExampleJSON.plain(value.value)
      }
    }
    return nil
  }

  /// A value that `schema` accepts: its own example, default or first allowed value, else one
  /// built from its type. `visiting` holds the component schemas being built, so that a
  /// recursive schema stops at its optional properties.
  func exampleValue(_ schema: JSONSchema, depth: Int, visiting: Set<String>) -> Any? {
    if let example = schema.examples.first { return ExampleJSON.plain(example.value) }
    if let value = schema.defaultValue { return ExampleJSON.plain(value.value) }
    if let value = schema.allowedValues?.first { return ExampleJSON.plain(value.value) }
    guard depth < 24 else { return nil }
    switch schema.value {
    case .null: return NSNull()
    case .boolean: return true
    case .integer: return 1
    case .number: return 1.5
    case .string(let core, _): return Self.exampleString(format: core.formatString ?? "")
    case .array(_, let context):
      guard let items = context.items,
        let item = exampleValue(items, depth: depth + 1, visiting: visiting)
      else { return [Any]() }
      return Array(repeating: item, count: max(1, context.minItems))
    case .object(_, let context):
      var object: [String: Any] = [:]
      let required = Set(context.requiredProperties)
      for (name, property) in context.properties {
        // A recursive schema's optional property is left out.
        if !required.contains(name), Self.refersToAny(property, of: visiting) { continue }
        if let value = exampleValue(property, depth: depth + 1, visiting: visiting) { object[name] = value }
      }
      return object
    case .all(let parts, _):
      let values = parts.compactMap { exampleValue($0, depth: depth + 1, visiting: visiting) }
      // Around an enum or a primitive, the first member that is not an object is the value.
      if let value = values.first(where: { !($0 is [String: Any]) }) { return value }
      var object: [String: Any] = [:]
      for case let members as [String: Any] in values {
        object.merge(members) { _, new in new }
      }
      return object
    case .one(let choices, let core), .any(let choices, let core):
      guard let first = choices.first(where: { !($0.value.isNull) }) ?? choices.first,
        var value = exampleValue(first, depth: depth + 1, visiting: visiting)
      else { return nil }
      if let discriminator = core.discriminator, var object = value as? [String: Any] {
        // The value that selects the first choice, whatever its own schema's example says.
        let name = Self.referencedName(first)
        if let selector = discriminator.mapping?.first(where: { $0.value.hasSuffix("/" + (name ?? "")) })?.key ?? name {
          object[discriminator.propertyName] = selector
          value = object
        }
      }
      return value
    case .reference(let reference, _):
      guard let (name, target) = componentSchema(reference) else { return nil }
      return exampleValue(target, depth: depth + 1, visiting: visiting.union([name]))
    case .not, .fragment:
      return "example"
    }
  }

  /// A string of a `format`, such as a date-time.
  private static func exampleString(format: String) -> String {
    switch format {
    case "date-time": "2024-01-01T00:00:00Z"
    case "date": "2024-01-01"
    case "uuid": "00000000-0000-4000-8000-000000000000"
    case "uri", "url": "https://example.com"
    case "email": "user@example.com"
    default: "example"
    }
  }

  /// The component name a `$ref` schema names.
  private static func referencedName(_ schema: JSONSchema) -> String? {
    guard case .reference(let reference, _) = schema.value else { return nil }
    return reference.name
  }

  /// Whether `schema` (or its array's items) refers to one of the component schemas `names`.
  private static func refersToAny(_ schema: JSONSchema, of names: Set<String>) -> Bool {
    switch schema.value {
    case .reference(let reference, _): return reference.name.map(names.contains) ?? false
    case .array(_, let context): return context.items.map { refersToAny($0, of: names) } ?? false
    case .one(let choices, _), .any(let choices, _), .all(let choices, _):
      return choices.contains { refersToAny($0, of: names) }
    default: return false
    }
  }
}

extension JSONSchema.Schema {
  fileprivate var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}

/// JSON text for example values, deterministic on every platform: keys sorted, two spaces of
/// indentation.
enum ExampleJSON {
  /// `value` with every `AnyCodable` unwrapped.
  static func plain(_ value: Any?) -> Any {
    switch value {
    case nil: return NSNull()
    case let wrapped as AnyCodable: return plain(wrapped.value)
    case let object as [String: Any]: return object.mapValues { plain($0) }
    case let object as [String: AnyCodable]: return object.mapValues { plain($0.value) }
    case let list as [Any]: return list.map { plain($0) }
    case let list as [AnyCodable]: return list.map { plain($0.value) }
    case let date as Date: return ISO8601DateFormatter().string(from: date)
    case let url as URL: return url.absoluteString
    case let value?: return value
    }
  }

  static func text(_ value: Any, indent: String = "") -> String {
    let inner = indent + "  "
    switch value {
    case let object as [String: Any]:
      guard !object.isEmpty else { return "{}" }
      let members = object.keys.sorted().map { key in
        inner + string(key) + ": " + text(object[key] ?? NSNull(), indent: inner)
      }
      return "{\n" + members.joined(separator: ",\n") + "\n" + indent + "}"
    case let list as [Any]:
      guard !list.isEmpty else { return "[]" }
      return "[\n" + list.map { inner + text($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
    case let text as String: return string(text)
    case let flag as Bool: return flag ? "true" : "false"
    case let number as Int: return String(number)
    case let number as Double:
      return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    default: return "null"
    }
  }

  /// A JSON string literal, as `JSONEncoder` writes one (slashes left alone).
  static func string(_ text: String) -> String {
    // Printable ASCII without a quote or a backslash is written as it is; an encoder for every
    // other string (a JSONEncoder a string cost a quarter of a large spec's example table).
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
      return "\"" + text + "\""
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
  }

}
