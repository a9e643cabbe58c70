import FlyingFox
import FlyingSocks
import Foundation
import TelephonyWebhooks

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A real HTTP/1.1 server on 127.0.0.1 and a free port, inside the test process: the one loopback
/// server of every test target (`make outside` copies this folder into the outside package's tests).
///
/// It records every request and answers with the replies queued by the test, in order; when
/// none is queued it asks the `responder`, which answers `200 {}` by default. A test of a server
/// framework's view (a `ServerTransport`) takes the requests as they arrive with ``serve(_:)``.
public final class TestServer: Sendable {
  /// A request as the server received it.
  public struct Request: Sendable {
    public var method: String
    /// The percent-encoded path, such as `/webhooks/42`.
    public var path: String
    /// The percent-encoded query string, without `?`.
    public var rawQuery: String
    /// The decoded query items, in order.
    public var query: [(name: String, value: String)]
    /// Header names lowercased; repeated headers joined with ", ".
    public var headers: [String: String]
    /// The headers in order, as a web framework hands them to a handler.
    public var fields: HTTPFields
    public var body: Data

    /// The request target, the path and query, such as `/hooks/api4com?secret=s3cr3t`.
    public var target: String { rawQuery.isEmpty ? path : path + "?" + rawQuery }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body parsed as JSON, for comparisons that ignore key order and escaping.
    public var json: NSObject? {
      body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) as? NSObject
    }
  }

  /// What the server answers.
  public struct Reply: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    /// How long the server waits before it answers, for a slow endpoint.
    public var delay: Duration = .zero

    public init(
      status: Int = 200, headers: [String: String] = ["Content-Type": "application/json"], body: Data = Data()
    ) {
      self.status = status
      self.headers = headers
      self.body = body
    }

    public init(status: Int = 200, headers: [String: String] = ["Content-Type": "application/json"], json: String) {
      self.init(status: status, headers: headers, body: Data(json.utf8))
    }
  }

  /// Answers a request as FlyingFox hands it over, its body not yet read.
  public typealias Handler = @Sendable (FlyingFox.HTTPRequest) async -> FlyingFox.HTTPResponse

  private struct State {
    var requests: [Request] = []
    var replies: [Reply] = []
    var responder: @Sendable (Request) async -> Reply = { _ in Reply(json: "{}") }
    var handler: Handler?
  }

  private let server: HTTPServer
  private let task: Task<Void, any Error>
  private let state = Locked(State())
  /// `http://127.0.0.1:<port>`.
  public let baseURL: URL

  private init(server: HTTPServer, task: Task<Void, any Error>, baseURL: URL) {
    self.server = server
    self.task = task
    self.baseURL = baseURL
  }

  /// Starts a server and waits until it listens.
  public static func start() async throws -> TestServer {
    let box = Locked<TestServer?>(nil)
    let handler = ClosureHTTPHandler { request in
      guard let instance = box.value else { return HTTPResponse(statusCode: .serviceUnavailable) }
      if let handler = instance.state.withLock({ $0.handler }) { return await handler(request) }
      return await instance.handle(request)
    }
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: DisabledLogger.disabled, handler: handler)
    let task = Task { try await server.run() }
    // Swift Testing starts every suite at once: hundreds of servers come up together on a busy
    // machine, and FlyingFox's 5 s default has run out under that load.
    try await server.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port)? = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    let instance = TestServer(server: server, task: task, baseURL: URL(string: "http://127.0.0.1:\(port)")!)
    box.value = instance
    return instance
  }

  /// Appends replies to answer the next requests with, in order.
  public func enqueue(_ replies: Reply...) {
    state.withLock { $0.replies += replies }
  }

  /// Answers every request that has no queued reply.
  public func respond(_ responder: @escaping @Sendable (Request) async -> Reply) {
    state.withLock { $0.responder = responder }
  }

  /// Hands every request to `handler` as it arrives, its body unread, instead of recording it.
  public func serve(_ handler: @escaping Handler) {
    state.withLock { $0.handler = handler }
  }

  /// Every request received so far.
  public var requests: [Request] { state.withLock { $0.requests } }

  /// The last request received.
  public var lastRequest: Request? { requests.last }

  /// Runs `body` with a started server, and stops the server afterwards, also when it throws.
  public static func with<T>(_ body: (TestServer) async throws -> T) async throws -> T {
    let server = try await start()
    do {
      let result = try await body(server)
      await server.stop()
      return result
    } catch {
      await server.stop()
      throw error
    }
  }

  /// A URL where nothing listens: a server was started there, then stopped.
  public static func refusedURL() async throws -> URL {
    let server = try await start()
    await server.stop()
    return server.baseURL
  }

  /// POSTs `body` to `target` (path and query) as a provider delivers a webhook, and returns the
  /// status code the server answered.
  public func post(_ target: String, body: Data, headers: [String: String] = [:]) async throws -> Int {
    var request = URLRequest(url: URL(string: baseURL.absoluteString + target)!)
    request.httpMethod = "POST"
    request.httpBody = body
    for (name, value) in headers {
      request.setValue(value, forHTTPHeaderField: name)
    }
    let session = URLSession(configuration: .ephemeral)
    defer { session.finishTasksAndInvalidate() }
    let (_, response) = try await session.data(for: request)
    guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    return response.statusCode
  }

  public func stop() async {
    await server.stop()
    task.cancel()
  }

  private func handle(_ request: HTTPRequest) async -> HTTPResponse {
    let body = (try? await request.bodyData) ?? Data()
    var headers: [String: String] = [:]
    var fields = HTTPFields()
    for (name, value) in request.headers {
      let key = name.rawValue.lowercased()
      headers[key] = headers[key].map { $0 + ", " + value } ?? value
      if let name = HTTPField.Name(name.rawValue) { fields.append(HTTPField(name: name, value: value)) }
    }
    let rawQuery = request.target.query(percentEncoded: true)
    let query = URLComponents(string: "?" + rawQuery)?.queryItems?.map { ($0.name, $0.value ?? "") } ?? []
    let recorded = Request(
      method: request.method.rawValue, path: request.target.path(percentEncoded: true), rawQuery: rawQuery,
      query: query, headers: headers, fields: fields, body: body)
    let (queued, responder) = state.withLock { state -> (Reply?, @Sendable (Request) async -> Reply) in
      state.requests.append(recorded)
      return (state.replies.isEmpty ? nil : state.replies.removeFirst(), state.responder)
    }
    let reply: Reply
    if let queued { reply = queued } else { reply = await responder(recorded) }
    if reply.delay > .zero {
      try? await Task.sleep(for: reply.delay)
    }
    var responseHeaders = HTTPHeaders()
    for (name, value) in reply.headers {
      responseHeaders[HTTPHeader(name)] = value
    }
    return HTTPResponse(
      statusCode: HTTPStatusCode(reply.status, phrase: "Status \(reply.status)"), headers: responseHeaders,
      body: reply.body)
  }
}
