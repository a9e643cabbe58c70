import Foundation
import TelephonyWebhooks
import Testing

/// Generated enums are open: unknown values decode and encode back unchanged.
@Suite struct OpenEnumTests {
  func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
  }

  func encode(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }

  @Test func anUnknownValueDecodesAndEncodesBackUnchanged() throws {
    let value = try decode(Plusofon.CallType.self, #""transfer""#)
    #expect(value == .unknown("transfer"))
    #expect(value.rawValue == "transfer")
    #expect(try encode(value) == #""transfer""#)
  }

  @Test(arguments: [("inbound", Plusofon.CallType.inbound), ("outbound", .outbound), ("all", .all)])
  func knownValuesDecodeToTheirCases(_ raw: String, _ expected: Plusofon.CallType) throws {
    let value = try decode(Plusofon.CallType.self, "\"\(raw)\"")
    #expect(value == expected)
    guard case .unknown = value else {
      #expect(try encode(value) == "\"\(raw)\"")
      return
    }
    Issue.record("\(raw) decoded as unknown")
  }

  @Test func unknownValuesInsideAModelSurviveARoundTrip() throws {
    let seed = #"{"id":9,"url":"https://x.example","type_call":"transfer","type":"crm","event":"hold"}"#
    let summary = try expectRoundTrip(Plusofon.WebhookSummary.self, seed)
    #expect(summary.typeCall == .unknown("transfer"))
    #expect(summary.type == .unknown("crm"))
    #expect(summary.event == .unknown("hold"))
  }

  @Test func everyNamespaceHasOpenEnums() throws {
    #expect(try decode(Api4Com.EventType.self, #""channel-create""#) == .unknown("channel-create"))
    #expect(try decode(Api4Com.EventType.self, #""channel-hangup""#) == .channelHangup)
    #expect(try decode(Api4Com.Direction.self, #""internal""#).rawValue == "internal")
    #expect(try decode(Thulium.Action.self, #""CALL_ANSWERED""#) == .unknown("CALL_ANSWERED"))
    #expect(try decode(Thulium.Action.self, #""CHAT_CONVERSATION_CREATED""#) == .chatConversationCreated)
    #expect(
      try decode([Plusofon.CallDirection].self, #"["in","out","sideways"]"#) == [.in, .out, .unknown("sideways")])
  }

  @Test func equalityAndHashingFollowTheRawValue() {
    #expect(Plusofon.CallType(rawValue: "all") == .all)
    #expect(Plusofon.CallType.unknown("all") == .all)
    #expect(Set<Plusofon.CallType>([.all, .unknown("all"), .unknown("x")]).count == 2)
    #expect(Plusofon.CallType.unknown("transfer") != .unknown("Transfer"))
  }

  @Test func knownRawValuesAreTheSpecsStrings() {
    #expect(Api4Com.WebhookType.channelAnswer.rawValue == "channel-answer")
    #expect(Thulium.Action.customerCreated.rawValue == "CUSTOMER_CREATED")
    #expect(Plusofon.WebhookType.lk.rawValue == "lk")
    #expect(Thulium.AcceptLanguage.pl.rawValue == "pl")
  }
}
