/// A secret string, such as a token or a webhook's password, that never shows up in
/// descriptions, dumps or reflection.
///
/// `print`, `dump`, `String(reflecting:)` and `Mirror` all see `<redacted>`; read ``value`` where
/// the secret is needed. Specs mark such fields `format: password`; they encode and decode as
/// plain JSON strings.
public struct Secret: Codable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// The secret itself.
  public let value: String

  public init(_ value: String) {
    self.value = value
  }

  public init(stringLiteral value: String) {
    self.value = value
  }

  public init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  public var description: String { "<redacted>" }
  public var debugDescription: String { "<redacted>" }
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
