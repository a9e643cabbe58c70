import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

@Suite struct Api4ComWebhookTests {
  @Test func hangupFixtureDecodesEveryField() throws {
    let event = try Api4Com.WebhookEvent(decoding: WebhookFixtures.data("api4com-channel-hangup"))
    guard case .channelHangup(let call) = event else {
      Issue.record("expected channelHangup, got \(event)")
      return
    }
    #expect(call.version == "v1.4")
    #expect(call.eventType == .channelHangup)
    #expect(call.id == "2ee13fa4-975c-499d-bbb8-5177ff418316")
    #expect(call.domain == "seudominio.api4com.com")
    #expect(call.direction == .outbound)
    #expect(call.caller == "1000")
    #expect(call.called == "04833328530")
    #expect(call.startedAt?.rawValue == "2025-01-01 00:00:00")
    #expect(call.answeredAt?.rawValue == "2025-01-01 00:00:05")
    #expect(call.endedAt?.rawValue == "2025-01-01 00:00:10")
    #expect(call.duration == 5)
    #expect(call.hangupCause == "NORMAL_CLEARING")
    #expect(call.hangupCauseCode == "16")
    #expect(
      call.recordURL == "https://listener.api4com.com/files/listen/2ee13fa4-975c-499d-bbb8-5177ff418316.mp3")
    #expect(call.metadata == ["gateway": "grid-podium", "cnpj": "12.345.678/0001-90"])
  }

  @Test func answerFixtureWithoutHangupFieldsDecodes() throws {
    let event = try Api4Com.WebhookEvent(decoding: WebhookFixtures.data("api4com-channel-answer"))
    guard case .channelAnswer(let call) = event else {
      Issue.record("expected channelAnswer, got \(event)")
      return
    }
    #expect(call.version == "1.8")
    #expect(call.eventType == .channelAnswer)
    #expect(call.id == "2ee13fa4-975c-499d-bbb8-5177ff418316")
    #expect(call.domain == "seudominio.api4com.com")
    #expect(call.direction == .outbound)
    #expect(call.caller == "1000")
    #expect(call.called == "04833328530")
    #expect(call.startedAt == "2025-01-01 00:00:00")
    #expect(call.answeredAt == "2025-01-01 00:00:05")
    #expect(call.endedAt == nil)
    #expect(call.duration == 0)
    #expect(call.hangupCause == nil)
    #expect(call.hangupCauseCode == nil)
    #expect(call.recordURL == nil)
    #expect(call.metadata == ["gateway": "integration-code"])
  }

  @Test func timestampsWithoutZoneParseInTheAccountZone() throws {
    let event = try Api4Com.WebhookEvent(decoding: WebhookFixtures.data("api4com-channel-hangup"))
    guard case .channelHangup(let call) = event else {
      Issue.record("expected channelHangup, got \(event)")
      return
    }
    let saoPaulo = try #require(TimeZone(identifier: "America/Sao_Paulo"))
    // 2025-01-01 00:00:05 at UTC-3 is 03:00:05 UTC.
    #expect(call.answeredAt?.date(in: saoPaulo) == Date(timeIntervalSince1970: 1_735_700_405))
    let started = try #require(call.startedAt?.date(in: saoPaulo))
    let ended = try #require(call.endedAt?.date(in: saoPaulo))
    #expect(ended.timeIntervalSince(started) == 10)
  }

  @Test(arguments: ["api4com-channel-hangup", "api4com-channel-answer"])
  func payloadRoundTrips(fixture: String) throws {
    let body = try WebhookFixtures.data(fixture)
    let event = try Api4Com.WebhookEvent(decoding: body)
    let call: Api4Com.ChannelEvent
    switch event {
    case .channelAnswer(let value), .channelHangup(let value): call = value
    case .unknown(let name, _):
      Issue.record("\(fixture) decoded as unknown \(name)")
      return
    }
    #expect(try WebhookFixtures.encodedJSON(call) == WebhookFixtures.json(body))
    let again = try JSONDecoder().decode(Api4Com.ChannelEvent.self, from: JSONEncoder().encode(call))
    #expect(again == call)
  }

  @Test func unknownEventTypeKeepsTheWholePayload() throws {
    let body = try WebhookFixtures.data("api4com-channel-create")
    let event = try Api4Com.WebhookEvent(decoding: body)
    #expect(event == .unknown("channel-create", try WebhookFixtures.json(body)))
    guard case .unknown(_, let json) = event else { return }
    #expect(json["metadata"]?["tags"] == ["a", "b"])
    #expect(json["metadata"]?["extra"] == .null)
    #expect(json["ringing"] == true)
  }

  @Test(arguments: [
    ("not json", "the body is not valid JSON"),
    ("", "the body is empty"),
    (#"[{"eventType":"channel-hangup"}]"#, "the body is not a JSON object"),
    (#""channel-hangup""#, "the body is not a JSON object"),
    ("null", "the body is not a JSON object"),
    (#"{"eventType":"channel-hangup""#, "the body is not valid JSON"),
    (#"{"id":"x"}"#, #"the payload has no string "eventType""#),
    (#"{"eventType":16}"#, #"the payload has no string "eventType""#),
  ])
  func badBodyIsAnErrorNamingTheProvider(body: String, reason: String) throws {
    let data = Data(body.utf8)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Api4Com.WebhookEvent(decoding: data)
    }
    #expect(error.provider == "Api4Com")
    #expect(error.reason == reason)
    #expect(error.description == "Api4Com webhook: \(reason)")
    #expect(error.rawBody == data)
  }

  @Test func formEncodedBodyIsRejectedByItsContentType() throws {
    let body = try WebhookFixtures.data("api4com-channel-hangup")
    let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    let error = try #require(throws: WebhookDecodingError.self) {
      try Api4Com.WebhookEvent(decoding: body, headers: headers)
    }
    #expect(error.description.hasPrefix("Api4Com webhook: "))
    #expect(error.description.contains("application/x-www-form-urlencoded"))
    #expect(error.rawBody == body)
  }

  @Test(arguments: ["application/json", "application/json; charset=utf-8", "Application/JSON"])
  func jsonContentTypesAreAccepted(contentType: String) throws {
    let body = try WebhookFixtures.data("api4com-channel-answer")
    let event = try Api4Com.WebhookEvent(decoding: body, headers: [.contentType: contentType])
    #expect(event == (try Api4Com.WebhookEvent(decoding: body)))
  }

  @Test func wrongFieldTypeNamesTheJSONPath() throws {
    let body = WebhookFixtures.body(
      #"{"version":"1.8","eventType":"channel-hangup","id":"c1","duration":"5","metadata":{}}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Api4Com.WebhookEvent(decoding: body)
    }
    #expect(error.description.hasPrefix("Api4Com webhook: the payload does not match ChannelEvent at duration: "))
    #expect(error.underlyingError is DecodingError)
    #expect(error.rawBody == body)
  }

  @Test func hangupCauseCodeAsANumberIsRejectedAtItsPath() throws {
    let body = WebhookFixtures.body(#"{"version":"v1.4","eventType":"channel-hangup","id":"c1","hangupCauseCode":16}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Api4Com.WebhookEvent(decoding: body)
    }
    #expect(error.description.contains("at hangupCauseCode: "))
  }

  @Test func missingRequiredFieldIsNamed() throws {
    let body = WebhookFixtures.body(#"{"eventType":"channel-answer","id":"c1"}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Api4Com.WebhookEvent(decoding: body)
    }
    #expect(error.description.contains(#"the required key "version" is missing"#))
  }

  // MARK: - webhookConstraint

  private let callMetadata: [String: JSONValue] = ["gateway": "integration-code", "leadId": "42"]

  @Test func metadataSatisfiesAMatchingConstraint() {
    #expect(Api4Com.metadata(callMetadata, satisfies: ["gateway": "integration-code"]))
    #expect(Api4Com.metadata(callMetadata, satisfies: ["gateway": "integration-code", "leadId": "42"]))
  }

  @Test func metadataDoesNotSatisfyADifferentValueOrAMissingKey() {
    #expect(!Api4Com.metadata(callMetadata, satisfies: ["gateway": "other"]))
    #expect(!Api4Com.metadata(callMetadata, satisfies: ["gateway": "integration-code", "leadId": "43"]))
    #expect(!Api4Com.metadata(callMetadata, satisfies: ["campaign": "integration-code"]))
    #expect(!Api4Com.metadata(callMetadata, satisfies: ["leadId": 42]))
    #expect(!Api4Com.metadata(callMetadata, satisfies: ["campaign": nil]))
  }

  @Test func emptyConstraintAcceptsEveryCall() {
    #expect(Api4Com.metadata(callMetadata, satisfies: [:]))
    #expect(Api4Com.metadata([String: JSONValue](), satisfies: [:]))
    #expect(!Api4Com.metadata([String: JSONValue](), satisfies: ["gateway": "integration-code"]))
  }

  @Test func nestedObjectsMatchRecursively() {
    let metadata: [String: JSONValue] = [
      "gateway": "webhook", "crm": ["lead": ["id": 42, "stage": "new"], "owner": "ana"],
    ]
    #expect(Api4Com.metadata(metadata, satisfies: ["crm": ["lead": ["id": 42]]]))
    #expect(Api4Com.metadata(metadata, satisfies: ["crm": [:]]))
    #expect(!Api4Com.metadata(metadata, satisfies: ["crm": ["lead": ["id": 43]]]))
    #expect(!Api4Com.metadata(metadata, satisfies: ["crm": ["lead": ["id": 42, "stage": "won"]]]))
    #expect(!Api4Com.metadata(metadata, satisfies: ["gateway": ["name": "webhook"]]))
  }

  @Test func decodedCallIsMatchedAgainstAnIntegrationConstraint() throws {
    let event = try Api4Com.WebhookEvent(decoding: WebhookFixtures.data("api4com-channel-answer"))
    guard case .channelAnswer(let call) = event else {
      Issue.record("expected channelAnswer, got \(event)")
      return
    }
    let integration = Api4Com.Integration(
      gateway: "integration-code", webhookConstraint: ["gateway": "integration-code"])
    let other = Api4Com.Integration(gateway: "grid-podium", webhookConstraint: ["gateway": "grid-podium"])
    #expect(integration.receivesWebhooks(forCallMetadata: call.metadata))
    #expect(!other.receivesWebhooks(forCallMetadata: call.metadata))
    #expect(Api4Com.Integration(gateway: "no-constraint").receivesWebhooks(forCallMetadata: nil))
    #expect(!integration.receivesWebhooks(forCallMetadata: nil))
  }
}
