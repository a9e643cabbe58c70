import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A `ServerTransport` for tests: it keeps the routes a receiver registers and delivers a
/// request to one in process, with no server and no port.
///
/// ```swift
/// let server = WebhookTestTransport()
/// try Api4Com.WebhookEvent.register(on: server, path: "/hooks/api4com", verifier: verifier) { event in … }
/// let answer = try await server.deliver(payload, to: "/hooks/api4com?secret=s3cr3t")
/// #expect(answer.status == 200)
/// ```
///
/// Sign or credential the delivery as the provider would (the verifiers' signing helpers do
/// that), and the receiver answers exactly as it would behind a real server.
public final class WebhookTestTransport: ServerTransport, @unchecked Sendable {
  /// What a route answered.
  public struct Response: Sendable, Hashable {
    public var status: Int
    public var headerFields: HTTPFields
    public var body: Data

    /// The body as UTF-8 text, such as a 400's one-line reason.
    public var text: String { String(decoding: body, as: UTF8.self) }
  }

  /// A delivery to a path no route was registered for.
  public struct NoRoute: Error, CustomStringConvertible, Sendable {
    public var method: HTTPRequest.Method
    public var path: String
    /// The routes that were registered, as `POST /hooks/api4com`.
    public var registered: [String]

    public var description: String {
      "WebhookTestTransport: no route for \(method.rawValue) \(path); registered: "
        + (registered.isEmpty ? "none" : registered.joined(separator: ", "))
    }
  }

  private typealias Handler =
    @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)

  private struct Route {
    var method: HTTPRequest.Method
    var path: String
    var handler: Handler
  }

  private let lock = NSLock()
  private var routes: [Route] = []

  public init() {}

  /// The registered routes, as `POST /hooks/api4com`, in order.
  public var registeredRoutes: [String] {
    lock.withLock { routes.map { "\($0.method.rawValue) \($0.path)" } }
  }

  public func register(
    _ handler:
      @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
        HTTPResponse, HTTPBody?
      ), method: HTTPRequest.Method, path: String
  ) throws {
    lock.withLock { routes.append(Route(method: method, path: path, handler: handler)) }
  }

  /// Delivers `body` to the route registered for `method` and the path of `target` (a path,
  /// optionally with a query such as `?secret=s3cr3t`), and returns its answer.
  ///
  /// - Throws: ``NoRoute`` when no route matches; whatever the route's handler throws.
  public func deliver(
    _ body: Data, to target: String, method: HTTPRequest.Method = .post, headerFields: HTTPFields = HTTPFields()
  ) async throws -> Response {
    let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
    let route = lock.withLock {
      routes.first { $0.method == method && MockTransport.matches(path, template: $0.path) }
    }
    guard let route else { throw NoRoute(method: method, path: path, registered: registeredRoutes) }
    var headers = headerFields
    if headers[.contentLength] == nil { headers[.contentLength] = String(body.count) }
    let request = HTTPRequest(
      method: method, scheme: "https", authority: "localhost", path: target, headerFields: headers)
    let (response, responseBody) = try await route.handler(
      request, HTTPBody(body), ServerRequestMetadata(pathParameters: pathParameters(path, template: route.path)))
    var data = Data()
    if let responseBody { data = try await Data(collecting: responseBody, upTo: 16 * 1024 * 1024) }
    return Response(status: response.status.code, headerFields: response.headerFields, body: data)
  }

  /// Delivers `text` (a JSON or form body) as ``deliver(_:to:method:headerFields:)`` does.
  public func deliver(
    _ text: String, to target: String, method: HTTPRequest.Method = .post, headerFields: HTTPFields = HTTPFields()
  ) async throws -> Response {
    try await deliver(Data(text.utf8), to: target, method: method, headerFields: headerFields)
  }

  /// The values of a template's whole-segment `{name}` placeholders.
  private func pathParameters(_ path: String, template: String) -> [String: Substring] {
    var parameters: [String: Substring] = [:]
    for (segment, pattern) in zip(path.split(separator: "/"), template.split(separator: "/"))
    where pattern.hasPrefix("{") && pattern.hasSuffix("}") {
      parameters[String(pattern.dropFirst().dropLast())] = segment
    }
    return parameters
  }
}
