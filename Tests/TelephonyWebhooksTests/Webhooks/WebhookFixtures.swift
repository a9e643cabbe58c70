import Foundation
import TelephonyWebhooks

/// The webhook payload fixtures in `Fixtures/Webhooks`, read from the source tree.
enum WebhookFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Webhooks")

  /// The bytes of `Fixtures/Webhooks/<name>.json`.
  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
  }

  /// `data` parsed as JSON, for comparisons that ignore key order and whitespace.
  static func json(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
  }

  /// The JSON that `value` encodes to, parsed back.
  static func encodedJSON(_ value: some Encodable) throws -> JSONValue {
    try json(JSONEncoder().encode(value))
  }

  /// A JSON body from a literal object.
  static func body(_ text: String) -> Data {
    Data(text.utf8)
  }
}
