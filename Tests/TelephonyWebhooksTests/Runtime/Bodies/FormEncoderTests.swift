import Foundation
import Testing

@_spi(Generated) @testable import TelephonyWebhooks

/// The form encoder alone: bytes as a browser sends an HTML form, styles and `encoding`.
@Suite struct FormEncoderTests {
  struct Call: Encodable {
    var to: String
    var from: String
    var name: String?
    var record: Bool?
    var events: [String]?
    var price: Double?
    var filter: Filter?

    enum CodingKeys: String, CodingKey {
      case to = "To"
      case from = "From"
      case name = "Name"
      case record = "Record"
      case events = "StatusCallbackEvent[]"
      case
        price = "MaxPrice"
      case filter = "Filter"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(to, forKey: .to)
      try container.encode(from, forKey: .from)
      try container.encodeIfPresent(name, forKey: .name)
      try container.encodeIfPresent(record, forKey: .record)
      try container.encodeIfPresent(events, forKey: .events)
      try container.encodeIfPresent(price, forKey: .price)
      try container.encodeIfPresent(filter, forKey: .filter)
    }
  }

  struct Filter: Encodable {
    var status: String
    var limit: Int
  }

  func text(_ value: some Encodable, _ encodings: [String: PropertyEncoding] = [:]) throws -> String {
    String(decoding: try FormEncoder.encode(value, encodings: encodings), as: UTF8.self)
  }

  @Test func encodesAsHTMLFormsDo() throws {
    let call = Call(
      to: "+1 555", from: "a?b=c&d", name: "Zoë ☎~*", record: true, events: ["initiated", "ringing"], price: 2.5)
    #expect(
      try text(call)
        == "To=%2B1+555&From=a%3Fb%3Dc%26d&Name=Zo%C3%AB+%E2%98%8E~%2A&Record=true"
        + "&StatusCallbackEvent%5B%5D=initiated&StatusCallbackEvent%5B%5D=ringing&MaxPrice=2.5")
  }

  @Test func nilPropertiesAreLeftOutAndFalseIsWritten() throws {
    #expect(try text(Call(to: "1", from: "2", record: false)) == "To=1&From=2&Record=false")
  }

  @Test func encodingObjectsChooseTheStyle() throws {
    let call = Call(to: "1", from: "2", events: ["a b", "c|d"], filter: Filter(status: "active", limit: 3))
    #expect(
      try text(call, ["StatusCallbackEvent[]": PropertyEncoding(style: .pipeDelimited, explode: false)])
        == "To=1&From=2&StatusCallbackEvent%5B%5D=a+b%7Cc%7Cd&status=active&limit=3")
    #expect(
      try text(call, ["StatusCallbackEvent[]": PropertyEncoding(explode: false)])
        .hasPrefix("To=1&From=2&StatusCallbackEvent%5B%5D=a+b,c%7Cd&"))
    #expect(
      try text(call, ["StatusCallbackEvent[]": PropertyEncoding(style: .spaceDelimited, explode: false)])
        .contains("StatusCallbackEvent%5B%5D=a+b+c%7Cd&"))
    #expect(
      try text(call, ["Filter": PropertyEncoding(style: .deepObject)])
        .hasSuffix("&Filter%5Bstatus%5D=active&Filter%5Blimit%5D=3"))
    #expect(try text(call, ["Filter": PropertyEncoding(explode: false)]).hasSuffix("&Filter=status,active,limit,3"))
  }

  @Test func aPropertyCanBeSentAsJSON() throws {
    let call = Call(to: "1", from: "2", filter: Filter(status: "active", limit: 3))
    let body = try text(call, ["Filter": PropertyEncoding(contentType: "application/json")])
    #expect(body.hasPrefix("To=1&From=2&Filter="))
    let json = try #require(body.split(separator: "=").last).replacingOccurrences(of: "+", with: " ")
      .removingPercentEncoding
    #expect(
      try JSONSerialization.jsonObject(with: Data(try #require(json).utf8)) as? NSDictionary
        == ["status": "active", "limit": 3])
  }

  @Test func aNumberThatIsNotFiniteNamesTheProperty() throws {
    let error = try #require(throws: EncodingError.self) { try text(Call(to: "1", from: "2", price: .infinity)) }
    #expect(
      BodyEncodingError.describe(error) == "the property \"MaxPrice\" cannot be encoded: inf is not a finite number")
  }

  @Test func aBodyMustBeAnObject() {
    #expect(throws: EncodingError.self) { try text(["a", "b"]) }
  }
}
