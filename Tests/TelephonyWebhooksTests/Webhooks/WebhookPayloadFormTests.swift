import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import TelephonyWebhooks

/// `WebhookPayload` for form webhooks and nested discriminators: what generated decoders call.
@Suite struct WebhookPayloadFormTests {
  struct Call: Decodable, Equatable {
    var callSid: String
    var digits: [Int]?
    enum CodingKeys: String, CodingKey {
      case callSid = "CallSid"
      case digits = "Digits"
    }
  }

  static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded; charset=utf-8"]
  static let body = Data("CallSid=CA1&Digits=1&Digits=2&Event=call.answered".utf8)

  @Test func theContentTypeChoosesAmongTheAcceptedFormats() throws {
    let form = try WebhookPayload(provider: "Callbox", body: Self.body, headers: Self.form, accepting: [.json, .form])
    #expect(try form.decode(Call.self) == Call(callSid: "CA1", digits: [1, 2]))
    let json = try WebhookPayload(
      provider: "Callbox", body: Data(#"{"CallSid":"CA2"}"#.utf8), headers: [.contentType: "application/json"],
      accepting: [.json, .form])
    #expect(try json.decode(Call.self) == Call(callSid: "CA2"))
    // Without a Content-Type, the first format declared.
    let untyped = try WebhookPayload(provider: "Callbox", body: Self.body, headers: [:], accepting: [.form])
    #expect(try untyped.decode(Call.self).callSid == "CA1")
    let error = try #require(throws: WebhookDecodingError.self) {
      try WebhookPayload(provider: "Callbox", body: Self.body, headers: Self.form)
    }
    #expect(
      error.description == "Callbox webhook: the body is application/x-www-form-urlencoded; charset=utf-8, not JSON")
    let text = try #require(throws: WebhookDecodingError.self) {
      try WebhookPayload(
        provider: "Callbox", body: Self.body, headers: [.contentType: "text/plain"], accepting: [.json, .form])
    }
    #expect(text.reason == "the body is text/plain, not JSON or application/x-www-form-urlencoded")
  }

  @Test func aFormBodyHasADiscriminatorAndAJSONView() throws {
    let payload = try WebhookPayload(provider: "Callbox", body: Self.body, headers: Self.form, accepting: [.form])
    #expect(try payload.discriminator("Event") == "call.answered")
    #expect(payload.json == ["CallSid": "CA1", "Digits": ["1", "2"], "Event": "call.answered"])
    let missing = try #require(throws: WebhookDecodingError.self) { try payload.discriminator("Type") }
    #expect(missing.description == #"Callbox webhook: the payload has no string "Type""#)
    let malformed = try #require(throws: WebhookDecodingError.self) {
      try WebhookPayload(provider: "Callbox", body: Data("a=%zz".utf8), headers: Self.form, accepting: [.form])
    }
    #expect(malformed.reason == "the body is not valid application/x-www-form-urlencoded text")
  }

  @Test func renamedFormFieldsReadAsTheStandardNamesAndErrorsNameThemAsSent() throws {
    let body = Data("MySid=CA1&Digits=x".utf8)
    let payload = try WebhookPayload(
      provider: "Callbox", body: body, headers: Self.form, accepting: [.form], renamedFields: ["CallSid": "MySid"])
    let error = try #require(throws: WebhookDecodingError.self) { try payload.decode(Call.self) }
    #expect(error.reason == #"the payload does not match Call at Digits[0]: expected Int, found "x""#)
    let fine = try WebhookPayload(
      provider: "Callbox", body: Data("MySid=CA1".utf8), headers: Self.form, accepting: [.form],
      renamedFields: ["CallSid": "MySid"])
    #expect(try fine.decode(Call.self) == Call(callSid: "CA1"))
  }

  @Test func aNestedDiscriminatorIsReadAtItsPath() throws {
    let body = Data(#"{"data":{"event_type":"call.hangup","id":"1"},"meta":{"attempt":1}}"#.utf8)
    let payload = try WebhookPayload(provider: "Telnyx", body: body, headers: [.contentType: "application/json"])
    #expect(try payload.discriminator(at: ["data", "event_type"]) == "call.hangup")
    // A dotted path reads the same member, as `x-webhooks-discriminator` names it.
    #expect(try payload.discriminator("data.event_type") == "call.hangup")
    let renamed = try WebhookPayload(
      provider: "Telnyx", body: body, headers: [:], renamedFields: ["payload": "data"])
    #expect(try renamed.discriminator(at: ["payload", "event_type"]) == "call.hangup")
    for path in [["data", "missing"], ["meta", "attempt"], ["data", "id", "deeper"], ["nothing", "event_type"]] {
      let error = try #require(throws: WebhookDecodingError.self) { try payload.discriminator(at: path) }
      #expect(error.reason == #"the payload has no string "\#(path.joined(separator: "."))""#)
    }
    let notJSON = try WebhookPayload(provider: "Telnyx", body: Data("[1]".utf8), headers: [:])
    let error = try #require(throws: WebhookDecodingError.self) {
      try notJSON.discriminator(at: ["data", "event_type"])
    }
    #expect(error.reason == "the body is not a JSON object")
  }
}
