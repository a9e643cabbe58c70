import Foundation

/// The JSON coders and `Codable` helpers that generated models share.
enum JSONCoding {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return encoder
  }()

  static let decoder = JSONDecoder()

  /// Explains a decoding failure with the JSON path where it happened, for example
  /// `at data[0].type_call: expected String, found a number`.
  static func describe(_ error: any Error, body: Data) -> String {
    guard let error = error as? DecodingError else { return String(describing: error) }
    switch error {
    case .typeMismatch(let type, let context):
      return "at \(path(context.codingPath)): expected \(type), \(context.debugDescription)"
    case .valueNotFound(let type, let context):
      return "at \(path(context.codingPath)): expected \(type), found null"
    case .keyNotFound(let key, let context):
      return "at \(path(context.codingPath)): the required key \"\(key.stringValue)\" is missing"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return body.isEmpty ? "at the root: the body is empty" : "at the root: the body is not valid JSON"
      }
      return "at \(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return String(describing: error)
    }
  }

  static func path(_ codingPath: [any CodingKey]) -> String {
    guard !codingPath.isEmpty else { return "the root" }
    var text = ""
    for key in codingPath {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text
  }
}

/// A coding key for the members of an object that a model does not name.
struct AnyCodingKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int? { nil }

  init(_ stringValue: String) { self.stringValue = stringValue }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension Decoder {
  /// The members of the current object that are not among `Keys`: the `additionalProperties`
  /// of a model that has named properties too.
  @_spi(Generated) public func decodeUnnamedMembers<Keys: CodingKey & CaseIterable, Value: Decodable>(
    excluding keys: Keys.Type, as type: Value.Type = Value.self
  ) throws -> [String: Value] {
    let known = KnownKeys.names(of: keys)
    let container = try self.container(keyedBy: AnyCodingKey.self)
    var values: [String: Value] = [:]
    for key in container.allKeys where !known.contains(key.stringValue) {
      values[key.stringValue] = try container.decode(Value.self, forKey: key)
    }
    return values
  }
}

/// The names of each `CodingKeys` type, built once per type rather than on every decode.
private final class KnownKeys: @unchecked Sendable {
  private static let shared = KnownKeys()
  private let lock = NSLock()
  private var byType: [ObjectIdentifier: Set<String>] = [:]

  static func names<Keys: CodingKey & CaseIterable>(of keys: Keys.Type) -> Set<String> {
    shared.lock.withLock {
      if let names = shared.byType[ObjectIdentifier(keys)] { return names }
      let names = Set(Keys.allCases.map(\.stringValue))
      shared.byType[ObjectIdentifier(keys)] = names
      return names
    }
  }
}

extension Encoder {
  /// Writes `values` as members of the current object, beside the named properties.
  @_spi(Generated) public func encodeUnnamedMembers<Value: Encodable>(_ values: [String: Value]) throws {
    var container = self.container(keyedBy: AnyCodingKey.self)
    for (key, value) in values.sorted(by: { $0.key < $1.key }) {
      try container.encode(value, forKey: AnyCodingKey(key))
    }
  }
}
