import Foundation
import TelephonyWebhooks
import Testing

/// The runtime's fast paths for open enums in keyed containers are for generated code only: a
/// user's own `Codable` type that holds an open enum is coded the standard way, through the
/// enum's own `init(from:)` and `encode(to:)`.
///
/// This file imports the module without `@_spi(Generated)`, as a user's code does.
@Suite struct OpenEnumInUserCodableTests {
  /// A user's open enum that reads its raw value case-insensitively and writes it upper-cased.
  enum CallState: OpenEnum {
    case answered
    case unknown(String)

    init(rawValue: String) {
      self = rawValue == "answered" ? .answered : .unknown(rawValue)
    }

    var rawValue: String {
      switch self {
      case .answered: "answered"
      case .unknown(let value): value
      }
    }

    init(from decoder: any Decoder) throws {
      self.init(rawValue: try decoder.singleValueContainer().decode(String.self).lowercased())
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(rawValue.uppercased())
    }
  }

  struct CallRecord: Codable, Equatable {
    var state: CallState
    var previousState: CallState?
  }

  @Test func aUserTypeDecodesItsOpenEnumThroughTheEnumsOwnInitializer() throws {
    let record = try JSONDecoder().decode(
      CallRecord.self, from: Data(#"{"state":"ANSWERED","previousState":"Answered"}"#.utf8))
    #expect(record == CallRecord(state: .answered, previousState: .answered))
  }

  @Test func aUserTypeEncodesItsOpenEnumThroughTheEnumsOwnEncode() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = String(
      decoding: try encoder.encode(CallRecord(state: .answered, previousState: .unknown("ringing"))), as: UTF8.self)
    #expect(text == #"{"previousState":"RINGING","state":"ANSWERED"}"#)
  }
}
