import Foundation
import HummingbirdReceiver
import TelephonyWebhooks
import Testing

/// The signed providers on Hummingbird over real HTTP: a Twilio-shaped voice webhook answered with
/// XML, and a Telnyx-shaped event stream on one route, each delivery signed with the runtime's
/// `WebhookSigner`.
@Suite struct SignedProviderTests {
  static let form = ["Content-Type": "application/x-www-form-urlencoded"]

  /// `fields` added to `headers`.
  static func headers(_ headers: [String: String], _ fields: HTTPFields) -> [String: String] {
    var all = headers
    for field in fields { all[field.name.rawName] = field.value }
    return all
  }

  /// A Voicegrid call event: its type at `data.event_type`, about the call `id`.
  static func event(_ type: String, id: String) -> Data {
    Data(
      (#"{"data":{"event_type":"\#(type)","id":"6f3a1c52-8d0e-4b8e-9a53-0c1d2e3f4a5b","#
        + #""occurred_at":"2026-12-06T21:00:00Z","record_type":"event","#
        + #""payload":{"call_control_id":"\#(id)","call_leg_id":"leg","digit":"7"}}}"#).utf8)
  }

  func deliver(_ body: Data, to server: ReceiverServer, signer: WebhookSigner? = nil) async throws
    -> ReceiverServer.Answer
  {
    let signed = try (signer ?? server.voicegrid).sign(body: body)
    return try await server.send("/hooks/voicegrid", body: body, headers: Self.headers(Payloads.json, signed))
  }

  @Test func aVoiceWebhookIsAnsweredWithXML() async throws {
    try await ReceiverServer.with { server in
      let body = Data("CallSid=CA1&AccountSid=AC1&From=%2B15550100&To=%2B15550199&CallStatus=ringing".utf8)
      let signed = try server.callbox.sign(body: body, url: ReceiverServer.voiceURL.absoluteString)
      let answer = try await server.send("/hooks/voice", body: body, headers: Self.headers(Self.form, signed))
      #expect(answer.status == 200, "\(answer.text)")
      #expect(answer.contentType == "application/xml")
      #expect(answer.text == "<Response><Say>Hello</Say></Response>")
      let forged = try WebhookSigner.twilio(authToken: "wrong").sign(
        body: body, url: ReceiverServer.voiceURL.absoluteString)
      #expect(try await server.send("/hooks/voice", body: body, headers: Self.headers(Self.form, forged)).status == 401)
      #expect(
        await server.inbox.events == [
          .callbox(
            Callbox.IncomingCall(
              callSid: "CA1", accountSid: "AC1", from: "+15550100", to: "+15550199", callStatus: .ringing))
        ])
      try server.expectNoSecretLogged()
    }
  }

  @Test func oneRouteDispatchesEveryCallEventWithItsSignatureChecked() async throws {
    try await ReceiverServer.with { server in
      let types = [
        "call.initiated", "call.answered", "call.dtmf.received", "call.playback.started", "call.playback.ended",
        "call.hangup", "call.transferred",
      ]
      for (index, type) in types.enumerated() {
        let answer = try await deliver(Self.event(type, id: "\(index)"), to: server)
        #expect(answer.status == 200, "\(type): \(answer.text)")
      }
      let forged = try await deliver(Self.event("call.hangup", id: "x"), to: server, signer: WebhookSigner.telnyx())
      #expect(forged.status == 401)
      let cases = await server.inbox.events.map { event -> String in
        guard case .voicegrid(let event) = event else { return "other" }
        switch event {
        case .callInitiated: return "initiated"
        case .callAnswered: return "answered"
        case .callDtmfReceived(let dtmf): return "dtmf \(dtmf.data.payload.digit)"
        case .callPlayback(let playback): return playback.data.eventType.rawValue
        case .callHangup: return "hangup"
        case .unknown(let type, _): return "unknown \(type)"
        }
      }
      #expect(
        cases == [
          "initiated", "answered", "dtmf 7", "call.playback.started", "call.playback.ended", "hangup",
          "unknown call.transferred",
        ])
    }
  }

  @Test func concurrentSignedDeliveriesAreEachHandledOnce() async throws {
    try await ReceiverServer.with { server in
      let count = 200
      let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<count {
          group.addTask { try await deliver(Self.event("call.answered", id: "c\(index)"), to: server).status }
        }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
      }
      #expect(statuses == Array(repeating: 200, count: count))
      let ids = await server.inbox.events.compactMap { event -> String? in
        guard case .voicegrid(.callAnswered(let answered)) = event else { return nil }
        return answered.data.payload.callControlID
      }
      #expect(ids.count == count)
      #expect(Set(ids) == Set((0..<count).map { "c\($0)" }))
    }
  }
}
