import Foundation
import Hummingbird
import HummingbirdReceiver

// Serves the providers' webhooks on 127.0.0.1: `swift run hummingbird-receiver 8080`.
// Without a port it takes a free one and prints it. The signed providers' keys come from
// CALLBOX_AUTH_TOKEN, CALLBOX_VOICE_URL and VOICEGRID_PUBLIC_KEY.
let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 0
let environment = ProcessInfo.processInfo.environment
let keys = SigningKeys(
  authToken: environment["CALLBOX_AUTH_TOKEN"] ?? "",
  voiceURL: URL(string: environment["CALLBOX_VOICE_URL"] ?? "http://127.0.0.1:\(port)/hooks/voice")!,
  publicKey: environment["VOICEGRID_PUBLIC_KEY"] ?? "")
let inbox = WebhookInbox()
let app = Application(
  router: try makeWebhookRouter(inbox: inbox, keys: keys),
  configuration: .init(address: .hostname("127.0.0.1", port: port)),
  onServerRunning: { channel in print("listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)") }
)
try await app.runService()
