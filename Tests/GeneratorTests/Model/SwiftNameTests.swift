import Testing

@testable import SDKGenCore

@Suite struct SwiftNameTests {
  @Test(arguments: [
    ("webhook_id", "webhookID"),
    ("subscription_url", "subscriptionURL"),
    ("type_call", "typeCall"),
    ("channel-answer", "channelAnswer"),
    ("CHAT_CONVERSATION_CREATED", "chatConversationCreated"),
    ("X-Request-Id", "xRequestID"),
    ("webhookUrl", "webhookURL"),
    ("pageSize", "pageSize"),
    ("hangupCauseCode", "hangupCauseCode"),
    ("BINA", "bina"),
    ("id", "id"),
    ("URLPath", "urlPath"),
    ("http_auth_user", "httpAuthUser"),
    ("Accept-Language", "acceptLanguage"),
    ("2fa_code", "value2faCode"),
    ("hangUpCall", "hangUpCall"),
    ("api4com", "api4com"),
    ("StartTime<", "startTimeLessThan"),
    ("StartTime>", "startTimeGreaterThan"),
    ("EndTime<=", "endTimeLessThanOrEqual"),
    ("metadata->assistant_id", "metadataAssistantID"),
    ("Create Call", "createCall"),
    ("get-agent-status", "getAgentStatus"),
    ("voice.v1.call", "voiceV1Call"),
  ])
  func memberNames(_ input: String, _ expected: String) {
    #expect(SwiftName.camelName(input) == expected)
  }

  @Test(arguments: [
    ("webhook_page", "WebhookPage"),
    ("ErrorResponse", "ErrorResponse"),
    ("api4com", "Api4com"),
    ("call-id", "CallID"),
    ("uuid_value", "UUIDValue"),
    ("3d_secure", "_3dSecure"),
    ("Type", "Type"),
    ("voice.v1.archived_call", "VoiceV1ArchivedCall"),
    ("api.v2010.account.call", "APIV2010AccountCall"),
    ("2fa.configuration.requests.all", "_2faConfigurationRequestsAll"),
    ("content.email.reply-to", "ContentEmailReplyTo"),
    ("StartTime<", "StartTimeLessThan"),
  ])
  func typeNames(_ input: String, _ expected: String) {
    #expect(SwiftName.typeName(input) == expected)
  }

  @Test(arguments: [
    ("Error", "Error"),
    ("Data", "Data"),
    ("URL", "URL"),
    ("Webhooks", "Webhooks"),
    ("Type", "TypeModel"),
    ("Protocol", "ProtocolModel"),
    ("Self", "SelfModel"),
    ("self", "SelfModel"),
    ("Client", "ClientModel"),
    ("client", "ClientModel"),
    ("WebhookEvent", "WebhookEventModel"),
    ("CodingKeys", "CodingKeysModel"),
    ("Foundation", "FoundationModel"),
    ("client_type", "ClientType"),
  ])
  func reservedComponentNamesGetASuffix(_ input: String, _ expected: String) {
    #expect(SwiftName.componentTypeName(input) == expected)
  }

  @Test(arguments: [
    ("in", "`in`"),
    ("default", "`default`"),
    ("internal", "`internal`"),
    ("self", "`self`"),
    ("from", "from"),
    ("type", "type"),
  ])
  func keywordsAreEscaped(_ input: String, _ expected: String) {
    #expect(SwiftName.memberName(input) == expected)
  }

  @Test(arguments: [
    ("1.8", "value1Dot8"),
    ("v1.4", "v1Dot4"),
    ("", "empty"),
    ("+", "value43"),
    ("lk", "lk"),
    ("default", "`default`"),
    // A signed number says its sign, as an integer enum's `-1` does.
    ("-1", "minus1"),
    ("+1", "plus1"),
    ("-1.5", "minus1Dot5"),
    ("1", "value1"),
    ("-", "value45"),
    ("a-1", "a1"),
  ])
  func caseNames(_ input: String, _ expected: String) {
    #expect(SwiftName.caseName(input) == expected)
  }
}
