import FlyingFox
import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A real HTTP server on 127.0.0.1 and a free port that plays a webhook subscriber: it hands each
/// request, as a framework would, to `handle` and answers with the status it returns.
final class SubscriberServer: Sendable {
  /// A request as a web framework presents it to a handler.
  struct Request: Sendable {
    /// The percent-encoded path, such as `/hooks/api4com`.
    var path: String
    /// The request target, path and query, such as `/hooks/api4com?secret=s3cr3t`.
    var target: String
    var headers: HTTPFields
    var body: Data
  }

  private let server: HTTPServer
  private let task: Task<Void, any Error>
  /// `http://127.0.0.1:<port>`.
  let baseURL: URL

  private init(server: HTTPServer, task: Task<Void, any Error>, baseURL: URL) {
    self.server = server
    self.task = task
    self.baseURL = baseURL
  }

  /// Starts a server and waits until it listens.
  static func start(handle: @escaping @Sendable (Request) async -> Int) async throws -> SubscriberServer {
    let handler = ClosureHTTPHandler { request in
      var headers = HTTPFields()
      for (name, value) in request.headers {
        if let name = HTTPField.Name(name.rawValue) {
          headers.append(HTTPField(name: name, value: value))
        }
      }
      let path = request.target.path(percentEncoded: true)
      let query = request.target.query(percentEncoded: true)
      let status = await handle(
        Request(
          path: path, target: query.isEmpty ? path : path + "?" + query, headers: headers,
          body: try await request.bodyData))
      return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status \(status)"))
    }
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled, handler: handler)
    let task = Task { try await server.run() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port)? = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    return SubscriberServer(server: server, task: task, baseURL: URL(string: "http://127.0.0.1:\(port)")!)
  }

  /// POSTs `body` to `target` (path and query) the way a provider delivers a webhook, and
  /// returns the status code the subscriber answered.
  func post(_ target: String, body: Data, headers: [String: String] = [:]) async throws -> Int {
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

  func stop() async {
    await server.stop()
    task.cancel()
  }
}
