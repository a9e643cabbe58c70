/// Helpers for generated `oneOf` enums.
extension Decoder {
  /// The string value of a discriminator property such as `type`.
  @_spi(Generated) public func discriminatorValue(_ property: String) throws -> String {
    let container = try container(keyedBy: AnyCodingKey.self)
    return try container.decode(String.self, forKey: AnyCodingKey(property))
  }

  /// The error for a value that matches none of a `oneOf`'s schemas.
  @_spi(Generated) public func noMatchingSchema(_ typeName: String) -> DecodingError {
    .dataCorrupted(
      DecodingError.Context(
        codingPath: codingPath, debugDescription: "The value matches none of the schemas of \(typeName)."))
  }
}
