import Foundation
import TelephonyWebhooks
import Testing

/// `Timestamp` keeps the provider's text and parses it on demand.
@Suite struct TimestampTests {
  /// 2016-04-20 07:46:24 UTC.
  static let utc = Date(timeIntervalSince1970: 1_461_138_384)

  @Test func aZonelessTimestampRoundTripsLosslessly() throws {
    let json = #"{"date":"2016-04-20 09:46:24"}"#
    let decoded = try JSONDecoder().decode([String: Timestamp].self, from: Data(json.utf8))
    #expect(decoded["date"]?.rawValue == "2016-04-20 09:46:24")
    #expect(decoded["date"]?.description == "2016-04-20 09:46:24")
    let encoded = String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
    #expect(encoded == json)
  }

  @Test func aZonelessTimestampIsReadInTheGivenZone() throws {
    let timestamp = Timestamp("2016-04-20 09:46:24")
    let warsaw = try #require(TimeZone(identifier: "Europe/Warsaw"))
    #expect(timestamp.date(in: warsaw) == Self.utc)  // CEST, UTC+2
    #expect(timestamp.date(in: .gmt) == Self.utc.addingTimeInterval(2 * 3600))
    #expect(timestamp.date() == Self.utc.addingTimeInterval(2 * 3600))
    let saoPaulo = try #require(TimeZone(identifier: "America/Sao_Paulo"))
    #expect(timestamp.date(in: saoPaulo) == Self.utc.addingTimeInterval(5 * 3600))  // UTC-3
  }

  @Test func iso8601WithAnOffsetIgnoresTheGivenZone() throws {
    let warsaw = try #require(TimeZone(identifier: "Europe/Warsaw"))
    #expect(Timestamp("2016-04-20T09:46:24+02:00").date(in: .gmt) == Self.utc)
    #expect(Timestamp("2016-04-20T07:46:24Z").date(in: warsaw) == Self.utc)
    #expect(Timestamp("2016-04-20T04:46:24-03:00").date() == Self.utc)
  }

  @Test func fractionalSecondsAreKept() throws {
    let date = try #require(Timestamp("2016-04-20T07:46:24.250Z").date())
    #expect(abs(date.timeIntervalSince(Self.utc) - 0.25) < 0.000_1)
    let local = try #require(Timestamp("2016-04-20 09:46:24.5").date(in: TimeZone(secondsFromGMT: 7200)!))
    #expect(abs(local.timeIntervalSince(Self.utc) - 0.5) < 0.000_1)
  }

  @Test func textThatIsNotADateGivesNil() {
    #expect(Timestamp("not a date").date() == nil)
    #expect(Timestamp("").date() == nil)
    #expect(Timestamp("2016-02-30 10:00:00").date() == nil)
    #expect(Timestamp("2016-04-20").date() == nil)
  }

  @Test func aDateBecomesISO8601InUTC() {
    #expect(Timestamp(Self.utc).rawValue == "2016-04-20T07:46:24Z")
    #expect(Timestamp(Self.utc).date() == Self.utc)
  }

  @Test func aStringLiteralIsATimestamp() {
    let timestamp: Timestamp = "2025-01-01 00:00:42"
    #expect(timestamp == Timestamp("2025-01-01 00:00:42"))
    #expect(timestamp != Timestamp("2025-01-01T00:00:42"))
  }
}
