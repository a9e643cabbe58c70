import Foundation
import HTTPTypes
import TelephonyWebhooks
import TestSupport
import Testing

/// An event a subscriber accepted.
enum ReceivedWebhook: Hashable, Sendable {
  case api4com(Api4Com.WebhookEvent)
  case plusofon(Plusofon.CallEvent)
  case thulium(Thulium.WebhookEvent)
}

/// A subscriber's webhook endpoints, written against the public API only, as a user would in a
/// Vapor or Hummingbird handler: verify the credential the subscription registered, then decode.
struct WebhookSubscriber: Sendable {
  /// Api4Com: the integration's `webhookUrl` is `…/hooks/api4com?secret=s3cr3t`.
  var api4com = WebhookVerifier.queryParameter("secret", equals: "s3cr3t")
  /// Plusofon: the subscription's `headers[]` carry `X-Plusofon-Secret: abc`.
  var plusofon = WebhookVerifier.header("X-Plusofon-Secret", equals: "abc")
  /// Plusofon: the subscription's `fields[]`, as the user configured them.
  var plusofonFields = [
    Plusofon.FieldRename(before: "call_id", after: "my_call_id"),
    Plusofon.FieldRename(before: "direction", after: "my_direction"),
    Plusofon.FieldRename(before: "to", after: "dest_number"),
  ]
  /// Thulium: the subscription's `http_auth_user` and `http_auth_password`.
  var thulium = WebhookVerifier.basicAuth(username: "thulium-hook", password: "Pa55:word-7f3a")

  /// Answers 200 and returns the event when the request is accepted, 401 when its credential is
  /// wrong, 400 when its body cannot be decoded, 404 for another path.
  func handle(_ request: TestServer.Request) -> (status: Int, event: ReceivedWebhook?) {
    do {
      switch request.path {
      case "/hooks/api4com":
        try api4com.verify(headers: request.fields, url: request.target)
        return (200, .api4com(try Api4Com.WebhookEvent(decoding: request.body, headers: request.fields)))
      case "/hooks/plusofon":
        try plusofon.verify(headers: request.fields)
        let renames = Dictionary(uniqueKeysWithValues: plusofonFields.map { ($0.before, $0.after) })
        let event = try Plusofon.CallEvent(decoding: request.body, headers: request.fields, renamedFields: renames)
        return (200, .plusofon(event))
      case "/hooks/thulium":
        try thulium.verify(headers: request.fields)
        return (200, .thulium(try Thulium.WebhookEvent(decoding: request.body, headers: request.fields)))
      default:
        return (404, nil)
      }
    } catch is WebhookVerificationError {
      return (401, nil)
    } catch {
      return (400, nil)
    }
  }
}

/// What the subscriber accepted, in order.
private actor Inbox {
  var events: [ReceivedWebhook] = []

  func append(_ event: ReceivedWebhook) { events.append(event) }
}

@Suite struct WebhookEndToEndTests {
  private static let json = ["Content-Type": "application/json"]
  private static let thuliumAuth = basic("thulium-hook", "Pa55:word-7f3a")
  private static let plusofonSecret = json.merging(["X-Plusofon-Secret": "abc"]) { $1 }

