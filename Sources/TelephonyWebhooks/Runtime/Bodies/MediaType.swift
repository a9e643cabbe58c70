import Foundation

/// A `Content-Type` or `Accept` entry: `type/subtype` and its parameters, such as `charset`.
struct MediaType: Sendable, Equatable {
  /// `type/subtype`, lowercased.
  var essence: String
  /// Parameter names lowercased, values without quotes.
  var parameters: [String: String]

  init(_ text: String) {
    if let parsed = Self.parseASCII(text) {
      self = parsed
      return
    }
    let pieces = text.split(separator: ";")
    essence = (pieces.first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    var parameters: [String: String] = [:]
    for piece in pieces.dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2 else { continue }
      var value = pair[1]
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      parameters[pair[0].lowercased()] = value
    }
    self.parameters = parameters
  }

  private init(essence: String, parameters: [String: String]) {
    self.essence = essence
    self.parameters = parameters
  }

  /// The same parse as `init`'s for an ASCII text, on its bytes: Foundation's trimming and
  /// lowercasing cost more than the rest of a call. `nil` for any other text.
  private static func parseASCII(_ text: String) -> MediaType? {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
      let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
      guard let first = slice.firstIndex(where: { !isSpace($0) }), let last = slice.lastIndex(where: { !isSpace($0) })
      else { return [] }
      return slice[first...last]
    }
    func string(_ slice: ArraySlice<UInt8>, lowercased: Bool) -> String {
      guard lowercased, slice.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
        return String(decoding: slice, as: UTF8.self)
      }
      return String(
        decoding: slice.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
    // `split` drops empty pieces, as `init`'s does.
    let pieces = bytes.split(separator: UInt8(ascii: ";"))
    let essence = pieces.first.map { string(trimmed($0), lowercased: true) } ?? ""
    var parameters: [String: String] = [:]
    for piece in pieces.dropFirst() {
      let pair = piece.split(separator: UInt8(ascii: "="), maxSplits: 1).map(trimmed)
      guard pair.count == 2 else { continue }
      var value = pair[1]
      if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
        value = value.dropFirst().dropLast()
      }
      parameters[string(pair[0], lowercased: true)] = string(value, lowercased: false)
    }
    return MediaType(essence: essence, parameters: parameters)
  }

  var isJSON: Bool {
    essence == "application/json" || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
  }

  /// Whether this concrete type is one that `pattern` (`audio/*`, `*/*` or exact) admits.
  func matches(_ pattern: MediaType) -> Bool {
    if pattern.essence == "*/*" || pattern.essence == essence { return true }
    if pattern.essence.hasSuffix("/*") {
      return essence.hasPrefix(pattern.essence.dropLast())
    }
    return pattern.isJSON && isJSON
  }

  /// The `charset` parameter as a string encoding; UTF-8 when there is none, `nil` when it names
  /// one this runtime does not know.
  var stringEncoding: String.Encoding? {
    guard let charset = parameters["charset"]?.lowercased() else { return .utf8 }
    switch charset {
    case "utf-8", "utf8": return .utf8
    case "us-ascii", "ascii": return .ascii
    case "iso-8859-1", "latin1", "iso_8859-1", "l1": return .isoLatin1
    case "iso-8859-2", "latin2": return .isoLatin2
    case "windows-1252", "cp1252": return .windowsCP1252
    case "windows-1251", "cp1251": return .windowsCP1251
    case "windows-1250", "cp1250": return .windowsCP1250
    case "utf-16": return .utf16
    case "utf-16le": return .utf16LittleEndian
    case "utf-16be": return .utf16BigEndian
    case "utf-32": return .utf32
    case "shift_jis", "shift-jis": return .shiftJIS
    case "euc-jp": return .japaneseEUC
    default: return nil
    }
  }
}
