import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The failures every provider shares: an error body that is not JSON, an empty body, no server
/// at all, and a success body that does not match the spec.
@Suite struct ClientFailureTests {
  @Test(arguments: ProviderCall.all)
  func aBodyThatIsNotJSON(_ operation: ProviderCall) async throws {
    try await TestServer.with { server in
      let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
      server.enqueue(.text(html, status: 502))

      let error = try await #require(throws: APIError.self) { try await operation.call(server.baseURL) }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == operation.operationID)
      #expect(error.status == 502)
      #expect(error.messages.isEmpty)
      #expect(error.requestID == nil)
      #expect(error.errorBody == nil)
      #expect(error.underlyingError == nil)
      #expect(error.rawBody == Data(html.utf8))
      #expect(error.responseHeaders?[.contentType] == "text/html")
      #expect(error.detail == html)
      #expect(error.description == "\(operation.operationID) failed: HTTP 502 Bad Gateway: \(html)")
      expectOneLine(error)
      expectNoSecrets(in: error, operation.secrets)
    }
  }

  @Test(arguments: ProviderCall.all)
  func anEmptyBody(_ operation: ProviderCall) async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 503, headers: [:], body: Data()))

      let error = try await #require(throws: APIError.self) { try await operation.call(server.baseURL) }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == operation.operationID)
      #expect(error.status == 503)
      #expect(error.messages.isEmpty)
      #expect(error.errorBody == nil)
      #expect(error.rawBody.isEmpty)
      #expect(error.description == "\(operation.operationID) failed: HTTP 503 Service Unavailable: empty body")
      expectOneLine(error)
      expectNoSecrets(in: error, operation.secrets)
    }
  }

  @Test(arguments: ProviderCall.all)
  func aJSONBodyThatIsNotTheErrorSchema(_ operation: ProviderCall) async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"["unexpected"]"#, status: 400))

      let error = try await #require(throws: APIError.self) { try await operation.call(server.baseURL) }

      #expect(error.status == 400)
      #expect(error.messages.isEmpty)
      #expect(error.errorBody == nil)
      #expect(error.rawBody == Data(#"["unexpected"]"#.utf8))
      #expect(error.decodeBodyAsStrings == ["unexpected"])
    }
  }

  @Test(arguments: ProviderCall.all)
  func aRefusedConnection(_ operation: ProviderCall) async throws {
    let url = try await TestServer.refusedURL()

    let error = try await #require(throws: APIError.self) { try await operation.call(url) }

    #expect(error.kind == .transport)
    #expect(error.operationID == operation.operationID)
    #expect(error.status == nil)
    #expect(error.messages.isEmpty)
    #expect(error.rawBody.isEmpty)
    #expect(error.responseHeaders == nil)
    let underlying = try #require(error.underlyingError as? URLError)
    #expect(underlying.code == .cannotConnectToHost)
    #expect(
      error.description
        == "\(operation.operationID) failed: no response from the server: could not connect to the server (connection refused) (URLError -1004)"
    )
    expectOneLine(error)
    expectNoSecrets(in: error, operation.secrets)
  }

  @Test(arguments: ProviderCall.all)
  func aMalformedSuccessBodyNamesTheJSONPath(_ operation: ProviderCall) async throws {
    try await TestServer.with { server in
      server.enqueue(.json(operation.malformedBody))

      let error = try await #require(throws: APIError.self) { try await operation.call(server.baseURL) }

      #expect(error.kind == .decoding)
      #expect(error.operationID == operation.operationID)
      #expect(error.status == 200)
      #expect(error.messages.isEmpty)
      #expect(error.rawBody == Data(operation.malformedBody.utf8))
      let underlying = try #require(error.underlyingError as? DecodingError)
      guard case .typeMismatch = underlying else {
        Issue.record("expected a type mismatch, got \(underlying)")
        return
      }
      let detail = try #require(error.detail)
      #expect(detail.hasPrefix("at \(operation.malformedPath): expected "))
      #expect(error.description.hasPrefix("\(operation.operationID) failed: "))
      #expect(error.description.contains("HTTP 200"))
      #expect(error.description.contains(operation.malformedPath))
      #expect(!error.description.contains("couldn’t be read"))
      #expect(!error.description.contains("couldn't be read"))
      expectOneLine(error)
      expectNoSecrets(in: error, operation.secrets)
    }
  }

  @Test(arguments: ProviderCall.all)
  func aSuccessBodyThatIsNotJSON(_ operation: ProviderCall) async throws {
    try await TestServer.with { server in
      server.enqueue(.text("OK", status: 200, contentType: "application/json"))

      let error = try await #require(throws: APIError.self) { try await operation.call(server.baseURL) }

      #expect(error.kind == .decoding)
      #expect(error.status == 200)
      #expect(error.detail == "at the root: the body is not valid JSON")
      #expect(error.underlyingError is DecodingError)
      expectOneLine(error)
    }
  }

  @Test(arguments: ProviderCall.all)
  func aSuccessOfAMediaTypeTheOperationDoesNotDeclare(_ operation: ProviderCall) async throws {
    try await TestServer.with { server in
      server.enqueue(.text("OK", status: 200, contentType: "text/plain; charset=utf-8"))

      let error = try await #require(throws: APIError.self) { try await operation.call(server.baseURL) }

      #expect(error.kind == .decoding)
      #expect(error.status == 200)
      #expect(
        error.detail
          == "the response's Content-Type is text/plain, which the operation does not declare (it expects application/json)"
      )
      #expect(String(decoding: error.rawBody, as: UTF8.self) == "OK")
      expectOneLine(error)
    }
  }

  @Test func aMissingRequiredKeyIsNamed() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"current_page":1,"data":[{"id":5,"url":"u"}],"last_page":1,"per_page":15,"total":1}"#))
      let client = server.plusofon()

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(error.kind == .decoding)
      #expect(error.detail == #"at data[0]: the required key "event" is missing"#)
      #expect(error.description.contains("listWebhooks"))
      #expect(error.description.contains(#"data[0]: the required key "event" is missing"#))
    }
  }

  @Test func anEmptySuccessBodyIsADecodingError() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 200, headers: [:], body: Data()))
      let client = server.thulium()

      let error = try await #require(throws: APIError.self) { try await client.getWebhook(webhookID: 5) }

      #expect(error.kind == .decoding)
      #expect(error.operationID == "getWebhook")
      #expect(error.detail == "at the root: the body is empty")
    }
  }

  @Test func aStatusTheOperationDoesNotExpectIsAnError() async throws {
    try await TestServer.with { server in
      // Thulium's delete succeeds with 200 or 204 only.
      server.enqueue(.json("{}", status: 202))
      let client = server.thulium()

      let error = try await #require(throws: APIError.self) { try await client.deleteWebhook(webhookID: 5) }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.status == 202)
    }
  }
}

extension APIError {
  /// The raw body decoded as a JSON array of strings, through the public `decodeBody(as:)`.
  fileprivate var decodeBodyAsStrings: [String]? { try? decodeBody(as: [String].self) }
}
