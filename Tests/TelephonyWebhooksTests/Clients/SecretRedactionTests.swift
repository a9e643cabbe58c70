import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import TestSupport
import Testing

/// A user's middleware that holds a secret of its own.
private struct SigningMiddleware: ClientMiddleware {
  var signingKey: String

  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    try await next(request, body, baseURL)
  }
}

/// A middleware that fails, echoing the request's `Authorization` header in its error.
private struct EchoingFailureMiddleware: ClientMiddleware {
  struct Failure: Error, CustomStringConvertible {
    var header: String
    var description: String { "rejected request with Authorization: \(header)" }
  }

  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    throw Failure(header: request.headerFields[.authorization] ?? "")
  }
}

/// Credentials never show in `print`, `debugPrint`, `dump` or `Mirror` of a client, nor in errors.
@Suite struct SecretRedactionTests {
  static let url = URL(string: "http://127.0.0.1:9")!
  static let middlewares: [any ClientMiddleware] = [
    RetryMiddleware(), SigningMiddleware(signingKey: "signing-key-Vb82"),
  ]

  @Test func api4comClient() {
    let client = Api4Com.Client(
      serverURL: Self.url, token: TestCredentials.api4comToken, middlewares: Self.middlewares)
    expectNoSecrets(in: client, TestCredentials.api4comSecrets + ["signing-key-Vb82"])
    expectShowsItsShape(client)
  }

  @Test func plusofonClient() {
    let client = Plusofon.Client(
      serverURL: Self.url, clientID: "20017", token: TestCredentials.plusofonToken, middlewares: Self.middlewares)
    expectNoSecrets(in: client, TestCredentials.plusofonSecrets + ["signing-key-Vb82"])
    expectShowsItsShape(client)
  }

  @Test func thuliumClient() {
    let client = Thulium.Client(
      serverURL: Self.url, username: TestCredentials.thuliumUsername, password: TestCredentials.thuliumPassword,
      middlewares: Self.middlewares)
    expectNoSecrets(in: client, TestCredentials.thuliumSecrets + ["signing-key-Vb82"])
    expectShowsItsShape(client)
  }

  @Test func voxlineClient() {
    let client = Voxline.Client(serverURL: Self.url, apiKey: TestCredentials.voxlineKey, middlewares: Self.middlewares)
    expectNoSecrets(in: client, TestCredentials.voxlineSecrets + ["signing-key-Vb82"])
    expectShowsItsShape(client)
  }

  @Test func cookieAndOwnSchemeCredentials() {
    let client = Keyring.Client(
      serverURL: Self.url, session: "cookie-S3cr3t", digest: "digest-S3cr3t", transport2: "header-S3cr3t",
      middlewares: Self.middlewares)
    expectNoSecrets(in: client, ["cookie-S3cr3t", "digest-S3cr3t", "header-S3cr3t", "signing-key-Vb82"])
    expectShowsItsShape(client)
  }

  /// A redacted rendering still says where the client sends and through what.
  func expectShowsItsShape(_ client: Any, sourceLocation: SourceLocation = #_sourceLocation) {
    for text in everyRendering(of: client) {
      #expect(text.contains("127.0.0.1:9"), sourceLocation: sourceLocation)
      #expect(text.contains("RetryMiddleware"), sourceLocation: sourceLocation)
      #expect(text.contains("redacted"), sourceLocation: sourceLocation)
    }
  }

  @Test func aMiddlewareErrorThatEchoesTheTokenIsRedacted() async throws {
    let client = Plusofon.Client(
      serverURL: Self.url, token: TestCredentials.plusofonToken, middlewares: [EchoingFailureMiddleware()])

    let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

    #expect(error.kind == .transport)
    #expect(error.middleware == "EchoingFailureMiddleware")
    let underlying = try #require(error.underlyingError as? RedactedError)
    #expect(underlying.typeName.hasSuffix("EchoingFailureMiddleware.Failure"))
    #expect(
      error.description
        == "listWebhooks failed: middleware EchoingFailureMiddleware failed: rejected request with Authorization: Bearer <redacted>"
    )
    #expect(!error.description.contains(TestCredentials.plusofonToken))
    #expect(!String(reflecting: error).contains(TestCredentials.plusofonToken))
  }

  @Test func aBasicAuthEchoIsRedacted() async throws {
    let client = Thulium.Client(
      serverURL: Self.url, username: TestCredentials.thuliumUsername, password: TestCredentials.thuliumPassword,
      middlewares: [EchoingFailureMiddleware()])

    let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

    #expect(error.description.hasSuffix("Authorization: Basic <redacted>"))
    for secret in TestCredentials.thuliumSecrets {
      #expect(!error.description.contains(secret))
      #expect(!String(reflecting: error).contains(secret))
    }
  }

  @Test func aQueryAPIKeyNeverShowsInATransportError() async throws {
    let url = try await TestServer.refusedURL()
    let client = Voxline.Client(serverURL: url, apiKey: TestCredentials.voxlineKey)

    let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

    #expect(error.kind == .transport)
    expectNoSecrets(in: error, TestCredentials.voxlineSecrets)
  }
}
