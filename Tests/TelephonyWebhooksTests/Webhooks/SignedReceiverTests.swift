import FlyingFox
import Foundation
import HTTPTypes
@_spi(Generated) import TelephonyWebhooks
import Testing

/// `WebhookReceiver` with signed schemes, form payloads and answers, over real HTTP on 127.0.0.1
/// through the minimal `ServerTransport`: hand-written payloads shaped like Twilio's voice
/// webhook (form, signed, answered with TwiML), Telnyx's call events (JSON, Ed25519, a nested
/// discriminator) and Vonage's answer URL (a JWT, answered with an NCCO).
@Suite(.serialized) struct SignedReceiverTests {
  /// Twilio's incoming-call parameters, as a generated form payload would be.
  struct IncomingCall: Decodable, Sendable, Equatable {
    var callSid: String
    var from: String
    var callDuration: Int?
    var callStatus: String?

    enum CodingKeys: String, CodingKey {
      case callSid = "CallSid"
      case from = "From"
      case callDuration = "CallDuration"
      case callStatus = "CallStatus"
    }
  }

  /// A Telnyx call event: its type is at `data.event_type`.
  enum TelnyxEvent: Sendable, Equatable {
    case callInitiated(String)
    case unknown(String)
  }

  struct TelnyxCall: Decodable {
    struct Data: Decodable {
      struct Payload: Decodable {
        var callControlID: String
        enum CodingKeys: String, CodingKey { case callControlID = "call_control_id" }
      }
      var payload: Payload
    }
    var data: Data
  }

  /// One NCCO action, as Vonage's answer URL expects a JSON array of them.
  struct Talk: Encodable, Sendable {
    var action = "talk"
    var text: String
    var level: Double = 1
  }

  struct HandlerFailure: Error {}

  static let token = "twilio-auth-" + UUID().uuidString
  static let publicURL = URL(string: "https://example.com/hooks/voice")!
  static let form = ["Content-Type": "application/x-www-form-urlencoded"]

  /// A receiver of each kind on one transport, each recording what its handler got.
  final class Subscriber: StoppableServer {
    let transport: FlyingFoxTransport
    let calls = HandledEvents<IncomingCall>()
    let telnyxEvents = HandledEvents<TelnyxEvent>()
    let telnyx = WebhookSigner.telnyx()
    let vonageSecret = "vonage-" + UUID().uuidString

    init() async throws {
      transport = try await FlyingFoxTransport.start()
      let decodeCall: @Sendable (Data, HTTPFields) throws -> IncomingCall = { body, headers in
        try WebhookPayload(provider: "Callbox", body: body, headers: headers, accepting: [.form])
          .decode(IncomingCall.self)
      }
      try WebhookReceiver(
        provider: "Callbox",
        verifier: .twilio(authToken: SignedReceiverTests.token, publicURL: SignedReceiverTests.publicURL),
        maximumBodySize: 1024, decode: decodeCall,
        handler: { [calls] call in
          await calls.append(call)
          return "<Response><Say>Hello \(call.from)</Say></Response>"
        }, answer: .text("application/xml")
      ).register(on: transport, path: "/hooks/voice")
      // No public URL: the signature covers https://, the Host header and the request target.
      try WebhookReceiver(
        provider: "Callbox", verifier: .twilio(authToken: SignedReceiverTests.token), maximumBodySize: 1024,
        decode: decodeCall, handler: { [calls] call in await calls.append(call) }
      ).register(on: transport, path: "/hooks/status")
      try WebhookReceiver(
        provider: "Callbox",
        verifier: .twilio(authToken: SignedReceiverTests.token, publicURL: SignedReceiverTests.publicURL),
        maximumBodySize: 1024, decode: decodeCall, handler: { _ -> String in throw HandlerFailure() },
        answer: .text("application/xml")
      ).register(on: transport, path: "/hooks/failing")
      try WebhookReceiver(
        provider: "Telnyx", verifier: .telnyx(publicKey: telnyx.publicKey!), maximumBodySize: 1 << 20,
        decode: { body, headers in
          let payload = try WebhookPayload(provider: "Telnyx", body: body, headers: headers)
          switch try payload.discriminator(at: ["data", "event_type"]) {
          case "call.initiated": return .callInitiated(try payload.decode(TelnyxCall.self).data.payload.callControlID)
          case let other: return .unknown(other)
          }
        }, handler: { [telnyxEvents] event in await telnyxEvents.append(event) }
      ).register(on: transport, path: "/hooks/telnyx")
      try WebhookReceiver(
        provider: "Vonage", verifier: .vonage(signatureSecret: vonageSecret), maximumBodySize: 1 << 20,
        decode: { body, headers in try WebhookPayload(provider: "Vonage", body: body, headers: headers).json },
        handler: { event in
          let level = event.objectValue?["level"] == .string("loud") ? Double.infinity : 1
          return [Talk(text: "Hello from \(event.objectValue?["from"]?.stringValue ?? "?")", level: level)]
        }, answer: .json()
      ).register(on: transport, path: "/hooks/answer")
    }

