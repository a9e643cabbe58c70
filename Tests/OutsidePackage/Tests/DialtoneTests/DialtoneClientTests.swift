import Dialtone
import Foundation
import TelephonyWebhooks
import Testing

/// The client generated in this package, against a real server on 127.0.0.1 (`TestServer`, which
/// `make outside` copies in from the repository's own tests). Nothing here needs more than
/// `import TelephonyWebhooks`.
@Suite struct DialtoneClientTests {
  @Test func placeCallPostsTheBodyWithTheBearerTokenAndDecodes201() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .init(
          status: 201,
          json: #"{"id":"c-42","from":"+15550100","to":"+15550199","status":"ringing","duration_seconds":null}"#))
      let client = Dialtone.Client(serverURL: server.baseURL, token: "dt-token")

      let call = try await client.placeCall(
        body: Dialtone.NewCall(from: "+15550100", to: "+15550199", record: true, metadata: ["crm": "7"]))

      let request = try #require(server.requests.last)
      #expect(request.method == "POST")
      #expect(request.path == "/calls")
      #expect(request.rawQuery == "")
      #expect(request.headers["authorization"] == "Bearer dt-token")
      #expect(request.headers["content-type"] == "application/json")
      #expect(request.headers["accept"] == "application/json")
      let sent = try JSONSerialization.jsonObject(with: request.body) as? NSDictionary
      let expected: NSDictionary = ["from": "+15550100", "to": "+15550199", "record": true, "metadata": ["crm": "7"]]
      #expect(sent == expected)
      #expect(call.id == "c-42")
      #expect(call.status == .ringing)
      #expect(call.durationSeconds == nil)
      #expect(call.startedAt == nil)
    }
  }

  @Test func getCallSendsThePathAndQueryAndDecodesAnUnknownStatus() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .init(
          json: #"""
            {"id":"c/42","from":"+15550100","to":"+15550199","status":"transferred",
             "started_at":"2024-05-01T10:00:00Z","duration_seconds":61,
             "recording_url":"https://cdn.dialtone.example/r/42.mp3"}
            """#))
      let client = Dialtone.Client(serverURL: server.baseURL, token: "dt-token")

      let call = try await client.getCall(callID: "c/42", includeRecording: true)

      let request = try #require(server.requests.last)
      #expect(request.method == "GET")
      #expect(request.path == "/calls/c%2F42")
      #expect(request.rawQuery == "include_recording=true")
      #expect(request.headers["authorization"] == "Bearer dt-token")
      #expect(request.body.isEmpty)
      #expect(call.id == "c/42")
      #expect(call.status == .unknown("transferred"))
      #expect(call.startedAt == Timestamp("2024-05-01T10:00:00Z"))
      #expect(call.durationSeconds == 61)
      #expect(call.recordingURL == URL(string: "https://cdn.dialtone.example/r/42.mp3")!)
    }
  }

  @Test func anErrorStatusThrowsAPIErrorWithTheProvidersMessage() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 422, json: #"{"message":"to is not a phone number","request_id":"r-9"}"#))
      let client = Dialtone.Client(serverURL: server.baseURL, token: "dt-token")

      let error = try await #require(throws: APIError.self) {
        try await client.placeCall(body: Dialtone.NewCall(from: "+15550100", to: "nope"))
      }

      #expect(error.status == 422)
      #expect(error.operationID == "placeCall")
      #expect(error.messages == ["to is not a phone number"])
      #expect(error.requestID == "r-9")
      #expect((error.errorBody as? Dialtone.Problem)?.message == "to is not a phone number")
      #expect(!String(describing: error).contains("dt-token"))
    }
  }

  @Test func webhookEventsDecodeByTheirEventName() throws {
    let body = Data(#"{"event":"call.ended","call_id":"c-42","status":"ended"}"#.utf8)

    let event = try Dialtone.WebhookEvent(decoding: body)

    guard case .callEnded(let payload) = event else {
      Issue.record("expected .callEnded, got \(event)")
      return
    }
    #expect(payload.callID == "c-42")
    #expect(payload.status == .ended)
  }

  /// `MockTransport()` answers from the table generated into this package, with no server, and
  /// `Dialtone.API` takes a fake.
  @Test func theMockTransportAndTheAPIProtocolWorkForAProviderGeneratedHere() async throws {
    let mock = MockTransport()
    let client = Dialtone.Client(token: "dt-token", transport: mock)
    let call = try await client.placeCall(body: Dialtone.NewCall(from: "+15550100", to: "+15550199"))
    _ = try await client.getCall(callID: call.id)
    #expect(mock.requests.map(\.operationID) == ["placeCall", "getCall"])
    #expect(mock.requests[0].headerFields[.authorization] == "<redacted>")

    struct FakeDialtone: Dialtone.API {}
    await #expect(throws: UnimplementedOperation.self) {
      try await FakeDialtone().getCall(callID: "c-1", includeRecording: nil)
    }
  }

  @Test func handWrittenCodeBesideTheGeneratedCodeIsKept() {
    #expect(Dialtone.Client.sandboxURL.host() == "sandbox.dialtone.example")
  }
}
