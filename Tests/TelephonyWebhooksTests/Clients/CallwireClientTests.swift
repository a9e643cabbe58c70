import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The published-spec fixture: OpenAPI 3.0 in JSON, path-level servers, OAuth 2 beside an API
/// key and a bearer token, comparison query names, operations without operationIds, nullable
/// fields, a discriminated oneOf, a oneOf of primitives, an integer enum and a callback.
@Suite struct CallwireClientTests {
  static let call = #"""
    {"id":"CA1","status":"in-progress","to":"+15550100","priority":2,"metadata->assistant_id":null,
     "2nd_leg":"CA2","answered_at":"2024-05-01T10:00:00Z","target":42,
     "routing":{"kind":"sip","uri":"sip:desk@example.com"},"tags":["vip"]}
    """#

  @Test func theDefaultServerIsThePathsSharedServer() {
    #expect(Callwire.Client.defaultServerURL == URL(string: "https://api.callwire.example/v2")!)
  }

  @Test func listCallsSendsComparisonNamesAndTheOAuthToken() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"items":[\#(Self.call)],"next_page":null}"#))

      let page = try await Callwire.Client(serverURL: server.baseURL, oauth: "oauth-token-1").listCalls(
        startTimeLessThan: Timestamp("2024-05-02T00:00:00Z"), priority: .value1, pageSize: 10)

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/calls")
      #expect(request.rawQuery == "StartTime%3C=2024-05-02T00%3A00%3A00Z&Priority=1&PageSize=10")
      #expect(request.header("Authorization") == "Bearer oauth-token-1")
      #expect(request.header("X-Api-Key") == nil)
      #expect(page.items.count == 1)
      #expect(page.nextPage == nil)
    }
  }

  @Test func createCallDecodesNullableOneOfAndEnumFields() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Self.call, status: 201))

      let call = try await Callwire.Client(serverURL: server.baseURL, apiKey: "key-1").createCall(
        body: .init(to: "+15550100", routing: .phoneRoute(.init(kind: "phone", number: "+15550199"))))

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.header("X-Api-Key") == "key-1")
      #expect(request.header("Authorization") == nil)
      try expectJSON(request.body, equals: #"{"to":"+15550100","routing":{"kind":"phone","number":"+15550199"}}"#)
      #expect(call.status == .inProgress)
      #expect(call.priority == .value2)
      #expect(call.metadataAssistantID == nil)
      #expect(call.value2ndLeg == "CA2")
      #expect(call.answeredAt == Timestamp("2024-05-01T10:00:00Z"))
      #expect(call.target == .int(42))
      #expect(call.routing == .sipRoute(.init(kind: "sip", uri: "sip:desk@example.com")))
      #expect(call.tags == ["vip"])
    }
  }

  @Test func anOperationWithoutOperationIDIsNamedFromItsPathAndUsesItsOwnSecurity() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Self.call))

      let client = Callwire.Client(serverURL: server.baseURL, oauth: "oauth-token-1", bearerAuth: "bearer-2")
      let call = try await client.getCallsByCallID(callID: "CA1")

      let request = try #require(server.lastRequest)
      #expect(request.path == "/calls/CA1")
      #expect(request.header("Authorization") == "Bearer bearer-2")
      #expect(call.id == "CA1")
    }
  }

  @Test func anAlternativeOfTwoSchemesSendsBoth() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204, headers: [:], body: Data()))

      try await Callwire.Client(serverURL: server.baseURL, apiKey: "key-1", bearerAuth: "bearer-2")
        .deleteCallsByCallID(callID: "CA1")

      let request = try #require(server.lastRequest)
      #expect(request.method == "DELETE")
      #expect(request.header("X-Api-Key") == "key-1")
      #expect(request.header("Authorization") == "Bearer bearer-2")
    }
  }

  @Test func theCallbackPayloadDecodesLikeAWebhook() throws {
    let event = try Callwire.CallEvent(decoding: Data(#"{"call_id":"CA1","status":"completed"}"#.utf8))
    #expect(event == Callwire.CallEvent(callID: "CA1", status: .completed))
  }
}