    func post(_ target: String, _ body: Data, signed: HTTPFields, headers: [String: String] = ProviderDelivery.json)
      async throws -> ProviderDelivery.Answer
    {
      var all = headers
      for field in signed { all[field.name.rawName] = field.value }
      return try await ProviderDelivery.send(target, to: transport.baseURL, body: body, headers: all)
    }

    /// Posts a form body to `/hooks/voice?…`, signed for the public URL with `token`.
    func voice(
      _ body: String, query: String = "?lang=en", token: String = SignedReceiverTests.token,
      path: String = "/hooks/voice"
    )
      async throws -> ProviderDelivery.Answer
    {
      let data = Data(body.utf8)
      let signed = try WebhookSigner.twilio(authToken: token).sign(
        body: data, url: SignedReceiverTests.publicURL.absoluteString + query)
      return try await post(path + query, data, signed: signed, headers: SignedReceiverTests.form)
    }

    func stop() async { await transport.stop() }
  }

  private func withSubscriber(_ body: (Subscriber) async throws -> Void) async throws {
    try await withStopping(try await Subscriber(), body)
  }

  @Test func aSignedFormDeliveryIsAnsweredWithXML() async throws {
    try await withSubscriber { subscriber in
      let answer = try await subscriber.voice("CallSid=CA1&From=%2B15550100&CallStatus=ringing")
      #expect(answer.status == 200, "\(answer.text)")
      #expect(answer.contentType == "application/xml")
      #expect(answer.text == "<Response><Say>Hello +15550100</Say></Response>")
      #expect(await subscriber.calls.events == [IncomingCall(callSid: "CA1", from: "+15550100", callStatus: "ringing")])
    }
  }

  @Test func withoutAPublicURLTheHostAndTargetAreSigned() async throws {
    try await withSubscriber { subscriber in
      let body = Data("CallSid=CA2&From=%2B15550101&CallDuration=42".utf8)
      let url = "https://127.0.0.1:\(subscriber.transport.baseURL.port!)/hooks/status?x=1"
      let signed = try WebhookSigner.twilio(authToken: Self.token).sign(body: body, url: url)
      let answer = try await subscriber.post("/hooks/status?x=1", body, signed: signed, headers: Self.form)
      #expect(answer.status == 200, "\(answer.text)")
      #expect(answer.text.isEmpty)
      let otherHost = try WebhookSigner.twilio(authToken: Self.token).sign(
        body: body, url: "https://example.com/hooks/status?x=1")
      #expect(try await subscriber.post("/hooks/status?x=1", body, signed: otherHost, headers: Self.form).status == 401)
      #expect(await subscriber.calls.events.map(\.callDuration) == [42])
    }
  }

