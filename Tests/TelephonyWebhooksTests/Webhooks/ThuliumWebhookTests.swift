import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

@Suite struct ThuliumWebhookTests {
  private let conversationID = "83a3f676-e831-47d0-bba7-beda6c0bde88"

  @Test func chatAgentAssignedDecodesEveryField() throws {
    let event = try Thulium.WebhookEvent(decoding: WebhookFixtures.data("thulium-chat-agent-assigned"))
    guard case .chatAgentAssigned(let assigned) = event else {
      Issue.record("expected chatAgentAssigned, got \(event)")
      return
    }
    #expect(assigned.action == .chatAgentAssigned)
    #expect(assigned.conversationID == conversationID)
    #expect(assigned.agentLogin == "jkowalski")
    #expect(assigned.date?.rawValue == "2016-04-20 09:46:24")
    #expect(assigned.chatQueueID == 1)
    #expect(assigned.customData == nil)
  }

  @Test func chatConversationClosedDecodesEveryField() throws {
    let event = try Thulium.WebhookEvent(decoding: WebhookFixtures.data("thulium-chat-conversation-closed"))
    guard case .chatConversationClosed(let closed) = event else {
      Issue.record("expected chatConversationClosed, got \(event)")
      return
    }
    #expect(closed.action == .chatConversationClosed)
    #expect(closed.conversationID == conversationID)
    #expect(closed.date?.rawValue == "2016-04-20 09:46:24")
    #expect(closed.chatQueueID == 1)
    #expect(closed.customData == nil)
  }

  @Test func chatConversationCreatedDecodesEveryField() throws {
    let event = try Thulium.WebhookEvent(decoding: WebhookFixtures.data("thulium-chat-conversation-created"))
    guard case .chatConversationCreated(let created) = event else {
      Issue.record("expected chatConversationCreated, got \(event)")
      return
    }
    #expect(created.action == .chatConversationCreated)
    #expect(created.conversationID == conversationID)
    #expect(created.clientName == "John Smith")
    #expect(created.clientEmail == "john.smith@foo.bar")
    #expect(created.date?.rawValue == "2016-04-20 09:46:24")
    #expect(created.chatQueueID == 1)
    #expect(created.customData == nil)
  }

  @Test func customerCreatedDecodesEveryField() throws {
    let event = try Thulium.WebhookEvent(decoding: WebhookFixtures.data("thulium-customer-created"))
    guard case .customerCreated(let customer) = event else {
      Issue.record("expected customerCreated, got \(event)")
      return
    }
    #expect(customer.action == .customerCreated)
    #expect(customer.customerID == 154)
    #expect(customer.companyID == nil)
    #expect(customer.date == nil)
    #expect(customer.customData == nil)
  }

  @Test func customDataIsDecodedAsAnObject() throws {
    let body = WebhookFixtures.body(
      #"{"action":"CUSTOMER_CREATED","customer_id":154,"company_id":7,"custom_data":{"lead":{"id":42}}}"#)
    let event = try Thulium.WebhookEvent(decoding: body)
    #expect(
      event
        == .customerCreated(
          .init(action: .customerCreated, customData: ["lead": ["id": 42]], customerID: 154, companyID: 7)))
  }

  @Test func dateKeepsItsTextAndParsesInWarsaw() throws {
    let event = try Thulium.WebhookEvent(decoding: WebhookFixtures.data("thulium-chat-conversation-created"))
    guard case .chatConversationCreated(let created) = event else {
      Issue.record("expected chatConversationCreated, got \(event)")
      return
    }
    let date = try #require(created.date)
    #expect(date.rawValue == "2016-04-20 09:46:24")
    #expect(date.description == "2016-04-20 09:46:24")
    let warsaw = try #require(TimeZone(identifier: "Europe/Warsaw"))
    // Summer time in Warsaw is UTC+2: 09:46:24 local is 07:46:24 UTC.
    #expect(date.date(in: warsaw) == Date(timeIntervalSince1970: 1_461_138_384))
    #expect(date.date(in: .gmt) == Date(timeIntervalSince1970: 1_461_138_384 + 7200))
    let encoded = try JSONEncoder().encode(created)
    #expect(String(decoding: encoded, as: UTF8.self).contains(#""2016-04-20 09:46:24""#))
  }

