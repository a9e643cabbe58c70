import Hummingbird
import HummingbirdReceiver

// Serves the three providers' webhooks on 127.0.0.1: `swift run hummingbird-receiver 8080`.
// Without a port it takes a free one and prints it.
let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 0
let inbox = WebhookInbox()
let app = Application(
  router: try makeWebhookRouter(inbox: inbox),
  configuration: .init(address: .hostname("127.0.0.1", port: port)),
  onServerRunning: { channel in print("listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)") }
)
try await app.runService()
