import FlyingFox
import FlyingSocks
import Foundation

/// A real HTTP/1.1 server on 127.0.0.1 and a free port, inside the test process.
///
/// It records every request and answers with the replies queued by the test, in order; when
/// none is queued it asks the `responder`, which answers `200 {}` by default.
final class TestServer: Sendable {
  /// A request as the server received it.
  struct Request: Sendable {
    var method: String
    /// The percent-encoded path, such as `/webhooks/42`.
    var path: String
    /// The percent-encoded query string, without `?`.
    var rawQuery: String
    /// The decoded query items, in order.
    var query: [(name: String, value: String)]
    /// Header names lowercased; repeated headers joined with ", ".
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body parsed as JSON, for comparisons that ignore key order and escaping.
    var json: NSObject? {
      body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) as? NSObject
    }
  }

  /// What the server answers.
  struct Reply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    /// How long the server waits before it answers, for a slow endpoint.
    var delay: Duration = .zero

    init(status: Int = 200, headers: [String: String] = ["Content-Type": "application/json"], body: Data = Data()) {
      self.status = status
      self.headers = headers
      self.body = body
    }

    init(status: Int = 200, headers: [String: String] = ["Content-Type": "application/json"], json: String) {
      self.init(status: status, headers: headers, body: Data(json.utf8))
    }
  }

  private struct State {
    var requests: [Request] = []
    var replies: [Reply] = []
    var responder: @Sendable (Request) -> Reply = { _ in Reply(json: "{}") }
  }

  private let server: HTTPServer
  private let task: Task<Void, any Error>
  private let state = Locked(State())
  /// `http://127.0.0.1:<port>`.
  let baseURL: URL

  private init(server: HTTPServer, task: Task<Void, any Error>, baseURL: URL) {
    self.server = server
    self.task = task
    self.baseURL = baseURL
  }

  /// Starts a server and waits until it listens.
  static func start() async throws -> TestServer {
    let box = Locked<TestServer?>(nil)
    let handler = ClosureHTTPHandler { request in
      guard let instance = box.value else { return HTTPResponse(statusCode: .serviceUnavailable) }
      return await instance.handle(request)
    }
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: DisabledLogger.disabled, handler: handler)
    let task = Task { try await server.run() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port)? = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    let instance = TestServer(server: server, task: task, baseURL: URL(string: "http://127.0.0.1:\(port)")!)
    box.value = instance
    return instance
  }

  /// Appends replies to answer the next requests with, in order.
  func enqueue(_ replies: Reply...) {
    state.withLock { $0.replies += replies }
  }

  /// Answers every request that has no queued reply.
  func respond(_ responder: @escaping @Sendable (Request) -> Reply) {
    state.withLock { $0.responder = responder }
  }

  /// Every request received so far.
  var requests: [Request] { state.withLock { $0.requests } }

  /// The last request received.
  var lastRequest: Request? { requests.last }

  func stop() async {
    await server.stop()
    task.cancel()
  }

  private func handle(_ request: HTTPRequest) async -> HTTPResponse {
    let body = (try? await request.bodyData) ?? Data()
    var headers: [String: String] = [:]
    for (name, value) in request.headers {
      let key = name.rawValue.lowercased()
      headers[key] = headers[key].map { $0 + ", " + value } ?? value
    }
    let rawQuery = request.target.query(percentEncoded: true)
    let query = URLComponents(string: "?" + rawQuery)?.queryItems?.map { ($0.name, $0.value ?? "") } ?? []
    let recorded = Request(
      method: request.method.rawValue, path: request.target.path(percentEncoded: true), rawQuery: rawQuery,
      query: query, headers: headers, body: body)
    let reply = state.withLock { state -> Reply in
      state.requests.append(recorded)
      return state.replies.isEmpty ? state.responder(recorded) : state.replies.removeFirst()
    }
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

/// A value behind a lock, for state shared with the server's tasks.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: Value

  init(_ value: Value) { storage = value }

  var value: Value {
    get { withLock { $0 } }
    set { withLock { $0 = newValue } }
  }

  func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&storage)
  }
}