  @Test(arguments: [
    "thulium-chat-agent-assigned", "thulium-chat-conversation-closed", "thulium-chat-conversation-created",
  ])
  func chatPayloadsRoundTrip(fixture: String) throws {
    let body = try WebhookFixtures.data(fixture)
    let original = try WebhookFixtures.json(body)
    switch try Thulium.WebhookEvent(decoding: body) {
    case .chatAgentAssigned(let value): #expect(try WebhookFixtures.encodedJSON(value) == original)
    case .chatConversationClosed(let value): #expect(try WebhookFixtures.encodedJSON(value) == original)
    case .chatConversationCreated(let value): #expect(try WebhookFixtures.encodedJSON(value) == original)
    case let other: Issue.record("\(fixture) decoded as \(other)")
    }
  }

  @Test func customerCreatedWithACompanyRoundTrips() throws {
    let body = WebhookFixtures.body(
      #"{"action":"CUSTOMER_CREATED","customer_id":154,"company_id":7,"date":"2016-04-20 09:46:24","custom_data":{"a":[1,2.5,null]}}"#
    )
    guard case .customerCreated(let customer) = try Thulium.WebhookEvent(decoding: body) else {
      Issue.record("expected customerCreated")
      return
    }
    #expect(try WebhookFixtures.encodedJSON(customer) == WebhookFixtures.json(body))
  }

  /// The documented example sends `"company_id": null`. A `nil` optional is left out when
  /// encoding (the SDK's documented rule), so the round trip holds once `null`s are ignored.
  @Test func customerCreatedExampleRoundTripsIgnoringNulls() throws {
    let body = try WebhookFixtures.data("thulium-customer-created")
    guard case .customerCreated(let customer) = try Thulium.WebhookEvent(decoding: body) else {
      Issue.record("expected customerCreated")
      return
    }
    let original = try WebhookFixtures.json(body)
    #expect(original["company_id"] == JSONValue.null)
    #expect(try WebhookFixtures.encodedJSON(customer) == Self.removingNulls(original))
  }

  private static func removingNulls(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): .object(members.filter { $0.value != .null }.mapValues(removingNulls))
    case .array(let items): .array(items.map(removingNulls))
    default: value
    }
  }

  @Test func unknownActionKeepsTheWholePayload() throws {
    let body = try WebhookFixtures.data("thulium-call-started")
    let event = try Thulium.WebhookEvent(decoding: body)
    #expect(event == .unknown("CALL_STARTED", try WebhookFixtures.json(body)))
    guard case .unknown(_, let json) = event else { return }
    #expect(json["queue"]?["name"] == "Sales")
    #expect(json["custom_data"] == ["lead": 42])
  }

  @Test(arguments: [
    ("{", "the body is not valid JSON"),
    ("", "the body is empty"),
    ("[]", "the body is not a JSON object"),
    (#"{"conversation_id":"x"}"#, #"the payload has no string "action""#),
  ])
  func badBodyIsAnErrorNamingThulium(body: String, reason: String) throws {
    let error = try #require(throws: WebhookDecodingError.self) {
      try Thulium.WebhookEvent(decoding: Data(body.utf8))
    }
    #expect(error.provider == "Thulium")
    #expect(error.description == "Thulium webhook: \(reason)")
  }

  @Test func formEncodedBodyIsRejected() throws {
    let body = Data("action=CHAT_CONVERSATION_CLOSED&chat_queue_id=1".utf8)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Thulium.WebhookEvent(decoding: body, headers: [.contentType: "application/x-www-form-urlencoded"])
    }
    #expect(error.description == "Thulium webhook: the body is application/x-www-form-urlencoded, not JSON")
  }

  @Test func wrongFieldTypeNamesTheJSONPath() throws {
    let body = WebhookFixtures.body(
      #"{"action":"CHAT_CONVERSATION_CLOSED","conversation_id":"c","date":"2016-04-20 09:46:24","chat_queue_id":"1"}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Thulium.WebhookEvent(decoding: body)
    }
    #expect(
      error.description.hasPrefix(
        "Thulium webhook: the payload does not match ChatConversationClosedEvent at chat_queue_id: "))
  }

  @Test func timestampOfTheWrongTypeNamesItsPath() throws {
    let body = WebhookFixtures.body(#"{"action":"CUSTOMER_CREATED","customer_id":1,"date":5}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Thulium.WebhookEvent(decoding: body)
    }
    #expect(error.description.hasPrefix("Thulium webhook: the payload does not match CustomerCreatedEvent at date: "))
  }

  @Test func missingRequiredFieldIsNamed() throws {
    let body = WebhookFixtures.body(#"{"action":"CHAT_AGENT_ASSIGNED","conversation_id":"c","chat_queue_id":1}"#)
    let error = try #require(throws: WebhookDecodingError.self) {
      try Thulium.WebhookEvent(decoding: body)
    }
    #expect(error.description.contains(#"the required key "agent_login" is missing"#))
  }
}
