import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import TestSupport
import Testing

/// What `RetryMiddleware` will not do: repeat a non-idempotent request, try without end, or
/// send a one-shot body twice.
@Suite struct RetryPolicyTests {
  @Test func aPatchIsNotRetriedByDefault() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json(#"{"message":"busy"}"#, status: 503, headers: ["Retry-After": "0"]) }
      let client = server.api4com(middlewares: [RetryMiddleware { _ in }])

      let error = try await #require(throws: APIError.self) {
        try await client.updateIntegration(body: .init(gateway: "integration-code"))
      }

      #expect(server.requests.map(\.method) == ["PATCH"])
      #expect(error.status == 503)
    }
  }

  @Test func theDefaultMethodsAreTheIdempotentOnes() {
    let methods = RetryMiddleware().retryableMethods
    #expect(!methods.contains(.post))
    #expect(!methods.contains(.patch))
    #expect(methods == [.get, .head, .options, .trace, .put, .delete])
  }

  @Test(arguments: [(0, 1), (1, 1), (5, 5)])
  func attemptsAreBoundedByMaxAttempts(maxAttempts: Int, requests: Int) async throws {
    try await TestServer.with { server in
      server.respond { _ in .json("{}", status: 429, headers: ["Retry-After": "0"]) }
      let client = server.thulium(middlewares: [RetryMiddleware(maxAttempts: maxAttempts) { _ in }])

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(server.requests.count == requests)
      #expect(error.status == 429)
    }
  }

  @Test func aClientsOneShotUploadIsRefusedAndARepeatableOneIsRetried() async throws {
    try await TestServer.with { server in
      server.respond { _ in .init(status: 503, headers: ["Retry-After": "0"]) }
      let bytes = Data("RIFF-audio".utf8)
      let client = MediaFixture.Client(
        serverURL: server.baseURL, token: "media-token", middlewares: [RetryMiddleware(maxAttempts: 2) { _ in }])
      let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
        continuation.yield(ArraySlice(bytes))
        continuation.finish()
      }

      let error = try await #require(throws: APIError.self) {
        try await client.replaceMedia(
          mediaID: "ME1", body: HTTPBody(stream, length: .unknown, iterationBehavior: .single))
      }

      #expect(error.middleware == "RetryMiddleware")
      #expect((error.underlyingError as? RetryMiddleware.OneShotBodyError)?.status == 503)
      #expect(
        error.description
          == "replaceMedia failed: middleware RetryMiddleware failed: HTTP 503 could be retried, but the request body is a one-shot stream (HTTPBody with iterationBehavior .single) and cannot be sent again"
      )
      #expect(server.requests.map(\.body) == [bytes])

      let repeated = try await #require(throws: APIError.self) {
        try await client.replaceMedia(mediaID: "ME1", body: HTTPBody(bytes))
      }
      #expect(repeated.status == 503)
      #expect(server.requests.map(\.body) == [bytes, bytes, bytes], "both attempts carry the whole body")
    }
  }

  @Test func aOneShotBodyIsNotRetried() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json("{}", status: 503) }
      let retry = RetryMiddleware(retryableMethods: [.post]) { _ in }
      let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
        continuation.yield(ArraySlice(#"{"id":1}"#.utf8))
        continuation.finish()
      }
      let body = HTTPBody(stream, length: .unknown, iterationBehavior: .single)
      let transport = URLSessionTransport()
      let recorder = Locked<[(HTTPResponse, HTTPBody?)]>([])
      let next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
        let response = try await transport.send($0, body: $1, baseURL: $2, operationID: "upload")
        recorder.withLock { $0.append(response) }
        return response
      }
      let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/upload")

      let error = try await #require(throws: RetryMiddleware.OneShotBodyError.self) {
        try await retry.intercept(request, body: body, baseURL: server.baseURL, operationID: "upload", next: next)
      }

      #expect(error.status == 503)
      #expect(error.description.contains("one-shot stream"))
      #expect(server.requests.count == 1)
      #expect(server.requests.first?.body == Data(#"{"id":1}"#.utf8))
    }
  }
}
