import Foundation

/// A `Content-Type` or `Accept` entry: `type/subtype` and its parameters, such as `charset`.
struct MediaType: Sendable, Equatable {
  /// `type/subtype`, lowercased.
  var essence: String
  /// Parameter names lowercased, values without quotes.
  var parameters: [String: String]

  init(_ text: String) {
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
