import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The fourth-provider fixture: an API key in the query, array queries, 201 and 204, a header
/// parameter and an error schema of its own.
@Suite struct VoxlineClientTests {
  static let subscription = #"""
    {"id":12,"url":"https://hooks.example.com/voxline","events":["call.started","call.ended"],"created_at":"2024-05-01T10:00:00Z"}
    """#

  @Test func listWebhooksExplodesTheArrayAndAddsTheAPIKey() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("[" + Self.subscription + "]"))

      let subscriptions = try await server.voxline().listWebhooks(event: [.callStarted, .callEnded], limit: 5)

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/webhooks")
      #expect(request.rawQuery == "event=call.started&event=call.ended&limit=5&api_key=\(TestCredentials.voxlineKey)")
      #expect(request.header("Authorization") == nil)
      expectContentHeaders(request, hasBody: false)
      #expect(subscriptions.count == 1)
      let subscription = try #require(subscriptions.first)
      #expect(subscription.id == 12)
      #expect(subscription.url == URL(string: "https://hooks.example.com/voxline")!)
      #expect(subscription.events == [.callStarted, .callEnded])
      #expect(subscription.secret == nil)
      #expect(subscription.createdAt == Timestamp("2024-05-01T10:00:00Z"))
    }
  }

  @Test func listWebhooksWithoutFiltersSendsOnlyTheKey() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("[]"))

      let subscriptions = try await server.voxline().listWebhooks()

      #expect(subscriptions.isEmpty)
      #expect(try #require(server.lastRequest).rawQuery == "api_key=\(TestCredentials.voxlineKey)")
    }
  }

  @Test func createWebhookReturnsTheTypedModelOn201() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Self.subscription, status: 201))

      let created = try await server.voxline().createWebhook(
        body: .init(
          url: URL(string: "https://hooks.example.com/voxline")!, events: [.callStarted, .callEnded],
          secret: "whsec-1"))

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.path == "/webhooks")
      #expect(request.rawQuery == "api_key=\(TestCredentials.voxlineKey)")
      expectContentHeaders(request, hasBody: true)
      try expectJSON(
        request.body,
        equals:
          #"{"url":"https://hooks.example.com/voxline","events":["call.started","call.ended"],"secret":"whsec-1"}"#)
      #expect(created.id == 12)
      #expect(created.events == [.callStarted, .callEnded])
      #expect(created.createdAt.date() == Date(timeIntervalSince1970: 1_714_557_600))
    }
  }

  @Test func deleteWebhookReturnsVoidOn204() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204, headers: [:], body: Data()))

      let result: Void = try await server.voxline().deleteWebhook(subscriptionID: 12)

      _ = result
      let request = try #require(server.lastRequest)
      #expect(request.method == "DELETE")
      #expect(request.path == "/webhooks/12")
      #expect(request.rawQuery == "api_key=\(TestCredentials.voxlineKey)")
      expectContentHeaders(request, hasBody: false)
    }
  }

  @Test func getCallSendsTheRequestIDHeader() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"id":"c/1","from":"+100","to":"+200","duration_seconds":null}"#))

      let call = try await server.voxline().getCall(callID: "c/1", xRequestID: "trace-123")

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/calls/c%2F1")
      #expect(request.header("X-Request-Id") == "trace-123")
      #expect(call == .init(id: "c/1", from: "+100", to: "+200", durationSeconds: nil))
    }
  }

  @Test func getCallWithoutTheHeaderSendsNone() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"id":"c1","from":"+100","to":"+200","duration_seconds":61}"#))

      let call = try await server.voxline().getCall(callID: "c1")

      #expect(try #require(server.lastRequest).header("X-Request-Id") == nil)
      #expect(call.durationSeconds == 61)
    }
  }

  @Test func aProblemCarriesItsMessageAndRequestID() async throws {
    try await TestServer.with { server in
      let json = #"{"error":{"code":"invalid_url","message":"url must use https"},"request_id":"req_8f2"}"#
      server.enqueue(.json(json, status: 422))
      let client = server.voxline()

      let error = try await #require(throws: APIError.self) {
        try await client.createWebhook(body: .init(url: URL(string: "http://insecure.example")!, events: [.callEnded]))
      }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "createWebhook")
      #expect(error.status == 422)
      #expect(error.messages == ["url must use https"])
      #expect(error.requestID == "req_8f2")
      #expect(error.rawBody == Data(json.utf8))
      let problem = try #require(error.errorBody as? Voxline.Problem)
      #expect(problem.error == .init(code: "invalid_url", message: "url must use https"))
      #expect(problem.requestID == "req_8f2")
      #expect(
        error.description
          == "createWebhook failed: HTTP 422 Unprocessable Content: url must use https (request ID req_8f2)")
      expectNoSecrets(in: error, TestCredentials.voxlineSecrets)
    }
  }

  @Test func aStatusWithoutAnErrorSchemaKeepsTheRawBody() async throws {
    try await TestServer.with { server in
      let json = #"{"error":{"message":"boom"},"request_id":"req_1"}"#
      server.enqueue(.json(json, status: 500))
      let client = server.voxline()

      let error = try await #require(throws: APIError.self) {
        try await client.createWebhook(body: .init(url: URL(string: "https://a.example")!, events: []))
      }

      // createWebhook describes only 201 and 422: a 500 is not read with the error schema.
      #expect(error.status == 500)
      #expect(error.messages.isEmpty)
      #expect(error.errorBody == nil)
      #expect(try error.decodeBody(as: Voxline.Problem.self).error?.message == "boom")
    }
  }
}
