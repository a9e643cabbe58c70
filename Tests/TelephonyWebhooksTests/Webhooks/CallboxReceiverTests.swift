import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

/// The generated receivers of the Twilio-shaped fixture (Tests/Fixtures/callbox.yaml) over real
/// HTTP on 127.0.0.1: form-encoded payloads signed with HMAC-SHA1, coerced as the schema says,
/// and the voice webhook answered with XML.
@Suite struct CallboxReceiverTests {
  static let token = "callbox-auth-" + UUID().uuidString
  static let voiceURL = URL(string: "https://example.com/hooks/voice")!
  static let statusURL = URL(string: "https://example.com/hooks/status")!
  static let form = ["Content-Type": "application/x-www-form-urlencoded"]

  final class Subscriber: StoppableServer {
    let transport: FlyingFoxTransport
    let calls = HandledEvents<Callbox.IncomingCall>()
    let statuses = HandledEvents<Callbox.CallStatusCallback>()

    init() async throws {
      transport = try await FlyingFoxTransport.start()
      try Callbox.IncomingCall.register(
        on: transport, path: "/hooks/voice",
        verifier: .twilio(authToken: CallboxReceiverTests.token, publicURL: CallboxReceiverTests.voiceURL)
      ) { [calls] call in
        await calls.append(call)
        return "<Response><Say>Hello \(call.from)</Say></Response>"
      }
      try Callbox.CallStatusCallback.register(
        on: transport, path: "/hooks/status",
        verifier: .twilio(authToken: CallboxReceiverTests.token, publicURL: CallboxReceiverTests.statusURL)
      ) { [statuses] status in await statuses.append(status) }
    }

    /// Posts `body` to `path`, signed for its public URL with `token`.
    func deliver(_ body: String, to path: String, token: String = CallboxReceiverTests.token) async throws
      -> ProviderDelivery.Answer
    {
      let data = Data(body.utf8)
      let url = path == "/hooks/voice" ? CallboxReceiverTests.voiceURL : CallboxReceiverTests.statusURL
      var headers = CallboxReceiverTests.form
      for field in try WebhookSigner.twilio(authToken: token).sign(body: data, url: url.absoluteString) {
        headers[field.name.rawName] = field.value
      }
      return try await ProviderDelivery.send(path, to: transport.baseURL, body: data, headers: headers)
    }

    func stop() async { await transport.stop() }
  }

  @Test func theVoiceWebhookIsAnsweredWithXML() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let answer = try await subscriber.deliver(
        "CallSid=CA1&AccountSid=AC1&From=%2B15550100&To=%2B15550199&CallStatus=ringing&Direction=inbound&CallerName=Ada",
        to: "/hooks/voice")
      #expect(answer.status == 200, "\(answer.text)")
      #expect(answer.contentType == "application/xml")
      #expect(answer.text == "<Response><Say>Hello +15550100</Say></Response>")
      #expect(
        await subscriber.calls.events == [
          Callbox.IncomingCall(
            callSid: "CA1", accountSid: "AC1", from: "+15550100", to: "+15550199", callStatus: .ringing,
            direction: .inbound, callerName: "Ada")
        ])
    }
  }

  /// Integers, numbers, booleans, dates and open enums from their text; a status this SDK does
  /// not know still decodes.
  @Test func aStatusCallbackIsCoercedAsItsSchemaSays() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let answer = try await subscriber.deliver(
        "CallSid=CA1&AccountSid=AC1&From=1&To=2&CallStatus=answered-elsewhere&CallDuration=42&SequenceNumber=3"
          + "&Forwarded=true&Price=0.0085&Timestamp=2026-12-06T21%3A00%3A00Z",
        to: "/hooks/status")
      #expect(answer.status == 200, "\(answer.text)")
      #expect(answer.text.isEmpty)
      let status = try #require(await subscriber.statuses.events.first)
      #expect(status.callStatus == .unknown("answered-elsewhere"))
      #expect(status.callDuration == 42)
      #expect(status.sequenceNumber == 3)
      #expect(status.forwarded == true)
      #expect(status.price == 0.0085)
      #expect(status.timestamp?.date() == Date(timeIntervalSince1970: 1_796_590_800))
    }
  }

  @Test func aValueThatDoesNotFitIsA400NamingTheField() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let answer = try await subscriber.deliver(
        "CallSid=CA1&AccountSid=AC1&From=1&To=2&CallStatus=completed&CallDuration=forty", to: "/hooks/status")
      #expect(answer.status == 400)
      #expect(answer.text.hasPrefix("Callbox webhook: the payload does not match CallStatusCallback at CallDuration"))
      #expect(await subscriber.statuses.events.isEmpty)
    }
  }

  @Test func anUnsignedOrForgedDeliveryIs401() async throws {
    try await withStopping(try await Subscriber()) { subscriber in
      let body = "CallSid=CA1&AccountSid=AC1&From=1&To=2&CallStatus=ringing"
      let forged = try await subscriber.deliver(body, to: "/hooks/voice", token: "wrong")
      let unsigned = try await ProviderDelivery.send(
        "/hooks/voice", to: subscriber.transport.baseURL, body: Data(body.utf8), headers: Self.form)
      #expect([forged.status, unsigned.status] == [Int]([401, 401]))
      #expect(!forged.text.contains(Self.token))
      #expect(await subscriber.calls.events.isEmpty)
    }
  }
}
