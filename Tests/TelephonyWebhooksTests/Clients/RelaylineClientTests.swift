import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

extension TestServer {
  func relayline() -> Relayline.Client {
    Relayline.Client(serverURL: baseURL, bearer: "relay-token")
  }
}

/// The constructs published specs use that the generator once left out, over real HTTP: 2xx
/// responses with different bodies, `default` as the only response, JSON without a schema,
/// `allOf` around enums, object and map query parameters, and servers without a scheme or host.
@Suite struct RelaylineClientTests {
  static let call = #"{"id":"CA1","status":"ringing","priority":2}"#

  @Test func differentSuccessBodiesAreCasesOfTheOutcome() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(Self.call), .json(#"{"job_id":"JB7"}"#, status: 202), .init(status: 204, headers: [:], body: Data()))
      let client = server.relayline()
      let change = Relayline.CallChange(priority: .value3)

      let changed = try await client.updateCall(callID: "CA1", body: change)
      let queued = try await client.updateCall(callID: "CA1", body: change)
      let unchanged = try await client.updateCall(callID: "CA1", body: change)

      #expect(changed == .ok(.init(id: "CA1", status: .ringing, priority: .value2)))
      #expect(queued == .accepted(.init(jobID: "JB7")))
      #expect(unchanged == .noContent)
      let request = try #require(server.lastRequest)
      #expect(request.method == "PUT")
      #expect(request.path == "/calls/CA1")
      #expect(request.rawQuery == "")
      #expect(request.header("Authorization") == "Bearer relay-token")
      #expect(request.header("Content-Type") == "application/json")
      // The default `.none` is the enum's case, not `nil`; the members' order is the encoder's.
      #expect(
        try JSONDecoder().decode(JSONValue.self, from: request.body)
          == .object(["priority": .int(3), "recording": .string("none")]))
    }
  }

  @Test func anErrorStatusBesideTheOutcomesThrowsItsErrorBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"message":"busy","request_id":"RQ1"}"#, status: 409))

      let error = try await #require(throws: APIError.self) {
        _ = try await server.relayline().updateCall(callID: "CA1", body: .init())
      }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.status == 409)
      #expect(error.messages == ["busy"])
      #expect(error.requestID == "RQ1")
      #expect(error.errorBody as? Relayline.Problem == .init(message: "busy", requestID: "RQ1"))
    }
  }

  @Test func successStatusesWithOneBodyTypeReturnThatType() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Self.call), .json(Self.call, status: 201))
      let client = server.relayline()

      let joined = try await client.createCall(body: .init(to: "+15550100"))
      let created = try await client.createCall(body: .init(to: "+15550100"))

      #expect(joined == created)
      #expect(created.id == "CA1")
      #expect(String(decoding: try #require(server.lastRequest).body, as: UTF8.self) == #"{"to":"+15550100"}"#)
    }
  }

  @Test func theDefaultResponseIsTheSuccessForAny2xx() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"state":"up"}"#, status: 203))

      let status = try await server.relayline().getStatus()

      #expect(status == .init(state: "up"))
      let request = try #require(server.lastRequest)
      #expect(request.path == "/status")
      #expect(request.header("Authorization") == nil)
    }
  }

  @Test func theDefaultResponseIsTheErrorBodyForAnyOtherStatus() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"state":"down","message":"maintenance"}"#, status: 503))

      let error = try await #require(throws: APIError.self) { _ = try await server.relayline().getStatus() }

      #expect(error.status == 503)
      #expect(error.messages == ["maintenance"])
      #expect(error.errorBody as? Relayline.ServiceStatus == .init(state: "down", message: "maintenance"))
    }
  }

  @Test func jsonWithoutASchemaIsAnyJSONAndTextIsAString() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(#"{"legs":[1,"two",null],"ok":true}"#),
        .init(status: 200, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data("Hello.\n".utf8)))
      let client = server.relayline()

      let raw = try await client.getRawCall(callID: "CA1")
      let transcript = try await client.getTranscript(callID: "CA1")

      #expect(raw == .object(["legs": .array([.int(1), .string("two"), .null]), "ok": .bool(true)]))
      #expect(transcript == "Hello.\n")
      #expect(server.requests.map(\.path) == ["/calls/CA1/raw", "/calls/CA1/transcript"])
      #expect(server.lastRequest?.header("Accept") == "text/plain")
    }
  }

  @Test func objectAndMapQueryParametersFollowTheirStyle() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"items":[]}"#))

      _ = try await server.relayline().listCalls(
        page: 2, filter: .init(status: .completed, to: "+1 555"), labels: ["team": "a&b", "campaign": "spring"],
        window: .init(from: "09:00", to: "17:00"))

      let request = try #require(server.lastRequest)
      #expect(
        request.rawQuery
          == "page=2&filter%5Bstatus%5D=completed&filter%5Bto%5D=%2B1%20555&campaign=spring&team=a%26b"
          + "&window=from,09%3A00,to,17%3A00")
    }
  }

  @Test func theAllOfAroundAnEnumIsThatEnum() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"id":"CA2","status":"on-hold","transferred_from":\#(Self.call)}"#))

      let call = try await server.relayline().getCall(callID: "CA2")

      #expect(call.status == .unknown("on-hold"))
      #expect(call.transferredFrom?.status == .ringing)
      #expect(call.transferredFrom?.priority == .value2)
    }
  }

  @Test func serversWithoutASchemeOrHostAreResolved() {
    #expect(Relayline.Client.defaultServerURL == URL(string: "https://api.relayline.example/v1")!)
    #expect(Relayline.Client.apiSandboxServerURL == URL(string: "https://api.relayline.example/sandbox")!)
    #expect(Relayline.Client.mediaV1ServerURL == URL(string: "https://media.relayline.example/v1")!)
  }

  @Test func anOperationWithItsOwnServerGoesToTheClientsServerWhenGivenOne() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"id":"ME1","size":3}"#))

      let media = try await server.relayline().getMedia(mediaID: "ME1")

      #expect(media == .init(id: "ME1", size: 3))
      #expect(server.lastRequest?.path == "/media/ME1")
    }
  }
}
