import Foundation

/// A date and time exactly as the provider sent it.
///
/// Providers send `"2016-04-20 09:46:24"` with no time zone, ISO 8601 with one, or both. The
/// text is kept unchanged, so a payload round-trips byte for byte; ``date(in:)`` parses it.
public struct Timestamp: Codable, Hashable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The text the provider sent.
  public var rawValue: String

  /// Keeps `rawValue` exactly as given.
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public init(stringLiteral value: String) {
    self.rawValue = value
  }

  /// Formats `date` as ISO 8601 in UTC, with fractional seconds only when it has them.
  public init(_ date: Date) {
    let style = Date.ISO8601FormatStyle(
      includingFractionalSeconds: date.timeIntervalSince1970.rounded() != date.timeIntervalSince1970)
    self.rawValue = date.formatted(style)
  }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  /// The parsed date, or `nil` when the text is not a date.
  ///
  /// - Parameter timeZone: the zone of a timestamp written without one, such as
  ///   `"2016-04-20 09:46:24"`: pass the provider account's zone (for example
  ///   `Europe/Warsaw` for Thulium). A timestamp that carries its own offset ignores it.
  public func date(in timeZone: TimeZone = .gmt) -> Date? {
    let text = rawValue.trimmingCharacters(in: .whitespaces)
    if let date = try? Date(text, strategy: .iso8601) {
      return date
    }
    if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
      return date
    }
    return Self.localDate(text, in: timeZone)
  }

  /// Parses `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-ddTHH:mm:ss`, optionally with fractional
  /// seconds, as a wall-clock time in `timeZone`.
  private static func localDate(_ text: String, in timeZone: TimeZone) -> Date? {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
    guard parts.count == 2 else { return nil }
    let day = parts[0].split(separator: "-").compactMap { Int($0) }
    let timeAndFraction = parts[1].split(separator: ".", maxSplits: 1)
    let time = timeAndFraction[0].split(separator: ":").compactMap { Int($0) }
    guard day.count == 3, time.count == 3 else { return nil }
    var components = DateComponents(
      calendar: Calendar(identifier: .gregorian), timeZone: timeZone,
      year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1], second: time[2])
    if timeAndFraction.count == 2, let fraction = Double("0." + timeAndFraction[1]) {
      components.nanosecond = Int(fraction * 1_000_000_000)
    }
    guard components.isValidDate else { return nil }
    return components.date
  }
}