  private static func basic(_ user: String, _ password: String) -> [String: String] {
    json.merging(["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]) { $1 }
  }

  /// Runs a subscriber server, lets `deliver` POST to it, and returns the status codes `deliver`
  /// collected and the events the subscriber accepted.
  private func withSubscriber(
    _ deliver: (TestServer) async throws -> [Int]
  ) async throws -> (statuses: [Int], events: [ReceivedWebhook]) {
    let inbox = Inbox()
    let subscriber = WebhookSubscriber()
    let statuses = try await TestServer.with { server in
      server.respond { request in
        let (status, event) = subscriber.handle(request)
        if let event { await inbox.append(event) }
        return TestServer.Reply(status: status)
      }
      return try await deliver(server)
    }
    return (statuses, await inbox.events)
  }

  @Test func api4comDeliveriesWithTheURLSecretAreAccepted() async throws {
    let hangup = try WebhookFixtures.data("api4com-channel-hangup")
    let answer = try WebhookFixtures.data("api4com-channel-answer")
    let (statuses, events) = try await withSubscriber { server in
      [
        try await server.post("/hooks/api4com?secret=s3cr3t", body: answer, headers: Self.json),
        try await server.post("/hooks/api4com?secret=s3cr3t", body: hangup, headers: Self.json),
      ]
    }
    #expect(statuses == [200, 200])
    try #require(events.count == 2)
    guard case .api4com(.channelAnswer(let answered)) = events[0],
      case .api4com(.channelHangup(let hungUp)) = events[1]
    else {
      Issue.record("unexpected events \(events)")
      return
    }
    #expect(answered.version == "1.8")
    #expect(answered.endedAt == nil)
    #expect(hungUp.version == "v1.4")
    #expect(hungUp.hangupCauseCode == "16")
    #expect(hungUp.startedAt == "2025-01-01 00:00:00")
    #expect(hungUp.metadata == ["gateway": "grid-podium", "cnpj": "12.345.678/0001-90"])
  }

  @Test(arguments: ["/hooks/api4com?secret=wrong", "/hooks/api4com", "/hooks/api4com?token=s3cr3t"])
  func api4comDeliveriesWithoutTheSecretAreRejected(target: String) async throws {
    let hangup = try WebhookFixtures.data("api4com-channel-hangup")
    let (statuses, events) = try await withSubscriber { server in
      [try await server.post(target, body: hangup, headers: Self.json)]
    }
    #expect(statuses == [401])
    #expect(events.isEmpty)
  }

  @Test func plusofonDeliveriesWithTheHeaderAndRenamedFieldsAreAccepted() async throws {
    let renamed = try WebhookFixtures.data("plusofon-destroy-renamed")
    let create = try WebhookFixtures.data("plusofon-create")
    let (statuses, events) = try await withSubscriber { server in
      [
        try await server.post("/hooks/plusofon", body: create, headers: Self.plusofonSecret),
        try await server.post("/hooks/plusofon", body: renamed, headers: Self.plusofonSecret),
      ]
    }
    #expect(statuses == [200, 200])
    let expectedCreate = Plusofon.CallEvent(
      callID: "1234567890", direction: .outbound, from: "74951234567", to: "74957654321", internal: "101",
      timestamp: "1700000000")
    let expectedDestroy = Plusofon.CallEvent(
      callID: "1234567890", direction: .out, from: "74951234567", to: "74957654321", internal: "101",
      timestamp: "1700000042", duration: 42, additionalProperties: ["special_parameter": "123"])
    #expect(events == [.plusofon(expectedCreate), .plusofon(expectedDestroy)])
  }

  @Test(arguments: [["X-Plusofon-Secret": "abd"], ["X-Other-Secret": "abc"], [:]])
  func plusofonDeliveriesWithoutTheHeaderAreRejected(headers: [String: String]) async throws {
    let body = try WebhookFixtures.data("plusofon-destroy-renamed")
    let (statuses, events) = try await withSubscriber { server in
      [try await server.post("/hooks/plusofon", body: body, headers: Self.json.merging(headers) { $1 })]
    }
    #expect(statuses == [401])
    #expect(events.isEmpty)
  }

  @Test func thuliumDeliveriesWithBasicAuthAreAccepted() async throws {
    let fixtures = [
      "thulium-chat-conversation-created", "thulium-chat-agent-assigned", "thulium-chat-conversation-closed",
      "thulium-customer-created", "thulium-call-started",
    ]
    let bodies = try fixtures.map(WebhookFixtures.data)
    let (statuses, events) = try await withSubscriber { server in
      var statuses: [Int] = []
      for body in bodies {
        statuses.append(try await server.post("/hooks/thulium", body: body, headers: Self.thuliumAuth))
      }
      return statuses
    }
    #expect(statuses == [200, 200, 200, 200, 200])
    try #require(events.count == 5)
    guard case .thulium(.chatConversationCreated(let created)) = events[0] else {
      Issue.record("unexpected first event \(events[0])")
      return
    }
    #expect(created.clientName == "John Smith")
    #expect(created.date?.rawValue == "2016-04-20 09:46:24")
    guard case .thulium(.chatAgentAssigned(let assigned)) = events[1] else {
      Issue.record("unexpected second event \(events[1])")
      return
    }
    #expect(assigned.agentLogin == "jkowalski")
    guard case .thulium(.chatConversationClosed(let closed)) = events[2] else {
      Issue.record("unexpected third event \(events[2])")
      return
    }
    #expect(closed.chatQueueID == 1)
    #expect(events[3] == .thulium(.customerCreated(.init(action: .customerCreated, customerID: 154))))
    #expect(events[4] == .thulium(.unknown("CALL_STARTED", try WebhookFixtures.json(bodies[4]))))
  }

  @Test(arguments: [
    basic("thulium-hook", "wrong"), basic("other", "Pa55:word-7f3a"), json,
    json.merging(["Authorization": "Bearer Pa55:word-7f3a"]) { $1 },
  ])
  func thuliumDeliveriesWithBadCredentialsAreRejected(headers: [String: String]) async throws {
    let body = try WebhookFixtures.data("thulium-chat-conversation-created")
    let (statuses, events) = try await withSubscriber { server in
      [try await server.post("/hooks/thulium", body: body, headers: headers)]
    }
    #expect(statuses == [401])
    #expect(events.isEmpty)
  }

  @Test func verifiedDeliveriesThatDoNotDecodeAreBadRequests() async throws {
    let form = Self.plusofonSecret.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }
    let (statuses, events) = try await withSubscriber { server in
      [
        try await server.post("/hooks/thulium", body: Data("not json".utf8), headers: Self.thuliumAuth),
        try await server.post("/hooks/plusofon", body: Data("call_id=1&direction=in".utf8), headers: form),
        // Plusofon's payload types are inferred (README): a string where a number is guessed is a 400.
        try await server.post(
          "/hooks/plusofon", body: Data(#"{"call_id":"1","duration":"42"}"#.utf8),
          headers: Self.plusofonSecret),
        try await server.post("/hooks/api4com?secret=s3cr3t", body: Data(), headers: Self.json),
      ]
    }
    #expect(statuses == [400, 400, 400, 400])
    #expect(events.isEmpty)
  }
}
