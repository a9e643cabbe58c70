/// An enumeration that accepts values it does not know.
///
/// Providers add events and types without notice. Generated enums conform to this protocol and
/// keep an `unknown` case, so a new value decodes instead of failing the whole response, and
/// encodes back unchanged. Equality and hashing follow the raw value.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable
where RawValue: Codable & Hashable & Sendable {
  /// Creates a value from any raw value; unknown raw values are kept as they are.
  init(rawValue: RawValue)
}

extension OpenEnum {
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(RawValue.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.rawValue == rhs.rawValue
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rawValue)
  }
}

// Synthesized `Codable` code asks the container for each property. These overloads read and
// write an open enum's raw value directly, instead of through a nested single-value decoder:
// a quarter of a large page's decoding time. The result is the same for generated enums.
// They are SPI, seen only by generated code (which imports the module with
// `@_spi(Generated)`): a user's own `Codable` types keep the standard overload resolution, so an
// open enum with its own `init(from:)` or `encode(to:)` is coded through it.
extension KeyedDecodingContainer {
  @_spi(Generated) public func decode<T: OpenEnum>(_ type: T.Type, forKey key: Key) throws -> T {
    T(rawValue: try decode(T.RawValue.self, forKey: key))
  }

  @_spi(Generated) public func decodeIfPresent<T: OpenEnum>(_ type: T.Type, forKey key: Key) throws -> T? {
    try decodeIfPresent(T.RawValue.self, forKey: key).map(T.init(rawValue:))
  }
}

extension KeyedEncodingContainer {
  @_spi(Generated) public mutating func encode<T: OpenEnum>(_ value: T, forKey key: Key) throws {
    try encode(value.rawValue, forKey: key)
  }

  @_spi(Generated) public mutating func encodeIfPresent<T: OpenEnum>(_ value: T?, forKey key: Key) throws {
    try encodeIfPresent(value?.rawValue, forKey: key)
  }
}

// String-backed enums, the common case, take the containers' concrete `String` methods, which
// JSONDecoder implements without generic dispatch.
extension KeyedDecodingContainer {
  @_spi(Generated) public func decode<T: OpenEnum>(_ type: T.Type, forKey key: Key) throws -> T
  where T.RawValue == String {
    T(rawValue: try decode(String.self, forKey: key))
  }

  @_spi(Generated) public func decodeIfPresent<T: OpenEnum>(_ type: T.Type, forKey key: Key) throws -> T?
  where T.RawValue == String {
    try decodeIfPresent(String.self, forKey: key).map(T.init(rawValue:))
  }
}

extension KeyedEncodingContainer {
  @_spi(Generated) public mutating func encode<T: OpenEnum>(_ value: T, forKey key: Key) throws
  where T.RawValue == String {
    try encode(value.rawValue as String, forKey: key)
  }

  @_spi(Generated) public mutating func encodeIfPresent<T: OpenEnum>(_ value: T?, forKey key: Key) throws
  where T.RawValue == String {
    try encodeIfPresent(value?.rawValue as String?, forKey: key)
  }
}
