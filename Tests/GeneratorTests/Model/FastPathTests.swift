import Foundation
import OpenAPIKit
import Testing

@testable import SDKGenCore

/// The generator's shortcuts on the bytes of ASCII text answer exactly as the rules they stand
/// in for: OpenAPIKit's component-key check, `JSONEncoder`'s string literals and the spelling of
/// separators between digits.
@Suite struct FastPathTests {
  /// Every ASCII character alone, at each end and in the middle of a name, and names with other
  /// letters, digits and marks.
  static let names: [String] =
    (0..<128).flatMap { code -> [String] in
      let character = String(UnicodeScalar(UInt8(code)))
      return [character, character + "a", "a" + character, "a" + character + "b", "1" + character + "2"]
    } + [
      "", "Call", "voice.v1.call", "call-event_2", "Ключ", "café", "e\u{301}", "名前", "١٢٣", "a b", "1.8", "2024-01",
      "1_000", "3,5", "1-", "-1", "a1.2b", "x²", "\r\n", "1\r\n.2", "🙂", "a/b",
    ]

  @Test func aComponentKeyIsValidExactlyWhenOpenAPIKitSaysSo() {
    for name in Self.names {
      #expect(
        OpenAPI.ComponentKey(componentName: name)?.rawValue == OpenAPI.ComponentKey(rawValue: name)?.rawValue,
        "\(name.debugDescription)")
    }
  }

  @Test func aJSONStringIsWhatJSONEncoderWrites() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    for text in Self.names + ["say \"hi\"", "C:\\calls", "tab\there", "https://example.com/a?b=c"] {
      let expected = String(decoding: try encoder.encode(text), as: UTF8.self)
      #expect(ExampleJSON.string(text) == expected, "\(text.debugDescription)")
    }
  }

  @Test func separatorsBetweenDigitsAreSpelledWhateverTheName() {
    #expect(SwiftName.spellingDigitSeparators("1.8") == "1Dot8")
    #expect(SwiftName.spellingDigitSeparators("2024-01_02,5") == "2024Dash01Sep02Comma5")
    #expect(SwiftName.spellingDigitSeparators("١.٢") == "١Dot٢")
    #expect(SwiftName.spellingDigitSeparators("v1.x") == "v1.x")
    for name in Self.names {
      let characters = Array(name)
      let spelled = characters.indices.map { index -> String in
        let between =
          index > 0 && index + 1 < characters.count && characters[index - 1].isNumber && characters[index + 1].isNumber
        let spelling = [".": "Dot", "-": "Dash", "_": "Sep", ",": "Comma"][characters[index]]
        return between ? spelling ?? String(characters[index]) : String(characters[index])
      }.joined()
      #expect(SwiftName.spellingDigitSeparators(name) == spelled, "\(name.debugDescription)")
    }
  }
}
