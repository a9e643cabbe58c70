import Foundation
import TelephonyWebhooks
import Testing

/// Each seed example, decoded and encoded again, is the same JSON, ignoring `null`s.
@Suite struct RoundTripTests {
  @Test func api4comIntegrationKeepsItsMetadata() throws {
    let integration = try expectRoundTrip(Api4Com.Integration.self, Api4ComSeeds.integration)
    #expect(integration.metadata?.additionalProperties == ["api_token": "123456"])
    #expect(integration.metadata?.webhookURL == nil)
  }

  @Test func api4comWebhookIntegration() throws {
    let integration = try expectRoundTrip(Api4Com.Integration.self, Api4ComSeeds.webhookIntegration)
    #expect(integration.metadata?.webhookTypes == [.channelAnswer, .channelHangup])
    #expect(integration.metadata?.additionalProperties == [:])
  }

  @Test func api4comIntegrationWithExtraMetadataAndUnknownTypes() throws {
    let seed = #"""
      {"gateway":"g","metadata":{"webhookUrl":"https://example.com/h?k=1","webhookTypes":["channel-create"],"api_token":"123456","nested":{"list":[1,2.5,true,null,"x"]}}}
      """#
    let integration = try expectRoundTrip(Api4Com.Integration.self, seed)
    #expect(integration.metadata?.webhookTypes == [.unknown("channel-create")])
    #expect(integration.metadata?.additionalProperties["nested"] == ["list": [1, 2.5, true, nil, "x"]])
  }

  @Test func api4comIntegrations() throws {
    let integrations = try expectRoundTrip([Api4Com.Integration].self, Api4ComSeeds.integrations)
    #expect(integrations.count == 1)
  }

  @Test func api4comDial() throws {
    try expectRoundTrip(Api4Com.DialRequest.self, Api4ComSeeds.dialRequest)
    try expectRoundTrip(Api4Com.DialResponse.self, Api4ComSeeds.dialResponse)
  }

  @Test func api4comCallPage() throws {
    let page = try expectRoundTrip(Api4Com.CallPage.self, Api4ComSeeds.callPage)
    #expect(page.data.first?.startedAt?.rawValue == "2025-01-01 00:00:00")
  }

  @Test func api4comHangup() throws {
    try expectRoundTrip(Api4Com.HangupResponse.self, Api4ComSeeds.hangupResponse)
  }

  @Test func plusofonWebhookPage() throws {
    try expectRoundTrip(Plusofon.WebhookPage.self, PlusofonSeeds.webhookPage)
  }

  @Test func plusofonWebhook() throws {
    try expectRoundTrip(Plusofon.Webhook.self, PlusofonSeeds.webhook)
  }

  @Test func plusofonCreateBodyKeepsTypeCallAll() throws {
    let request = try expectRoundTrip(Plusofon.WebhookRequest.self, PlusofonSeeds.createRequest)
    #expect(request.typeCall == .all)
    #expect(request.template == "quos")
    #expect(request == PlusofonClientTests.createBody)
    let encoded = try TestJSON(JSONEncoder().encode(request))
    guard case .object(let members) = encoded else {
      Issue.record("not an object: \(encoded)")
      return
    }
    #expect(members["type_call"] == .string("all"))
  }

  @Test func plusofonUpdateBody() throws {
    try expectRoundTrip(Plusofon.WebhookRequest.self, PlusofonSeeds.updateRequest)
  }

  @Test func plusofonSuccess() throws {
    try expectRoundTrip(Plusofon.SuccessResponse.self, PlusofonSeeds.success)
  }

  @Test func thuliumWebhooks() throws {
    try expectRoundTrip([Thulium.Webhook].self, ThuliumSeeds.webhooks)
    try expectRoundTrip(Thulium.Webhook.self, ThuliumSeeds.webhook)
  }

  @Test func thuliumCreateBody() throws {
    let request = try expectRoundTrip(Thulium.WebhookRequest.self, ThuliumSeeds.createRequest)
    #expect(request == ThuliumClientTests.createBody)
  }

  @Test func thuliumErrors() throws {
    let body = try expectRoundTrip(Thulium.ErrorResponse.self, ThuliumSeeds.errors)
    #expect(body.errors?.map(\.code) == [111_111, 222_222])
  }

  @Test func theComparisonIgnoresNullsOnly() throws {
    // The helper must fail on a changed value, so that the round trips above mean something.
    #expect(try TestJSON(#"{"a":1,"b":null}"#).strippingNulls == TestJSON(#"{"a":1}"#))
    #expect(try TestJSON(#"{"a":1}"#) != TestJSON(#"{"a":2}"#))
    #expect(try TestJSON(#"{"a":true}"#) != TestJSON(#"{"a":1}"#))
    #expect(try TestJSON(#"{"a":"1"}"#) != TestJSON(#"{"a":1}"#))
    #expect(try TestJSON(#"{"a":1}"#) != TestJSON(#"{"a":1,"b":2}"#))
    #expect(try TestJSON(#"[null]"#).strippingNulls == TestJSON("[null]"))
  }
}
