import FixtureClients
import Foundation
import TelephonyWebhooks
import Testing

/// The generated `register(on:path:…)` receivers, mounted on a minimal `ServerTransport` over
/// FlyingFox and reached over real HTTP on 127.0.0.1, as a provider delivers. Serialized: its
/// megabyte bodies and concurrent deliveries would otherwise crowd the client tests that measure
/// time on a busy machine.
@Suite(.serialized) struct WebhookReceiverTests {
  /// The receivers of the three providers and Voxline, each recording what its handler got.
  final class Subscriber: StoppableServer {
    let transport: FlyingFoxTransport
    let api4com = HandledEvents<Api4Com.WebhookEvent>()
    let thulium = HandledEvents<Thulium.WebhookEvent>()
    let plusofon = HandledEvents<Plusofon.CallEvent>()
    let voxline = HandledEvents<Voxline.WebhookEvent>()

    init() async throws {
      transport = try await FlyingFoxTransport.start()
      try Api4Com.WebhookEvent.register(
        on: transport, path: "/hooks/api4com", verifier: .queryParameter("secret", equals: "s3cr3t")
      ) { [api4com] event in await api4com.append(event) }
      try Thulium.WebhookEvent.register(
        on: transport, path: "/hooks/thulium", verifier: .basicAuth(username: "u", password: "p4ss")
      ) { [thulium] event in await thulium.append(event) }
      try Plusofon.CallEvent.register(
        on: transport, path: "/hooks/plusofon", verifier: .header("X-Secret", equals: "abc"),
        renamedFields: ["call_id": "my_call_id", "direction": "my_direction", "to": "dest_number"]
      ) { [plusofon] event in await plusofon.append(event) }
      try Voxline.WebhookEvent.register(on: transport, path: "/hooks/voxline") { [voxline] event in
        await voxline.append(event)
      }
    }

    func post(
      _ target: String, _ body: Data, headers: [String: String] = ProviderDelivery.json, streamed: Bool = false
    ) async throws -> ProviderDelivery.Answer {
      try await ProviderDelivery.send(target, to: transport.baseURL, body: body, headers: headers, streamed: streamed)
    }

    func stop() async { await transport.stop() }
  }

  static let thuliumAuth = ProviderDelivery.basic("u", "p4ss")
  static let plusofonSecret = ProviderDelivery.json.merging(["X-Secret": "abc"]) { $1 }

  private func withSubscriber(_ body: (Subscriber) async throws -> Void) async throws {
    try await withStopping(try await Subscriber(), body)
  }

  // MARK: - 200: the handler got the event

  @Test func api4comEventsReachTheHandler() async throws {
    try await withSubscriber { subscriber in
      for name in ["api4com-channel-answer", "api4com-channel-hangup", "api4com-channel-create"] {
        let answer = try await subscriber.post("/hooks/api4com?secret=s3cr3t", try WebhookFixtures.data(name))
        #expect(answer.status == 200, "\(name): \(answer.text)")
      }
      let events = await subscriber.api4com.events
      try #require(events.count == 3)
      guard case .channelAnswer(let answered) = events[0], case .channelHangup(let hungUp) = events[1] else {
        Issue.record("unexpected events \(events)")
        return
      }
      #expect(answered.version == "1.8")
      #expect(hungUp.hangupCauseCode == "16")
      let created = try WebhookFixtures.data("api4com-channel-create")
      #expect(events[2] == .unknown("channel-create", try WebhookFixtures.json(created)))
    }
  }

  @Test func thuliumEventsReachTheHandler() async throws {
    let names = [
      "thulium-chat-conversation-created", "thulium-chat-agent-assigned", "thulium-chat-conversation-closed",
      "thulium-customer-created", "thulium-call-started",
    ]
    try await withSubscriber { subscriber in
      for name in names {
        let answer = try await subscriber.post(
          "/hooks/thulium", try WebhookFixtures.data(name), headers: Self.thuliumAuth)
        #expect(answer.status == 200, "\(name): \(answer.text)")
      }
      let events = await subscriber.thulium.events
      let expected = try names.map { try Thulium.WebhookEvent(decoding: WebhookFixtures.data($0)) }
      #expect(events == expected)
      #expect(events.last == .unknown("CALL_STARTED", try WebhookFixtures.json(WebhookFixtures.data(names[4]))))
    }
  }

