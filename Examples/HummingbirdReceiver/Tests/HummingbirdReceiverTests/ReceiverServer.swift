import Foundation
import Hummingbird
import HummingbirdReceiver
import Logging
import NIOCore
import TelephonyWebhooks

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The example's router served by a real Hummingbird application on 127.0.0.1 and a free port,
/// with every log line it writes kept for inspection.
struct ReceiverServer {
  let baseURL: URL
  let inbox: WebhookInbox
  let logs: LogLines
  /// What the signed providers sign with: Voicegrid's fresh Ed25519 key and Callbox's token.
  let voicegrid: WebhookSigner
  let callbox: WebhookSigner

  static let authToken = "callbox-token-" + UUID().uuidString
  static let voiceURL = URL(string: "https://example.com/hooks/voice")!

  /// Runs `body` against a started server, then stops it.
  static func with<T>(_ body: (ReceiverServer) async throws -> T) async throws -> T {
    let inbox = WebhookInbox()
    let logs = LogLines()
    let voicegrid = WebhookSigner.telnyx()
    let keys = SigningKeys(authToken: authToken, voiceURL: voiceURL, publicKey: voicegrid.publicKey!)
    var logger = Logger(label: "hummingbird-receiver-tests") { _ in LogLines.Handler(lines: logs) }
    logger.logLevel = .trace
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: try makeWebhookRouter(inbox: inbox, keys: keys),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in
        portContinuation.yield(channel.localAddress?.port ?? 0)
        portContinuation.finish()
      },
      logger: logger
    )
    let running = Task { try await app.runService(gracefulShutdownSignals: []) }
    defer { running.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next(), port > 0 else { throw URLError(.cannotConnectToHost) }
    let server = ReceiverServer(
      baseURL: URL(string: "http://127.0.0.1:\(port)")!, inbox: inbox, logs: logs, voicegrid: voicegrid,
      callbox: WebhookSigner.twilio(authToken: authToken))
    let result = try await body(server)
    running.cancel()
    _ = await running.result
    return result
  }

  struct Answer: Sendable {
    var status: Int
    var contentType: String?
    var text: String
  }

  static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 32
    return URLSession(configuration: configuration)
  }()

  /// Sends `body` to `target` (path and query) as a provider delivers; `streamed` sends it
  /// without a `Content-Length`, chunked.
  func send(
    _ target: String, method: String = "POST", body: Data, headers: [String: String] = Payloads.json,
    streamed: Bool = false
  ) async throws -> Answer {
    var request = URLRequest(url: URL(string: baseURL.absoluteString + target)!)
    request.httpMethod = method
    if streamed {
      request.httpBodyStream = InputStream(data: body)
    } else if method != "GET" {
      request.httpBody = body
    }
    for (name, value) in headers {
      request.setValue(value, forHTTPHeaderField: name)
    }
    let (data, response) = try await Self.session.data(for: request)
    guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    return Answer(
      status: response.statusCode, contentType: response.value(forHTTPHeaderField: "Content-Type"),
      text: String(decoding: data, as: UTF8.self))
  }
}

/// Every line a logger wrote, with its metadata.
final class LogLines: Sendable {
  private let storage = Mutex([String]())

  var lines: [String] { storage.withLock { $0 } }

  func append(_ line: String) { storage.withLock { $0.append(line) } }

  struct Handler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let all = metadata.merging(event.metadata ?? [:]) { $1 }
      lines.append("\(event.level) \(event.message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
  }
}

/// A value behind a lock.
final class Mutex<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
