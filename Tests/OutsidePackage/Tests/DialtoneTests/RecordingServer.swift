import FlyingFox
import Foundation

/// An HTTP server on 127.0.0.1 and a free port that records each request and answers with the
/// replies queued by the test, in order (`200 {}` when none is left).
final class RecordingServer: Sendable {
  struct Request: Sendable {
    var method: String
    /// The percent-encoded path, such as `/calls/c%2F42`.
    var path: String
    /// The percent-encoded query, without `?`.
    var query: String
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data
  }

  private struct Reply {
    var status: Int
    var body: String
  }

  private struct State {
    var requests: [Request] = []
    var replies: [Reply] = []
  }

  private let server: HTTPServer
  private let task: Task<Void, any Error>
  private let state: Locked<State>
  /// `http://127.0.0.1:<port>`.
  let baseURL: URL

  private init(server: HTTPServer, task: Task<Void, any Error>, state: Locked<State>, baseURL: URL) {
    self.server = server
    self.task = task
    self.state = state
    self.baseURL = baseURL
  }

  /// Runs `body` with a started server, and stops the server afterwards.
  static func with(_ body: (RecordingServer) async throws -> Void) async throws {
    let state = Locked(State())
    let handler = ClosureHTTPHandler { request in
      var headers: [String: String] = [:]
      for (name, value) in request.headers {
        headers[name.rawValue.lowercased()] = value
      }
      let recorded = Request(
        method: request.method.rawValue, path: request.target.path(percentEncoded: true),
        query: request.target.query(percentEncoded: true), headers: headers, body: try await request.bodyData)
      let reply = state.withLock { state -> Reply in
        state.requests.append(recorded)
        return state.replies.isEmpty ? Reply(status: 200, body: "{}") : state.replies.removeFirst()
      }
      var responseHeaders = HTTPHeaders()
      responseHeaders[.contentType] = "application/json"
      return HTTPResponse(
        statusCode: HTTPStatusCode(reply.status, phrase: "Status \(reply.status)"), headers: responseHeaders,
        body: Data(reply.body.utf8))
    }
    let http = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, handler: handler)
    let task = Task { try await http.run() }
    try await http.waitUntilListening()
    let address = await http.listeningAddress
    guard case .ip4(_, let port)? = address else { throw URLError(.cannotConnectToHost) }
    let server = RecordingServer(
      server: http, task: task, state: state, baseURL: URL(string: "http://127.0.0.1:\(port)")!)
    do {
      try await body(server)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  /// Answers the next request that has no earlier reply queued.
  func enqueue(status: Int, body: String) {
    state.withLock { $0.replies.append(Reply(status: status, body: body)) }
  }

  /// Every request received so far.
  var requests: [Request] { state.withLock { $0.requests } }

  private func stop() async {
    await server.stop()
    task.cancel()
  }
}

/// A value behind a lock, shared with the server's tasks.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
