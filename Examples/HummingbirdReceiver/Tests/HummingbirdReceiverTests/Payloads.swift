import Foundation

/// The providers' documented webhook payloads: the fixtures the main package's tests use, read
/// from the repository, so that both packages post the same bytes.
enum Payloads {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/TelephonyWebhooksTests/Fixtures/Webhooks")

  static let api4com = ["api4com-channel-answer", "api4com-channel-hangup"]
  static let thulium = [
    "thulium-chat-conversation-created", "thulium-chat-agent-assigned", "thulium-chat-conversation-closed",
    "thulium-customer-created",
  ]
  static let plusofon = ["plusofon-create", "plusofon-answer", "plusofon-destroy", "plusofon-destroy-renamed"]

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
  }

  static let json = ["Content-Type": "application/json"]
  static let thuliumAuth = basic("hook-user", "hook-password")
  static let plusofonSecret = json.merging(["X-Plusofon-Secret": "abc"]) { $1 }

  static func basic(_ user: String, _ password: String) -> [String: String] {
    json.merging(["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]) { $1 }
  }
}
