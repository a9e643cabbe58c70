import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A transport that never touches the network: it answers every request with the same bytes.
///
/// It reads nothing of the request, so what is measured is the client's own work: building the
/// request, encoding its body, and decoding the response.
struct CannedTransport: ClientTransport {
  var responseBody: Data

  func send(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
  ) async throws -> (HTTPResponse, HTTPBody?) {
    (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody(responseBody))
  }
}

/// A transport that keeps the last request, to check once that the clients send the same thing.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
  let responseBody: Data
  private(set) var request: HTTPRequest?
  private(set) var body = Data()

  init(responseBody: Data) { self.responseBody = responseBody }

  func send(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
  ) async throws -> (HTTPResponse, HTTPBody?) {
    self.request = request
    if let body { self.body = try await Data(collecting: body, upTo: .max) }
    return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody(responseBody))
  }
}

/// Sets Plusofon's `Client` and bearer headers: swift-openapi-generator leaves authentication to
/// a middleware that its users write, so its client gets this one.
struct PlusofonAuthMiddleware: ClientMiddleware {
  var clientID: String
  var token: String

  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    var request = request
    request.headerFields[HTTPField.Name("Client")!] = clientID
    request.headerFields[.authorization] = "Bearer \(token)"
    return try await next(request, body, baseURL)
  }
}
