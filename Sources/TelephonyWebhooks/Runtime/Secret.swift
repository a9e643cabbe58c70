import Foundation

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

  /// Wraps `value` so that nothing but ``value`` prints it.
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
    SecretCollector.current?.add(value)
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  public var description: String { "<redacted>" }
  public var debugDescription: String { "<redacted>" }
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// The secrets encoded into a request body, so that an error that quotes the body can be
/// scrubbed of them.
final class SecretCollector: @unchecked Sendable {
  @TaskLocal static var current: SecretCollector?

  private let lock = NSLock()
  private var collected: [String] = []

  var values: [String] { lock.withLock { collected } }

  func add(_ value: String) {
    lock.withLock { collected.append(value) }
  }

  /// Runs `body`, returning its result and every ``Secret`` it encoded.
  static func collecting<T>(_ body: () throws -> T) rethrows -> (T, [String]) {
    let collector = SecretCollector()
    let result = try $current.withValue(collector, operation: body)
    return (result, collector.values)
  }
}
