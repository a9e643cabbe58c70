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