  /// 413 before the signature (the body is read first), 401 before decoding, 400 naming the
  /// field, then 200, and 500 for a handler that throws.
  @Test func signedDeliveriesAreAnsweredInOrder() async throws {
    try await withSubscriber { subscriber in
      let oversized = "CallSid=CA1&From=" + String(repeating: "1", count: 1100)
      #expect(try await subscriber.voice(oversized, token: "wrong").status == 413)
      let unauthorized = [
        try await subscriber.voice("CallSid=CA1&From=1", token: "wrong"),
        try await subscriber.voice("CallDuration=forty", token: "wrong"),
        try await subscriber.post("/hooks/voice", Data("CallSid=CA1&From=1".utf8), signed: [:], headers: Self.form),
        try await subscriber.post(
          "/hooks/voice?lang=en", Data("CallSid=CA1&From=2".utf8),
          signed: try WebhookSigner.twilio(authToken: Self.token).sign(
            body: Data("CallSid=CA1&From=1".utf8), url: Self.publicURL.absoluteString + "?lang=en"),
          headers: Self.form),
        // Signed for ?lang=en, sent to ?lang=de.
        try await subscriber.post(
          "/hooks/voice?lang=de", Data("CallSid=CA1&From=1".utf8),
          signed: try WebhookSigner.twilio(authToken: Self.token).sign(
            body: Data("CallSid=CA1&From=1".utf8), url: Self.publicURL.absoluteString + "?lang=en"),
          headers: Self.form),
      ]
      for answer in unauthorized {
        #expect(answer.status == 401)
        #expect(answer.text == "unauthorized")
        #expect(!answer.text.contains(Self.token))
      }
      let misfit = try await subscriber.voice("CallSid=CA1&From=1&CallDuration=forty")
      #expect(misfit.status == 400)
      #expect(
        misfit.text
          == #"Callbox webhook: the payload does not match IncomingCall at CallDuration: expected Int, found "forty""#)
      let missing = try await subscriber.voice("From=1")
      #expect(missing.status == 400)
      #expect(missing.text.contains(#""CallSid" is missing"#))
      let json = try await subscriber.post(
        "/hooks/voice?lang=en", Data("{}".utf8),
        signed: try WebhookSigner.twilio(authToken: Self.token).sign(
          body: Data("{}".utf8), url: Self.publicURL.absoluteString + "?lang=en"))
      #expect(json.status == 400)
      #expect(json.text == "Callbox webhook: the body is application/json, not application/x-www-form-urlencoded")
      #expect(await subscriber.calls.events.isEmpty)
      #expect(try await subscriber.voice("CallSid=CA1&From=1").status == 200)
      let failing = try await subscriber.voice("CallSid=CA1&From=1", path: "/hooks/failing")
      #expect(failing.status == 500)
      #expect(failing.text == "the webhook could not be handled; deliver it again")
    }
  }

  @Test func telnyxEventsOnOneRouteAreVerifiedAndDispatched() async throws {
    try await withSubscriber { subscriber in
      let initiated = Data(#"{"data":{"event_type":"call.initiated","payload":{"call_control_id":"v3:abc"}}}"#.utf8)
      let hangup = Data(#"{"data":{"event_type":"call.hangup","payload":{}}}"#.utf8)
      for body in [initiated, hangup] {
        let answer = try await subscriber.post("/hooks/telnyx", body, signed: try subscriber.telnyx.sign(body: body))
        #expect(answer.status == 200, "\(answer.text)")
      }
      let forged = try await subscriber.post(
        "/hooks/telnyx", hangup, signed: try WebhookSigner.telnyx().sign(body: hangup))
      let stale = try await subscriber.post(
        "/hooks/telnyx", hangup, signed: try subscriber.telnyx.sign(body: hangup, date: Date() - 600))
      let tampered = try await subscriber.post(
        "/hooks/telnyx", hangup + Data(" ".utf8), signed: try subscriber.telnyx.sign(body: hangup))
      #expect([forged, stale, tampered].map(\.status) == [401, 401, 401])
      let noType = Data(#"{"data":{}}"#.utf8)
      let undecodable = try await subscriber.post(
        "/hooks/telnyx", noType, signed: try subscriber.telnyx.sign(body: noType))
      #expect(undecodable.status == 400)
      #expect(undecodable.text == #"Telnyx webhook: the payload has no string "data.event_type""#)
      #expect(await subscriber.telnyxEvents.events == [.callInitiated("v3:abc"), .unknown("call.hangup")])
    }
  }

  @Test func aJSONAnswerIsSentAsDeclaredAndOneThatCannotEncodeIs500() async throws {
    try await withSubscriber { subscriber in
      let signer = WebhookSigner.vonage(signatureSecret: subscriber.vonageSecret)
      let body = Data(#"{"from":"447700900000","uuid":"63f61863"}"#.utf8)
      let answer = try await subscriber.post("/hooks/answer", body, signed: try signer.sign(body: body))
      #expect(answer.status == 200)
      #expect(answer.contentType == "application/json")
      let ncco = try JSONDecoder().decode(JSONValue.self, from: Data(answer.text.utf8))
      #expect(ncco == .array([.object(["action": "talk", "text": "Hello from 447700900000", "level": 1])]))
      let unencodable = Data(#"{"from":"x","level":"loud"}"#.utf8)
      let failed = try await subscriber.post("/hooks/answer", unencodable, signed: try signer.sign(body: unencodable))
      #expect(failed.status == 500)
      #expect(failed.text == "the webhook could not be handled; deliver it again")
      let unsigned = try await subscriber.post("/hooks/answer", body, signed: [:])
      #expect(unsigned.status == 401)
    }
  }
}
