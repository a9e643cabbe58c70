import Foundation
import Testing

@_spi(Generated) @testable import TelephonyWebhooks

/// The form decoder alone: Twilio-shaped bodies into a model, each value coerced from its text.
@Suite struct FormDecoderTests {
  struct Status: OpenEnum {
    var rawValue: String
    static let completed = Self(rawValue: "completed")
  }

  struct Call: Codable, Equatable {
    var callSid: String
    var callDuration: Int?
    var sequence: Int64?
    var price: Double?
    var ratio: Float?
    var small: Int32?
    var answeredByMachine: Bool?
    var status: Status?
    var timestamp: Timestamp?
    var date: Date?
    var recordingURL: URL?
    var events: [String]?
    var digits: [Int]?
    var extra: JSONValue?
    var callerName: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case callSid = "CallSid"
      case callDuration = "CallDuration"
      case sequence = "SequenceNumber"
      case price = "Price"
      case ratio = "Ratio"
      case small = "Small"
      case answeredByMachine = "AnsweredByMachine"
      case status = "CallStatus"
      case timestamp = "Timestamp"
      case date = "Date"
      case recordingURL = "RecordingUrl"
      case events = "StatusCallbackEvent"
      case digits = "Digits"
      case extra = "AddOns"
      case callerName = "CallerName"
    }
  }

  private func decode(_ body: String) throws -> Call {
    try FormDecoder.decode(Call.self, from: Data(body.utf8))
  }

  @Test func eachValueIsCoercedAsItsTypeSays() throws {
    let call = try decode(
      "CallSid=CA1&CallDuration=42&SequenceNumber=9000000000&Price=-0.0075&Ratio=0.5&Small=-7"
        + "&AnsweredByMachine=True&CallStatus=completed&Timestamp=Tue%2C+10+Aug+2010+18%3A24%3A00+%2B0000"
        + "&Date=2010-08-10T18%3A24%3A00Z&RecordingUrl=https%3A%2F%2Fapi.example.com%2Frec%2FRE1"
        + "&StatusCallbackEvent=answered&StatusCallbackEvent=completed&Digits=1&Digits=23"
        + "&AddOns=%7B%22status%22%3A%22successful%22%7D&CallerName=")
    #expect(call.callSid == "CA1")
    #expect(call.callDuration == 42)
    #expect(call.sequence == 9_000_000_000)
    #expect(call.price == -0.0075)
    #expect(call.ratio == 0.5)
    #expect(call.small == -7)
    #expect(call.answeredByMachine == true)
    #expect(call.status == .completed)
    #expect(call.timestamp == Timestamp("Tue, 10 Aug 2010 18:24:00 +0000"))
    #expect(call.date == Date(timeIntervalSince1970: 1_281_464_640))
    #expect(call.recordingURL == URL(string: "https://api.example.com/rec/RE1"))
    #expect(call.events == ["answered", "completed"])
    #expect(call.digits == [1, 23])
    #expect(call.extra == .string(#"{"status":"successful"}"#))
    #expect(call.callerName == nil)
  }

  @Test(arguments: [("true", true), ("True", true), ("false", false), ("False", false)])
  func booleansAsTwilioSendsThem(text: String, value: Bool) throws {
    #expect(try decode("CallSid=CA1&AnsweredByMachine=\(text)").answeredByMachine == value)
  }

  @Test func absentAndEmptyOptionalsAreNil() throws {
    let call = try decode("CallSid=CA1&CallDuration=&CallStatus=&RecordingUrl=&CallerName=")
    #expect(call == Call(callSid: "CA1"))
    #expect(call.events == nil)
  }

  @Test func aValueThatDoesNotFitNamesTheField() throws {
    let cases = [
      ("CallSid=CA1&CallDuration=forty", "CallDuration"), ("CallSid=CA1&Small=3000000000", "Small"),
      ("CallSid=CA1&AnsweredByMachine=yes", "AnsweredByMachine"), ("CallSid=CA1&Price=nan", "Price"),
      ("CallSid=CA1&Date=yesterday", "Date"), ("CallSid=CA1&Digits=1&Digits=x", "Digits[1]"),
    ]
    for (body, field) in cases {
      let error = try #require(throws: DecodingError.self) { try decode(body) }
      guard case .typeMismatch(_, let context) = error else {
        Issue.record("\(error)")
        continue
      }
      #expect(JSONCoding.path(context.codingPath) == field)
    }
    let described = JSONCoding.describe(
      try #require(throws: DecodingError.self) { try decode("CallSid=CA1&CallDuration=forty") }, body: Data())
    #expect(described == #"at CallDuration: expected Int, found "forty""#)
    let missing = try #require(throws: DecodingError.self) { try decode("CallDuration=4") }
    #expect(JSONCoding.describe(missing, body: Data()) == #"at the root: the required key "CallSid" is missing"#)
  }

  @Test func pairsDecodePlusAndEscapes() throws {
    let pairs = try #require(FormDecoder.pairs(in: Data("To=%2B1+555&Body=a%26b%3Dc&Flag&&Empty=".utf8)))
    #expect(pairs.map(\.0) == ["To", "Body", "Flag", "Empty"])
    #expect(pairs.map(\.1) == ["+1 555", "a&b=c", "", ""])
    #expect(FormDecoder.pairs(in: Data("a=%zz".utf8)) == nil)
    #expect(FormDecoder.pairs(in: Data([0x61, 0x3D, 0xFF])) == nil)
    #expect(try #require(FormDecoder.pairs(in: Data())).isEmpty)
  }

  @Test func theEncoderAndDecoderRoundTrip() throws {
    let call = Call(
      callSid: "CA 1&2=3+é", callDuration: 42, sequence: -1, price: 0.25, ratio: 2, small: 5, answeredByMachine: false,
      status: Status(rawValue: "ringing"), timestamp: "2016-04-20 09:46:24",
      date: Date(timeIntervalSince1970: 1_700_000_000),
      recordingURL: URL(string: "https://example.com/r?x=1"), events: ["initiated", "answered"], digits: [0, 9],
      extra: nil, callerName: "Ada")
    let body = try FormEncoder.encode(call)
    #expect(try FormDecoder.decode(Call.self, from: body) == call)
  }

  @Test func additionalPropertiesSeeEveryName() throws {
    struct Loose: Decodable {
      var all: [String: String]
      init(from decoder: any Decoder) throws {
        all = try decoder.decodeUnnamedMembers(excluding: Call.CodingKeys.self)
      }
    }
    let loose = try FormDecoder.decode(Loose.self, from: Data("CallSid=CA1&ApiVersion=2010-04-01&Custom=x".utf8))
    #expect(loose.all == ["ApiVersion": "2010-04-01", "Custom": "x"])
  }
}
