import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import TestSupport
import Testing

/// A user's own error type that quotes whatever it is given, in every way an error can show.
private struct QuotingError: Error, CustomStringConvertible, LocalizedError, CustomNSError {
  var quoted: String
  var description: String { "refused: \(quoted)" }
  var errorDescription: String? { "the request was refused: \(quoted)" }
  var errorCode: Int { 42 }
  var errorUserInfo: [String: Any] { [NSLocalizedDescriptionKey: errorDescription ?? "", "quoted": quoted] }
}

/// A user's middleware that rejects every request, quoting its headers, its query and its body.
private struct RequestAuditor: ClientMiddleware {
  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    let headers = request.headerFields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
    var bodyText = ""
    if let body {
      bodyText = try await String(collecting: body, upTo: 1 << 20)
    }
    let basic = request.headerFields[.authorization].flatMap { value -> String? in
      guard value.hasPrefix("Basic "), let data = Data(base64Encoded: String(value.dropFirst(6))) else { return nil }
      return String(decoding: data, as: UTF8.self)
    }
    throw QuotingError(
      quoted: "\(request.path ?? "") [\(headers)] \(bodyText) \(basic.map { "user:pass \($0)" } ?? "")")
  }
}

/// A user's middleware that fails without quoting anything.
private struct RequestLogger: ClientMiddleware {
  struct Unavailable: Error, Equatable {}

  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    throw Unavailable()
  }
}

/// A middleware that passes the request on and the transport's errors up.
private struct PassThrough: ClientMiddleware {
  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    try await next(request, body, baseURL)
  }
}

/// A transport whose response body breaks off after its first bytes.
private struct CutOffTransport: ClientTransport {
  func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
    HTTPResponse, HTTPBody?
  ) {
    let stream = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
      continuation.yield(ArraySlice("[{".utf8))
      continuation.finish(throwing: URLError(.networkConnectionLost))
    }
    return (HTTPResponse(status: .ok), HTTPBody(stream, length: .unknown, iterationBehavior: .single))
  }
}

/// A middleware's failure says which middleware failed, keeps its error, and never shows a
/// credential, whatever the error quotes.
@Suite struct MiddlewareFailureTests {
  @Test func aMiddlewaresErrorNamesTheMiddlewareAndIsKept() async throws {
    try await TestServer.with { server in
      let client = server.plusofon(middlewares: [PassThrough(), RequestLogger()])

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(error.kind == .transport)
      #expect(error.middleware == "RequestLogger")
      #expect(error.status == nil)
      #expect(error.underlyingError as? RequestLogger.Unavailable == RequestLogger.Unavailable())
      #expect(error.description == "listWebhooks failed: middleware RequestLogger failed: Unavailable()")
      #expect(!error.description.contains("no response from the server"))
      #expect(server.requests.isEmpty)
    }
  }

  @Test func aTransportErrorPassedThroughAMiddlewareIsTheTransports() async throws {
    let url = try await TestServer.refusedURL()
    let client = Plusofon.Client(
      serverURL: url, token: TestCredentials.plusofonToken, middlewares: [PassThrough(), RetryMiddleware()])

    let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

    #expect(error.middleware == nil)
    #expect((error.underlyingError as? URLError)?.code == .cannotConnectToHost)
    #expect(error.description.hasPrefix("listWebhooks failed: no response from the server: "))
  }

  @Test func aBodyCutOffAfterTheStatusSaysSo() async throws {
    let client = Thulium.Client(
      serverURL: URL(string: "http://127.0.0.1:9")!, username: TestCredentials.thuliumUsername,
      password: TestCredentials.thuliumPassword, transport: CutOffTransport())

    let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

    #expect(error.kind == .transport)
    #expect(error.status == 200)
    #expect(error.middleware == nil)
    #expect(
      error.description
        == "listWebhooks failed: the HTTP 200 response body could not be read: the connection was lost (URLError -1005)"
    )
  }

  @Test func api4comHeaderKey() async throws {
    try await expectRedacted(secrets: TestCredentials.api4comSecrets) { server in
      try await server.api4com(middlewares: [RequestAuditor()]).listIntegrations()
    }
  }

  @Test func plusofonHeaderKeyAndBearer() async throws {
    try await expectRedacted(secrets: TestCredentials.plusofonSecrets + ["20017"]) { server in
      try await server.plusofon(clientID: "20017", middlewares: [RequestAuditor()]).listWebhooks()
    }
  }

  @Test func thuliumBasicInBothFormsAndASecretField() async throws {
    let password: Secret = "hook-pass-Z9q4"
    try await expectRedacted(secrets: TestCredentials.thuliumSecrets + [password.value]) { server in
      let body = Thulium.WebhookRequest(
        actions: [.chatConversationCreated], subscriptionURL: URL(string: "https://example.pl")!,
        httpAuthUser: "hook", httpAuthPassword: password)
      return try await server.thulium(middlewares: [RequestAuditor()]).createWebhook(body: body)
    }
  }

  @Test func voxlineQueryKey() async throws {
    try await expectRedacted(secrets: TestCredentials.voxlineSecrets) { server in
      try await server.voxline(middlewares: [RequestAuditor()]).listWebhooks()
    }
  }

  /// Calls `operation`, whose middleware quotes every credential, and expects none of
  /// `secrets` in any rendering of the error or of the error it wraps.
  func expectRedacted<T>(
    secrets: [String], sourceLocation: SourceLocation = #_sourceLocation,
    _ operation: @escaping (TestServer) async throws -> T
  ) async throws {
    try await TestServer.with { server in
      let error = try await #require(throws: APIError.self, sourceLocation: sourceLocation) {
        _ = try await operation(server)
      }

      #expect(error.middleware == "RequestAuditor", sourceLocation: sourceLocation)
      #expect(error.description.contains("middleware RequestAuditor failed: refused: "), sourceLocation: sourceLocation)
      #expect(error.description.contains("<redacted>"), sourceLocation: sourceLocation)
      let underlying = try #require(error.underlyingError as? RedactedError, sourceLocation: sourceLocation)
      #expect(underlying.typeName.hasSuffix("QuotingError"), sourceLocation: sourceLocation)
      #expect(underlying.code == 42, sourceLocation: sourceLocation)
      #expect(underlying.localizedDescription.hasPrefix("the request was refused: "), sourceLocation: sourceLocation)
      let renderings =
        everyRendering(of: error) + everyRendering(of: underlying) + [
          error.localizedDescription, underlying.localizedDescription,
          String(describing: (underlying as NSError).userInfo), error.detail ?? "",
          String(describing: Mirror(reflecting: error).children.map(\.value)),
        ]
      for text in renderings {
        for secret in secrets {
          #expect(!text.contains(secret), "\(secret) leaked in: \(text)", sourceLocation: sourceLocation)
        }
      }
    }
  }
}
