import Foundation
import TelephonyWebhooks
import Testing

/// `JSONValue` round-trips any JSON and implements Api4Com's constraint rule.
@Suite struct JSONValueTests {
  func decode(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  func encode(_ value: JSONValue) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func decodesEveryKindOfValue() throws {
    let value = try decode(
      #"{"s":"text","i":42,"neg":-7,"d":2.5,"t":true,"f":false,"n":null,"a":[1,"two",[3]],"o":{"k":{}}}"#)
    #expect(
      value
        == .object([
          "s": .string("text"), "i": .int(42), "neg": .int(-7), "d": .double(2.5), "t": .bool(true),
          "f": .bool(false), "n": .null, "a": .array([.int(1), .string("two"), .array([.int(3)])]),
          "o": .object(["k": .object([:])]),
        ]))
  }

  @Test func decodesThroughADecoderOtherThanJSONDecoder() throws {
    // Not Foundation's JSONDecoder: the attempts keep the order that puts booleans and numbers
    // before strings, for decoders that convert between kinds.
    let value: JSONValue = ["s": "text", "i": 42, "d": 2.5, "t": true, "a": [1, "two"], "o": ["k": "v"]]
    let data = try PropertyListEncoder().encode(value)
    #expect(try PropertyListDecoder().decode(JSONValue.self, from: data) == value)
  }

  @Test func roundTripsNestedJSONExactly() throws {
    let text = #"{"a":[1,2.5,"x",null,true,{"b":[]}],"c":{"d":{"e":{"f":-0.125}}},"g":"","h":{}}"#
    #expect(try encode(decode(text)) == text)
  }

  @Test func keepsIntegersAndBooleansApart() throws {
    #expect(try decode("[1,true,0,false]") == [.int(1), .bool(true), .int(0), .bool(false)])
    #expect(try decode("[3,3.25,-1,-0.5]") == [.int(3), .double(3.25), .int(-1), .double(-0.5)])
    #expect(try encode(decode("[3,3.25]")) == "[3,3.25]")
  }

  @Test func keepsLargeIntegersExact() throws {
    // Above 2^53, where a Double would lose the last digit.
    let value = try decode("[9007199254740993,-9007199254740993]")
    #expect(value == [.int(9_007_199_254_740_993), .int(-9_007_199_254_740_993)])
    #expect(try encode(value) == "[9007199254740993,-9007199254740993]")
  }

  @Test func keepsNullInObjectsAndArrays() throws {
    let value = try decode(#"{"n":null,"a":[null]}"#)
    #expect(value["n"] == .null)
    #expect(value["a"] == [nil])
    #expect(try encode(value) == #"{"a":[null],"n":null}"#)
  }

  @Test func roundTripsUnicode() throws {
    let value = try decode(#"{"ru":"Нет доступа","pl":"Błąd","emoji":"📞☎️","escaped":"\u00e9\n\"q\"","ключ":"v"}"#)
    #expect(value["ru"] == "Нет доступа")
    #expect(value["emoji"] == "📞☎️")
    #expect(value["escaped"] == "é\n\"q\"")
    #expect(value["ключ"] == "v")
    let again = try decode(encode(value))
    #expect(again == value)
  }

  @Test func topLevelScalarsRoundTrip() throws {
    for text in ["null", "true", "12", "1.5", #""s""#, "[]", "{}"] {
      #expect(try encode(decode(text)) == text)
    }
  }

  @Test func accessors() throws {
    let value: JSONValue = ["name": "x", "list": [1, 2], "obj": ["k": true]]
    #expect(value["name"]?.stringValue == "x")
    #expect(value["list"]?.arrayValue == [1, 2])
    #expect(value["obj"]?.objectValue == ["k": true])
    #expect(value["missing"] == nil)
    #expect(value["list"]?["k"] == nil)
    #expect(JSONValue.int(1).stringValue == nil)
  }

  @Test func literalsBuildTheSameValues() {
    let value: JSONValue = ["a": nil, "b": true, "c": 1, "d": 1.5, "e": "s", "f": [1]]
    #expect(
      value
        == .object([
          "a": .null, "b": .bool(true), "c": .int(1), "d": .double(1.5), "e": .string("s"), "f": .array([.int(1)]),
        ]))
  }

  @Test func containsIsTheSubsetRule() {
    let metadata: JSONValue = ["gateway": "integration-code", "deal": ["id": 7, "stage": "won"], "tags": ["a", "b"]]
    #expect(metadata.contains([:]))
    #expect(metadata.contains(["gateway": "integration-code"]))
    #expect(metadata.contains(["deal": ["id": 7]]))
    #expect(metadata.contains(["deal": [:]]))
    #expect(metadata.contains(["gateway": "integration-code", "deal": ["stage": "won"]]))
    #expect(!metadata.contains(["gateway": "other"]))
    #expect(!metadata.contains(["missing": "x"]))
    #expect(!metadata.contains(["deal": ["id": 8]]))
    #expect(!metadata.contains(["deal": ["id": "7"]]))
    // Arrays and scalars must be equal, not subsets.
    #expect(metadata.contains(["tags": ["a", "b"]]))
    #expect(!metadata.contains(["tags": ["a"]]))
    #expect(JSONValue.int(1).contains(1))
    #expect(!JSONValue.int(1).contains(2))
    #expect(!JSONValue.string("x").contains(["x": 1]))
  }

  @Test func hashesLikeItCompares() {
    let values: Set<JSONValue> = [["a": 1], ["a": 1], ["a": 2], [1], "1", 1]
    #expect(values.count == 5)
  }
}
