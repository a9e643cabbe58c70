import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

@Suite struct PlusofonWebhookTests {
  /// The renames the subscription in `plusofon-webhook-subscription.json` configures.
  private let renames = ["call_id": "my_call_id", "direction": "my_direction", "to": "dest_number"]

  @Test func createDecodesEveryField() throws {
    let event = try Plusofon.CallEvent(decoding: WebhookFixtures.data("plusofon-create"))
    #expect(event.callID == "1234567890")
    #expect(event.direction == .outbound)
    #expect(event.from == "74951234567")
    #expect(event.to == "74957654321")
    #expect(event.internal == "101")
    #expect(event.timestamp == "1700000000")
    #expect(event.duration == nil)
    #expect(event.additionalProperties.isEmpty)
  }

  @Test func answerWithShortStyleDecodesEveryField() throws {
    let event = try Plusofon.CallEvent(decoding: WebhookFixtures.data("plusofon-answer"))
    #expect(event.callID == "1234567891")
    #expect(event.direction == .in)
    #expect(event.from == "74957654321")
    #expect(event.to == "74951234567")
    #expect(event.internal == "101")
    #expect(event.timestamp == "1700000005")
    #expect(event.duration == nil)
    #expect(event.additionalProperties.isEmpty)
  }

  @Test func destroyDecodesEveryFieldAndKeepsCustomParams() throws {
    let event = try Plusofon.CallEvent(decoding: WebhookFixtures.data("plusofon-destroy"))
    #expect(event.callID == "1234567890")
    #expect(event.direction == .inbound)
    #expect(event.from == "74957654321")
    #expect(event.to == "74951234567")
    #expect(event.internal == "101")
    #expect(event.timestamp == "1700000042")
    #expect(event.duration == 42)
    #expect(event.additionalProperties == ["special_parameter": "123"])
  }

