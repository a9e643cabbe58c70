import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A webhook delivery as a provider makes it, over real HTTP, and the subscriber's answer (the
/// runtime's own `WebhookDelivery` is what a receiver's observer is told of one).
enum ProviderDelivery {
  struct Answer: Sendable {
    var status: Int
    var contentType: String?
    var text: String
  }

  static let json = ["Content-Type": "application/json"]

  /// One session for every delivery, with a few connections per host: on Linux each session has
  /// its own threads, and a session per request would load the machine the other tests share.
  static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 8
    return URLSession(configuration: configuration)
  }()

  static func basic(_ user: String, _ password: String) -> [String: String] {
    json.merging(["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]) { $1 }
  }

  /// Sends `body` to `target` (path and query) on `baseURL`; `streamed` sends it without a
  /// `Content-Length`, as a stream of unknown length.
  static func send(
    _ target: String, to baseURL: URL, method: String = "POST", body: Data, headers: [String: String] = json,
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
    let (data, response) = try await session.data(for: request)
    guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    return Answer(
      status: response.statusCode, contentType: response.value(forHTTPHeaderField: "Content-Type"),
      text: String(decoding: data, as: UTF8.self))
  }
}

/// What a webhook handler was called with, in order.
actor HandledEvents<Event: Sendable> {
  private(set) var events: [Event] = []

  func append(_ event: Event) { events.append(event) }
}

/// Something a test starts and must stop, whether or not the test throws.
protocol StoppableServer: Sendable {
  func stop() async
}

/// Runs `body` with `server`, then stops it, also when `body` throws.
func withStopping<Server: StoppableServer>(_ server: Server, _ body: (Server) async throws -> Void) async throws {
  do {
    try await body(server)
  } catch {
    await server.stop()
    throw error
  }
  await server.stop()
}
