import Foundation

/// Any JSON value, for free-form objects such as call metadata.
///
/// It round-trips what it decoded: integers stay integers, other numbers stay doubles, and
/// `null` is kept.
public enum JSONValue: Codable, Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number that decodes as an `Int`: an integer that fits in one.
  case int(Int)
  /// Any other number.
  case double(Double)
  /// A string.
  case string(String)
  /// An array, in order.
  case array([JSONValue])
  /// An object, by member name.
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if Self.isStrictJSON(decoder) {
      // Foundation's JSONDecoder never converts between kinds, so the order of the attempts
      // does not change the result. Each failed attempt builds and throws a `DecodingError`,
      // which costs more than the value: the common kinds go first.
      if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode(Int.self) {
        self = .int(value)
      } else if let value = try? container.decode(Double.self) {
        self = .double(value)
      } else if let value = try? container.decode(Bool.self) {
        self = .bool(value)
      } else if let value = try? container.decode([JSONValue].self) {
        self = .array(value)
      } else {
        self = .object(try container.decode([String: JSONValue].self))
      }
    } else if let value = try? container.decode(Bool.self) {
      // A decoder that may convert (a YAML decoder reads `1` as a String too): the order that
      // keeps booleans and numbers what they are.
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Whether `decoder` is Foundation's `JSONDecoder`, by the type of its decoder, found once.
  private static func isStrictJSON(_ decoder: any Decoder) -> Bool {
    ObjectIdentifier(type(of: decoder)) == jsonDecoderType
  }

  private static let jsonDecoderType: ObjectIdentifier? = try? JSONDecoder().decode(
    DecoderType.self, from: Data("0".utf8)
  ).type

  /// Records the type of the decoder that decodes it.
  private struct DecoderType: Decodable {
    let type: ObjectIdentifier
    init(from decoder: any Decoder) throws { type = ObjectIdentifier(Swift.type(of: decoder)) }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let value) = self { value } else { nil }
  }

  /// The object's members, if this is an object.
  public var objectValue: [String: JSONValue]? {
    if case .object(let value) = self { value } else { nil }
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { value } else { nil }
  }

  /// The member named `key`, if this is an object that has it.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }

  /// Whether every member of `subset` is present here with an equal value.
  ///
  /// Objects match recursively, so `{"a": {"b": 1}}` contains `{"a": {}}`; any other value must
  /// be equal. This is the rule Api4Com applies to a `webhookConstraint`.
  public func contains(_ subset: JSONValue) -> Bool {
    guard case .object(let wanted) = subset, case .object(let members) = self else {
      return self == subset
    }
    return wanted.allSatisfy { key, value in members[key]?.contains(value) ?? false }
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
