import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

/// The generated receivers of the Telnyx-shaped fixture (Tests/Fixtures/voicegrid.yaml) over real
/// HTTP on 127.0.0.1: every call event on one route, told apart by its nested `data.event_type`
/// and signed with Ed25519; the number order's event on a route of its own.
@Suite struct VoicegridReceiverTests {
  final class Subscriber: StoppableServer {
    let transport: FlyingFoxTransport
    let signer = WebhookSigner.telnyx()
    let events = HandledEvents<Voicegrid.WebhookEvent>()
    let orders = HandledEvents<Voicegrid.NumberOrderEvent>()

    init() async throws {
      transport = try await FlyingFoxTransport.start()
      let verifier = WebhookVerifier.telnyx(publicKey: signer.publicKey!)
      try Voicegrid.WebhookEvent.register(on: transport, path: "/hooks/voicegrid", verifier: verifier) {
        [events] event in await events.append(event)
      }
      try Voicegrid.NumberOrderEvent.register(on: transport, path: "/hooks/orders", verifier: verifier) {
        [orders] order in await orders.append(order)
      }
    }

    func deliver(_ json: String, to path: String = "/hooks/voicegrid", signer: WebhookSigner? = nil) async throws
      -> ProviderDelivery.Answer
    {
      let body = Data(json.utf8)
      var headers = ProviderDelivery.json
      for field in try (signer ?? self.signer).sign(body: body) { headers[field.name.rawName] = field.value }
      return try await ProviderDelivery.send(path, to: transport.baseURL, body: body, headers: headers)
    }

    func stop() async { await transport.stop() }
  }

  /// A call event's JSON: `data.event_type` and a payload for the call `id`.
  static func event(_ type: String, id: String, extra: String = "") -> String {
    #"{"data":{"event_type":"\#(type)","id":"6f3a1c52-8d0e-4b8e-9a53-0c1d2e3f4a5b","occurred_at":"2026-12-06T21:00:00Z","#
      + #""record_type":"event","payload":{"call_control_id":"\#(id)","call_leg_id":"leg-\#(id)"\#(extra)}},"#
      + #""meta":{"attempt":1}}"#
  }

  @Test func eachCallEventIsDispatchedFromOneRoute() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let deliveries = [
        Self.event("call.initiated", id: "1", extra: #","direction":"incoming""#),
        Self.event("call.answered", id: "2"),
        Self.event("call.dtmf.received", id: "3", extra: #","digit":"5""#),
        Self.event("call.playback.started", id: "4", extra: #","media_url":"https://example.com/a.mp3""#),
        Self.event("call.playback.ended", id: "5"),
        Self.event("call.hangup", id: "6", extra: #","hangup_cause":"normal_clearing""#),
        Self.event("call.bridged", id: "7"),
      ]
      for json in deliveries {
        let answer = try await subscriber.deliver(json)
        #expect(answer.status == 200, "\(answer.text)")
      }
      let events = await subscriber.events.events
      #expect(events.count == 7)
      guard events.count == 7 else { return }
      guard case .callInitiated(let initiated) = events[0] else {
        Issue.record("\(events[0])")
        return
      }
      #expect(initiated.data.payload.direction == .incoming)
      guard case .callAnswered(let answered) = events[1] else {
        Issue.record("\(events[1])")
        return
      }
      #expect(answered.data.payload.callControlID == "2")
      guard case .callDtmfReceived(let dtmf) = events[2] else {
        Issue.record("\(events[2])")
        return
      }
      #expect(dtmf.data.payload.digit == "5")
      guard case .callPlayback(let started) = events[3], case .callPlayback(let ended) = events[4] else {
        Issue.record("\(events[3...4])")
        return
      }
      #expect(started.data.eventType == .callPlaybackStarted)
      #expect(ended.data.eventType == .callPlaybackEnded)
      guard case .callHangup(let hangup) = events[5] else {
        Issue.record("\(events[5])")
        return
      }
      #expect(hangup.data.payload.hangupCause == .normalClearing)
      guard case .unknown(let type, let json) = events[6] else {
        Issue.record("\(events[6])")
        return
      }
      #expect(type == "call.bridged")
      #expect(json.objectValue?["meta"] == .object(["attempt": 1]))
    }
  }

  @Test func aForgedOrStaleEventIs401AndAnEventWithoutATypeIs400() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let json = Self.event("call.answered", id: "1")
      let forged = try await subscriber.deliver(json, signer: WebhookSigner.telnyx())
      let body = Data(json.utf8)
      var stale = ProviderDelivery.json
      for field in try subscriber.signer.sign(body: body, date: Date() - 600) {
        stale[field.name.rawName] = field.value
      }
      let old = try await ProviderDelivery.send(
        "/hooks/voicegrid", to: subscriber.transport.baseURL, body: body, headers: stale)
      #expect([forged.status, old.status] == [Int]([401, 401]))
      let untyped = try await subscriber.deliver(#"{"data":{"id":"x"}}"#)
      #expect(untyped.status == 400)
      #expect(untyped.text == #"Voicegrid webhook: the payload has no string "data.event_type""#)
      #expect(await subscriber.events.events.isEmpty)
    }
  }

  @Test func theNumberOrderEventKeepsItsOwnRoute() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let answer = try await subscriber.deliver(
        #"{"event_type":"number_order.complete","order_id":"o-1","phone_numbers":["+15550100"]}"#, to: "/hooks/orders")
      #expect(answer.status == 200, "\(answer.text)")
      #expect(await subscriber.orders.events.map(\.orderID) == ["o-1"])
    }
  }

  /// Deliveries at once, each signed: each is handled exactly once.
  @Test func concurrentSignedDeliveriesAreEachHandledOnce() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<40 {
          group.addTask { try await subscriber.deliver(Self.event("call.answered", id: "c\(index)")).status }
        }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
      }
      #expect(statuses == Array(repeating: 200, count: 40))
      let ids = await subscriber.events.events.compactMap { event -> String? in
        guard case .callAnswered(let answered) = event else { return nil }
        return answered.data.payload.callControlID
      }
      #expect(Set(ids) == Set((0..<40).map { "c\($0)" }))
      #expect(ids.count == 40)
    }
  }
}