  @Test(arguments: [
    ("in", Plusofon.CallDirection.in), ("out", .out), ("inbound", .inbound), ("outbound", .outbound),
    ("transfer", .unknown("transfer")),
  ])
  func directionInEitherStyleDecodes(raw: String, direction: Plusofon.CallDirection) throws {
    let event = try Plusofon.CallEvent(decoding: WebhookFixtures.body(#"{"call_id":"1","direction":"\#(raw)"}"#))
    #expect(event.direction == direction)
    #expect(event.direction?.rawValue == raw)
  }

  @Test(arguments: ["plusofon-create", "plusofon-answer", "plusofon-destroy"])
  func payloadRoundTrips(fixture: String) throws {
    let body = try WebhookFixtures.data(fixture)
    let event = try Plusofon.CallEvent(decoding: body)
    #expect(try WebhookFixtures.encodedJSON(event) == WebhookFixtures.json(body))
    #expect(try JSONDecoder().decode(Plusofon.CallEvent.self, from: JSONEncoder().encode(event)) == event)
  }

  @Test func renamedFieldsDecodeWithTheRenameMap() throws {
    let body = try WebhookFixtures.data("plusofon-destroy-renamed")
    let event = try Plusofon.CallEvent(decoding: body, renamedFields: renames)
    #expect(event.callID == "1234567890")
    #expect(event.direction == .out)
    #expect(event.from == "74951234567")
    #expect(event.to == "74957654321")
    #expect(event.internal == "101")
    #expect(event.timestamp == "1700000042")
    #expect(event.duration == 42)
    #expect(event.additionalProperties == ["special_parameter": "123"])
  }

  @Test func renamedFieldsWithoutTheMapStayUnknownMembers() throws {
    let event = try Plusofon.CallEvent(decoding: WebhookFixtures.data("plusofon-destroy-renamed"))
    #expect(event.callID == nil)
    #expect(event.direction == nil)
    #expect(event.to == nil)
    #expect(
      event.additionalProperties == [
        "my_call_id": "1234567890", "my_direction": "out", "dest_number": "74957654321", "special_parameter": "123",
      ])
  }

  @Test func renameMapComesFromTheSubscriptionAsListed() throws {
    let subscription = try JSONDecoder().decode(
      Plusofon.Webhook.self, from: WebhookFixtures.data("plusofon-webhook-subscription"))
    let fields = try #require(subscription.fields)
    let renamedFields = Dictionary(uniqueKeysWithValues: fields.map { ($0.before, $0.after) })
    #expect(renamedFields == renames)
    #expect(subscription.typeStyle == .short)
    let event = try Plusofon.CallEvent(
      decoding: WebhookFixtures.data("plusofon-destroy-renamed"), renamedFields: renamedFields)
    #expect(event.callID == "1234567890")
    #expect(event.direction == .out)
    #expect(event.to == "74957654321")
    #expect(event.additionalProperties.keys.sorted() == (subscription.params ?? []).map(\.name))
  }

  @Test func renameMapComesFromTheSubscriptionAsCreated() throws {
    let request = Plusofon.WebhookRequest(
      url: URL(string: "https://example.com/hooks/plusofon")!, event: .destroy, typeCall: .all, typeStyle: .short,
      fields: [
        Plusofon.FieldRename(before: "call_id", after: "my_call_id"),
        Plusofon.FieldRename(before: "direction", after: "my_direction"),
        Plusofon.FieldRename(before: "to", after: "dest_number"),
      ],
      headers: [Plusofon.CustomHeader(name: "X-Plusofon-Secret", value: "abc")],
      params: [Plusofon.CustomParameter(name: "special_parameter", value: "123")])
    let fields = request.fields ?? []
    let renamedFields = Dictionary(uniqueKeysWithValues: fields.map { ($0.before, $0.after) })
    let event = try Plusofon.CallEvent(
      decoding: WebhookFixtures.data("plusofon-destroy-renamed"), renamedFields: renamedFields)
    let expected = try Plusofon.CallEvent(
      decoding: WebhookFixtures.body(
        #"{"call_id":"1234567890","direction":"out","from":"74951234567","to":"74957654321","internal":"101","timestamp":"1700000042","duration":42,"special_parameter":"123"}"#
      ))
    #expect(event == expected)
  }

  @Test func renamedFieldOfTheWrongTypeIsNamedAsSent() throws {
    let body = WebhookFixtures.body(#"{"my_call_id":1234567890,"my_direction":"in"}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Plusofon.CallEvent(decoding: body, renamedFields: renames)
    }
    #expect(error.description.hasPrefix("Plusofon webhook: the payload does not match CallEvent at my_call_id: "))
    #expect(error.rawBody == body)
  }

  @Test func wrongFieldTypeNamesTheJSONPath() throws {
    let body = WebhookFixtures.body(#"{"call_id":"1","direction":"in","duration":"42"}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Plusofon.CallEvent(decoding: body)
    }
    #expect(error.description.hasPrefix("Plusofon webhook: the payload does not match CallEvent at duration: "))
  }

  @Test(arguments: [
    ("call_id=1&direction=in", "the body is not valid JSON"),
    ("", "the body is empty"),
    (#"[{"call_id":"1"}]"#, "the body is not a JSON object"),
    ("null", "the body is not a JSON object"),
    ("42", "the body is not a JSON object"),
  ])
  func badBodyIsAnErrorNamingPlusofon(body: String, reason: String) throws {
    // Without renames the body is parsed only by the payload type's decoder; with them, first as
    // an object: either way the same error.
    for renamedFields in [[:], ["call_id": "my_call_id"]] {
      let error = try #require(throws: WebhookDecodingError.self) {
        try Plusofon.CallEvent(decoding: Data(body.utf8), renamedFields: renamedFields)
      }
      #expect(error.provider == "Plusofon")
      #expect(error.description == "Plusofon webhook: \(reason)")
    }
  }

  @Test func jsonContentTypesAreAcceptedInAnyCase() throws {
    let body = Data(#"{"call_id":"1"}"#.utf8)
    for contentType in ["Application/JSON; charset=UTF-8", "application/vnd.plusofon+json", "TEXT/JSON"] {
      #expect(try Plusofon.CallEvent(decoding: body, headers: [.contentType: contentType]).callID == "1")
    }
    let error = try #require(throws: WebhookDecodingError.self) {
      try Plusofon.CallEvent(decoding: body, headers: [.contentType: "Text/Plain; charset=UTF-8"])
    }
    #expect(error.description == "Plusofon webhook: the body is text/plain; charset=utf-8, not JSON")
  }

  @Test func formEncodedBodyIsRejected() throws {
    let body = Data("call_id=1&direction=in".utf8)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Plusofon.CallEvent(decoding: body, headers: [.contentType: "application/x-www-form-urlencoded"])
    }
    #expect(error.description == "Plusofon webhook: the body is application/x-www-form-urlencoded, not JSON")
  }
}