  @Test func plusofonEventsReachTheHandlerWithTheirRenamedFields() async throws {
    try await withSubscriber { subscriber in
      for name in ["plusofon-create", "plusofon-answer", "plusofon-destroy", "plusofon-destroy-renamed"] {
        let answer = try await subscriber.post(
          "/hooks/plusofon", try WebhookFixtures.data(name), headers: Self.plusofonSecret)
        #expect(answer.status == 200, "\(name): \(answer.text)")
      }
      let events = await subscriber.plusofon.events
      try #require(events.count == 4)
      #expect(events[0].direction == .outbound)
      #expect(events[1].callID == "1234567891")
      #expect(events[3].callID == "1234567890")
      #expect(events[3].direction == .out)
      #expect(events[3].to == "74957654321")
      #expect(events[3].additionalProperties == ["special_parameter": "123"])
    }
  }

  /// A fourth provider's spec gets the same `register` from its `webhooks:`, with no generator change.
  @Test func voxlineEventsReachTheHandler() async throws {
    try await withSubscriber { subscriber in
      let started = Data(#"{"event":"call.started","call_id":"c-1","occurred_at":"2026-01-02T03:04:05Z"}"#.utf8)
      let ended = Data(#"{"event":"call.ended","call_id":"c-1"}"#.utf8)
      let other = Data(#"{"event":"call.parked","call_id":"c-1"}"#.utf8)
      for body in [started, ended, other] {
        #expect(try await subscriber.post("/hooks/voxline", body).status == 200)
      }
      #expect(try await subscriber.post("/hooks/voxline", Data(#"{"event":"call.ended"}"#.utf8)).status == 400)
      let events = await subscriber.voxline.events
      try #require(events.count == 3)
      guard case .callStarted(let call) = events[0], case .callEnded = events[1] else {
        Issue.record("unexpected events \(events)")
        return
      }
      #expect(call.callID == "c-1")
      #expect(events[2] == .unknown("call.parked", try WebhookFixtures.json(other)))
    }
  }

  /// An OpenAPI 3.0 spec's `callbacks:` get the same receiver as `webhooks:` (the Callwire fixture).
  @Test func callbackPayloadsGetTheSameReceiver() async throws {
    let transport = try await FlyingFoxTransport.start()
    let handled = HandledEvents<Callwire.CallEvent>()
    try Callwire.CallEvent.register(
      on: transport, path: "/hooks/callwire", verifier: .header("X-Secret", equals: "abc")
    ) { await handled.append($0) }
    let headers = ProviderDelivery.json.merging(["X-Secret": "abc"]) { $1 }
    let body = Data(#"{"call_id":"CA1","status":"completed"}"#.utf8)
    let answers = [
      try await ProviderDelivery.send("/hooks/callwire", to: transport.baseURL, body: body, headers: headers),
      try await ProviderDelivery.send("/hooks/callwire", to: transport.baseURL, body: body),
      try await ProviderDelivery.send(
        "/hooks/callwire", to: transport.baseURL, body: Data("{}".utf8), headers: headers),
    ]
    await transport.stop()
    #expect(answers.map(\.status) == [200, 401, 400])
    #expect(answers[2].text.hasPrefix("Callwire webhook: "))
    #expect(await handled.events == [Callwire.CallEvent(callID: "CA1", status: .completed)])
  }

  @Test func concurrentDeliveriesAreEachHandledOnce() async throws {
    try await withSubscriber { subscriber in
      let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<100 {
          group.addTask {
            let body = Data(#"{"event":"call.started","call_id":"call-\#(index)"}"#.utf8)
            return try await subscriber.post("/hooks/voxline", body).status
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(statuses == Array(repeating: 200, count: 100))
      let ids = await subscriber.voxline.events.compactMap { event -> String? in
        guard case .callStarted(let call) = event else { return nil }
        return call.callID
      }
      #expect(ids.sorted() == (0..<100).map { "call-\($0)" }.sorted())
    }
  }

  // MARK: - 401: the verifier rejects, whatever the body

  @Test func rejectedCredentialsAnswer401WithoutReadingTheBody() async throws {
    let valid = try WebhookFixtures.data("api4com-channel-answer")
    let oversized = Data(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
    try await withSubscriber { subscriber in
      let answers = [
        try await subscriber.post("/hooks/api4com?secret=wrong", valid),
        try await subscriber.post("/hooks/api4com", valid),
        try await subscriber.post("/hooks/api4com?token=s3cr3t", Data("not json".utf8)),
        try await subscriber.post("/hooks/api4com?secret=s3cr", oversized),
        try await subscriber.post(
          "/hooks/thulium", try WebhookFixtures.data("thulium-customer-created"),
          headers: ProviderDelivery.basic("u", "wrong")),
        try await subscriber.post("/hooks/thulium", Data(), headers: ProviderDelivery.json),
        try await subscriber.post(
          "/hooks/plusofon", try WebhookFixtures.data("plusofon-create"),
          headers: ProviderDelivery.json.merging(["X-Secret": "abd"]) { $1 }),
        try await subscriber.post("/hooks/plusofon", oversized, streamed: true),
      ]
      #expect(answers.map(\.status) == Array(repeating: 401, count: answers.count))
      for answer in answers {
        #expect(answer.text == "unauthorized")
        #expect(!answer.text.contains("s3cr3t") && !answer.text.contains("p4ss") && !answer.text.contains("abc"))
      }
      #expect(await subscriber.api4com.events.isEmpty)
      #expect(await subscriber.thulium.events.isEmpty)
      #expect(await subscriber.plusofon.events.isEmpty)
    }
  }

  // MARK: - 400: the body is not the payload

  @Test func bodiesThatAreNotThePayloadAnswer400NamingTheProvider() async throws {
    let deliveries: [(target: String, body: String, headers: [String: String], provider: String)] = [
      ("/hooks/api4com?secret=s3cr3t", "not json", ProviderDelivery.json, "Api4Com"),
      ("/hooks/api4com?secret=s3cr3t", "", ProviderDelivery.json, "Api4Com"),
      ("/hooks/api4com?secret=s3cr3t", #"{"eventType":"channel-answer","id":42}"#, ProviderDelivery.json, "Api4Com"),
      ("/hooks/api4com?secret=s3cr3t", #"{"id":"x"}"#, ProviderDelivery.json, "Api4Com"),
      ("/hooks/thulium", "[1, 2]", Self.thuliumAuth, "Thulium"),
      ("/hooks/thulium", #"{"action":"CHAT_CONVERSATION_CREATED","chat_id":"one"}"#, Self.thuliumAuth, "Thulium"),
      (
        "/hooks/plusofon", "call_id=1&direction=in",
        Self.plusofonSecret.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }, "Plusofon"
      ),
      ("/hooks/plusofon", #"{"call_id":1}"#, Self.plusofonSecret, "Plusofon"),
      ("/hooks/voxline", "null", ProviderDelivery.json, "Voxline"),
      ("/hooks/voxline", #"{"event\n":"x",\#n"call_id\r\nX-Injected: 1":5}"#, ProviderDelivery.json, "Voxline"),
    ]
    try await withSubscriber { subscriber in
      for delivery in deliveries {
        let answer = try await subscriber.post(delivery.target, Data(delivery.body.utf8), headers: delivery.headers)
        #expect(answer.status == 400, "\(delivery.body)")
        #expect(answer.contentType?.hasPrefix("text/plain") == true)
        #expect(answer.text.hasPrefix("\(delivery.provider) webhook: "), "\(answer.text)")
        #expect(!answer.text.contains("\n") && !answer.text.contains("\r"), "\(answer.text)")
        #expect(!answer.text.contains("s3cr3t") && !answer.text.contains("p4ss"))
      }
      #expect(await subscriber.api4com.events.isEmpty)
      #expect(await subscriber.thulium.events.isEmpty)
      #expect(await subscriber.plusofon.events.isEmpty)
      #expect(await subscriber.voxline.events.isEmpty)
      // The reasons say what is wrong, where.
      let missing = try await subscriber.post("/hooks/api4com?secret=s3cr3t", Data(#"{"id":"x"}"#.utf8))
      #expect(missing.text == #"Api4Com webhook: the payload has no string "eventType""#)
      let mistyped = try await subscriber.post(
        "/hooks/plusofon", Data(#"{"call_id":1}"#.utf8), headers: Self.plusofonSecret)
      #expect(
        mistyped.text.hasPrefix("Plusofon webhook: the payload does not match CallEvent at call_id: expected String"))
    }
  }

  /// Hostile bodies: deep nesting, invalid UTF-8, huge numbers. Each is a 400, and the server
  /// still answers afterwards.
  @Test func hostileBodiesAreBadRequestsAndTheServerKeepsAnswering() async throws {
    let bodies: [Data] = [
      Data(repeating: UInt8(ascii: "["), count: 20_000),
      Data(String(repeating: #"{"a":"#, count: 10_000).utf8),
      Data([0xFF, 0xFE, 0x7B, 0x00, 0xC3]),
      Data(#"{"event":"call.started","call_id":"c","occurred_at":1e999999}"#.utf8),
      Data(#"{"event":"\ud800","call_id":"c"}"#.utf8),
    ]
    try await withSubscriber { subscriber in
      for body in bodies {
        let answer = try await subscriber.post("/hooks/voxline", body)
        #expect(answer.status == 400)
      }
      let fine = try await subscriber.post("/hooks/voxline", Data(#"{"event":"call.ended","call_id":"c"}"#.utf8))
      #expect(fine.status == 200)
    }
  }

  // MARK: - 413: over the limit

  @Test func bodiesOverTheLimitAnswer413() async throws {
    try await withSubscriber { subscriber in
      let overLimit = Data(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
      let sized = try await subscriber.post("/hooks/voxline", overLimit)
      let streamed = try await subscriber.post("/hooks/voxline", overLimit, streamed: true)
      #expect(sized.status == 413)
      #expect(streamed.status == 413)
      #expect(sized.text.hasPrefix("Voxline webhook: "))
      // Exactly 1 MiB is accepted: a payload padded with spaces.
      let payload = Data(#"{"event":"call.ended","call_id":"big"}"#.utf8)
      let padded = payload + Data(repeating: UInt8(ascii: " "), count: (1 << 20) - payload.count)
      #expect(try await subscriber.post("/hooks/voxline", padded, streamed: true).status == 200)
      #expect(await subscriber.voxline.events.count == 1)
    }
  }

  @Test func aSmallerLimitIsHonoured() async throws {
    let transport = try await FlyingFoxTransport.start()
    let handled = HandledEvents<Voxline.WebhookEvent>()
    try Voxline.WebhookEvent.register(on: transport, path: "/small", maximumBodySize: 40) { await handled.append($0) }
    let short = Data(#"{"event":"call.ended","call_id":"c"}"#.utf8)
    let long = Data(#"{"event":"call.ended","call_id":"ccccccccc"}"#.utf8)
    let answers = [
      try await ProviderDelivery.send("/small", to: transport.baseURL, body: short),
      try await ProviderDelivery.send("/small", to: transport.baseURL, body: long),
    ]
    await transport.stop()
    #expect(answers.map(\.status) == [200, 413])
    #expect(await handled.events.count == 1)
  }

  // MARK: - 500: the handler threw

  struct HandlerFailure: Error, CustomStringConvertible {
    var description: String { "database password hunter2 rejected" }
  }

  @Test func aThrowingHandlerAnswers500WithAGenericBody() async throws {
    let transport = try await FlyingFoxTransport.start()
    try Thulium.WebhookEvent.register(
      on: transport, path: "/hooks/thulium", verifier: .basicAuth(username: "u", password: "p4ss")
    ) { _ in throw HandlerFailure() }
    let answer = try await ProviderDelivery.send(
      "/hooks/thulium", to: transport.baseURL, body: try WebhookFixtures.data("thulium-customer-created"),
      headers: Self.thuliumAuth)
    await transport.stop()
    #expect(answer.status == 500)
    #expect(answer.text == "the webhook could not be handled; deliver it again")
    #expect(!answer.text.contains("hunter2"))
  }

  // MARK: - Routing

  @Test func onlyPOSTIsRegistered() async throws {
    try await withSubscriber { subscriber in
      for method in ["GET", "PUT", "DELETE"] {
        let answer = try await ProviderDelivery.send(
          "/hooks/api4com?secret=s3cr3t", to: subscriber.transport.baseURL, method: method,
          body: try WebhookFixtures.data("api4com-channel-answer"))
        #expect(answer.status == 405, "\(method)")
      }
      #expect(await subscriber.api4com.events.isEmpty)
    }
  }

  @Test func aTransportThatRefusesTheRouteMakesRegisterThrow() async throws {
    let transport = try await FlyingFoxTransport.start()
    try Api4Com.WebhookEvent.register(on: transport, path: "/hooks") { _ in }
    #expect(throws: FlyingFoxTransport.RouteError.self) {
      try Api4Com.WebhookEvent.register(on: transport, path: "/hooks") { _ in }
    }
    await transport.stop()
  }
}
