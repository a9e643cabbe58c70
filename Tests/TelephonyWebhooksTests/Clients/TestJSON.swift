import Foundation
import Testing

/// JSON parsed for comparisons, independently of the SDK's `JSONValue`: object key order and
/// string escaping do not matter, numbers compare by value (`1` equals `1.0`), and booleans are
/// never numbers.
indirect enum TestJSON: Hashable, Decodable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([TestJSON])
  case object([String: TestJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([TestJSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: TestJSON].self))
    }
  }

  init(_ data: Data) throws {
    self = try JSONDecoder().decode(TestJSON.self, from: data)
  }

  init(_ text: String) throws {
    try self.init(Data(text.utf8))
  }

  /// The same JSON with every object member whose value is `null` removed, at any depth.
  var strippingNulls: TestJSON {
    switch self {
    case .array(let elements): .array(elements.map(\.strippingNulls))
    case .object(let members): .object(members.filter { $0.value != .null }.mapValues(\.strippingNulls))
    default: self
    }
  }

  /// Canonical text with sorted keys, so that a failed comparison reads well.
  var description: String {
    switch self {
    case .null: "null"
    case .bool(let value): value ? "true" : "false"
    case .number(let value):
      value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .string(let value): "\"" + value + "\""
    case .array(let elements): "[" + elements.map(\.description).joined(separator: ",") + "]"
    case .object(let members):
      "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }
  }
}

/// Expects `data` to be exactly the JSON of `expected`: same members, same values, no extra keys.
func expectJSON(
  _ data: Data, equals expected: String, ignoringNulls: Bool = false,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  var actual = try TestJSON(data)
  var wanted = try TestJSON(expected)
  if ignoringNulls {
    actual = actual.strippingNulls
    wanted = wanted.strippingNulls
  }
  #expect(actual == wanted, sourceLocation: sourceLocation)
}

/// Decodes `seed` as `T`, encodes the value again and expects the same JSON, ignoring `null`s.
@discardableResult
func expectRoundTrip<T: Codable & Equatable>(
  _ type: T.Type, _ seed: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> T {
  let value = try JSONDecoder().decode(T.self, from: Data(seed.utf8))
  let encoded = try JSONEncoder().encode(value)
  try expectJSON(encoded, equals: seed, ignoringNulls: true, sourceLocation: sourceLocation)
  // Decoding what was encoded gives the same value.
  #expect(try JSONDecoder().decode(T.self, from: encoded) == value, sourceLocation: sourceLocation)
  return value
}
