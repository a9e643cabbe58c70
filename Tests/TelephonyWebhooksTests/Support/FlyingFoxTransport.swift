import FlyingFox
import Foundation
import HTTPTypes
import OpenAPIRuntime
import TestSupport

/// A minimal swift-openapi-runtime `ServerTransport` on the tests' ``TestServer``: what
/// Hummingbird's `Router` or Vapor's `VaporTransport` do, in a page.
///
/// Routes match the method and the whole path exactly; another path answers 404 and another
/// method on a known path 405. The body streams to the handler as it arrives.
final class FlyingFoxTransport: ServerTransport, Sendable {
  typealias Handler =
    @Sendable (HTTPTypes.HTTPRequest, OpenAPIRuntime.HTTPBody?, ServerRequestMetadata) async throws
    -> (HTTPTypes.HTTPResponse, OpenAPIRuntime.HTTPBody?)

  private let routes = Locked<[String: [HTTPTypes.HTTPRequest.Method: Handler]]>([:])
  private let server: TestServer
  /// `http://127.0.0.1:<port>`.
  var baseURL: URL { server.baseURL }

  private init(server: TestServer) {
    self.server = server
  }

  /// Starts a server and waits until it listens.
  static func start() async throws -> FlyingFoxTransport {
    let transport = FlyingFoxTransport(server: try await TestServer.start())
    transport.server.serve { [weak transport] request in
      guard let transport else { return FlyingFox.HTTPResponse(statusCode: .serviceUnavailable) }
      return await transport.handle(request)
    }
    return transport
  }

  func register(_ handler: @escaping Handler, method: HTTPTypes.HTTPRequest.Method, path: String) throws {
    try routes.withLock { routes in
      guard routes[path]?[method] == nil else { throw RouteError(description: "\(method) \(path) is registered") }
      routes[path, default: [:]][method] = handler
    }
  }

  func stop() async {
    await server.stop()
  }

  struct RouteError: Error, CustomStringConvertible {
    var description: String
  }

  private func handle(_ request: FlyingFox.HTTPRequest) async -> FlyingFox.HTTPResponse {
    let path = request.target.path(percentEncoded: true)
    let query = request.target.query(percentEncoded: true)
    guard let methods = routes.withLock({ $0[path] }) else { return FlyingFox.HTTPResponse(statusCode: .notFound) }
    let method = HTTPTypes.HTTPRequest.Method(request.method.rawValue)
    guard let method, let handler = methods[method] else {
      return FlyingFox.HTTPResponse(statusCode: .methodNotAllowed)
    }
    var fields = HTTPFields()
    for (name, value) in request.headers {
      if let name = HTTPField.Name(name.rawValue) { fields.append(HTTPField(name: name, value: value)) }
    }
    let head = HTTPTypes.HTTPRequest(
      method: method, scheme: nil, authority: nil, path: query.isEmpty ? path : path + "?" + query,
      headerFields: fields)
    // The handler reads the body as it arrives; whatever it leaves unread is read after it
    // answers, before the response is sent, as web frameworks do, so the client can finish
    // sending and the connection stays usable.
    let reader = BodyReader(request.bodySequence)
    let body = OpenAPIRuntime.HTTPBody(
      reader, length: request.bodySequence.count.map { .known(Int64($0)) } ?? .unknown, iterationBehavior: .single)
    do {
      let (response, responseBody) = try await handler(head, body, ServerRequestMetadata())
      try await reader.drain()
      var headers = HTTPHeaders()
      for field in response.headerFields { headers[HTTPHeader(field.name.rawName)] = field.value }
      var data = Data()
      if let responseBody { data = try await Data(collecting: responseBody, upTo: 1 << 20) }
      return FlyingFox.HTTPResponse(
        statusCode: HTTPStatusCode(response.status.code, phrase: response.status.reasonPhrase), headers: headers,
        body: data)
    } catch {
      return FlyingFox.HTTPResponse(statusCode: .internalServerError)
    }
  }
}

/// A request body read once, in order: by the handler, then, for what it left, by ``drain()``.
/// The two never overlap, so the iterator is never shared between tasks at once.
private final class BodyReader: AsyncSequence, @unchecked Sendable {
  typealias Element = ArraySlice<UInt8>

  private var iterator: HTTPBodySequence.AsyncIterator

  init(_ sequence: HTTPBodySequence) { iterator = sequence.makeAsyncIterator() }

  func drain() async throws {
    while try await iterator.next() != nil {}
  }

  struct Iterator: AsyncIteratorProtocol {
    let reader: BodyReader
    mutating func next() async throws -> ArraySlice<UInt8>? { try await reader.iterator.next().map { ArraySlice($0) } }
  }

  func makeAsyncIterator() -> Iterator { Iterator(reader: self) }
}
