/// Every naming rule in one place: JSON, path and header names to Swift identifiers.
///
/// - `webhook_id` → `webhookID`, `subscription_url` → `subscriptionURL`, `type_call` →
///   `typeCall`, `channel-answer` → `channelAnswer`, `CHAT_CONVERSATION_CREATED` →
///   `chatConversationCreated`, `X-Request-Id` → `xRequestID`.
/// - Initialisms follow the API Design Guidelines: `ID`, `URL`, `HTTP`.
/// - Keywords are escaped with backticks; a name that has no letters gets a readable
///   fallback.
public enum SwiftName {
  /// Words written in capitals when they are a whole word.
  static let initialisms: Set<String> = [
    "api", "cpu", "crm", "dns", "html", "http", "https", "id", "ip", "json", "jwt", "pbx", "sip",
    "sms", "ssl", "tls", "ui", "uri", "url", "uuid", "voip", "xml",
  ]

  /// Swift keywords that need backticks as identifiers.
  static let keywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
    "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break",
    "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard",
    "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await",
    "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "package",
  ]

  /// Splits a name into words at separators, case changes and letter-digit boundaries that
  /// follow a lowercase letter: `webhookUrl` → `webhook`, `Url`; `HTTPServer` → `HTTP`,
  /// `Server`.
  public static func words(_ name: String) -> [String] {
    let name = spellingComparisons(name)
    // Spec names are nearly always ASCII; `Character`'s Unicode property lookups cost more than the
    // rest of naming, so ASCII names are split on their bytes, with the same rules.
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
    var words: [String] = []
    var current = ""
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        continue
      }
      if let previous = current.last {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let startsWord =
          (previous.isLowercase && character.isUppercase)
          || (previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false))
          || (previous.isNumber && character.isUppercase)
        if startsWord {
          words.append(current)
          current = ""
        }
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// ``words(_:)`` for an ASCII name: the same word boundaries, read on its bytes.
  private static func asciiWords(_ name: String) -> [String] {
    let bytes = Array(name.utf8)
    func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    var words: [String] = []
    var start: Int? = nil
    for index in bytes.indices {
      let byte = bytes[index]
      guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
        if let first = start { words.append(String(decoding: bytes[first..<index], as: UTF8.self)) }
        start = nil
        continue
      }
      if let first = start {
        let previous = bytes[index - 1]
        let next = index + 1 < bytes.count ? bytes[index + 1] : nil
        let startsWord =
          (isLower(previous) && isUpper(byte))
          || (isUpper(previous) && isUpper(byte) && (next.map(isLower) ?? false))
          || (isDigit(previous) && isUpper(byte))
        if startsWord {
          words.append(String(decoding: bytes[first..<index], as: UTF8.self))
          start = index
        }
      } else {
        start = index
      }
    }
    if let first = start { words.append(String(decoding: bytes[first...], as: UTF8.self)) }
    return words
  }

  /// Keeps a camel-case word's own capitals (`webhookUrl` arrives as separate words, but
  /// `iOS` or `BINA` are single words); only an all-capitals word is lowered.
  private static func normalized(_ word: String) -> String {
    word == word.uppercased() ? word.lowercased() : word
  }

  /// `UpperCamelCase`, for types: `webhook_page` → `WebhookPage`.
  public static func typeName(_ name: String) -> String {
    let words = words(spellingDigitSeparators(name))
    guard !words.isEmpty else { return "Value" }
    var result = words.map(capitalizedWord).joined()
    if result.first?.isNumber ?? false { result = "_" + result }
    return escaped(result)
  }

  /// A type name to append to another (`Links` + `Self`), never escaped.
  public static func typeNamePart(_ name: String) -> String {
    unescaped(typeName(name))
  }

  /// Type names a schema cannot keep inside a generated namespace: `Type`, `Protocol` and
  /// `Self` cannot name a member type, `Client`, `API`, `WebhookEvent` and `CodingKeys` are generated
  /// there, and the module names (``ImportedNames/moduleNames``) qualify the names generated
  /// code uses.
  static let reservedTypeNames = Set(["Type", "Protocol", "Self", "Client", "API", "WebhookEvent", "CodingKeys"])
    .union(ImportedNames.moduleNames)

  /// A component schema's type name: ``typeName(_:)``, with `Model` added to a reserved one
  /// (`Type` → `TypeModel`, `Client` → `ClientModel`).
  public static func componentTypeName(_ name: String) -> String {
    let type = unescaped(typeName(name))
    return reservedTypeNames.contains(type) ? type + "Model" : escaped(type)
  }

  /// Whether a type name is reserved in a generated namespace.
  public static func isReservedTypeName(_ name: String) -> Bool {
    reservedTypeNames.contains(unescaped(name))
  }

  /// `lowerCamelCase`, for properties, parameters, methods and cases, without escaping.
  public static func camelName(_ name: String) -> String {
    let words = words(spellingDigitSeparators(name))
    guard let first = words.first else { return "value" }
    let head = initialisms.contains(first.lowercased()) ? first.lowercased() : lowerFirst(normalized(first))
    var result = head + words.dropFirst().map(capitalizedWord).joined()
    if result.first?.isNumber ?? false {
      result = "value" + result.prefix(1).uppercased() + result.dropFirst()
    }
    return result
  }

  /// A word inside a camel-case name: an initialism in capitals, any other word capitalized.
  static func capitalizedWord(_ word: String) -> String {
    let lower = word.lowercased()
    if initialisms.contains(lower) { return lower.uppercased() }
    let normal = normalized(word)
    return normal.prefix(1).uppercased() + normal.dropFirst()
  }

  /// Comparison suffixes in query names, as in `StartTime<` and `StartTime>=`, are spelled out
  /// so that they stay distinct from `StartTime`; an arrow (`metadata->assistant_id`) separates.
  static func spellingComparisons(_ name: String) -> String {
    // Their bytes first: looking at every name's characters costs more than the rest of naming.
    guard name.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }),
      name.contains(where: { $0 == "<" || $0 == ">" })
    else { return name }
    return
      name
      .replacingOccurrences(of: "->", with: " ")
      .replacingOccurrences(of: "<=", with: " less than or equal ")
      .replacingOccurrences(of: ">=", with: " greater than or equal ")
      .replacingOccurrences(of: "<", with: " less than ")
      .replacingOccurrences(of: ">", with: " greater than ")
  }

  /// Digits on both sides of a separator stay apart, spelled so the name stays lowerCamelCase:
  /// `"1.8"` → `1Dot8`, `"2024-01"` → `2024Dash01`.
  static func spellingDigitSeparators(_ name: String) -> String {
    if !hasSeparatorBetweenDigits(name) { return name }
    let characters = Array(name)
    var result = ""
    for (index, character) in characters.enumerated() {
      let between =
        index > 0 && index + 1 < characters.count && characters[index - 1].isNumber
        && characters[index + 1].isNumber
      if between, let spelled = [".": "Dot", "-": "Dash", "_": "Sep", ",": "Comma"][character] {
        result += spelled
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// Whether ``spellingDigitSeparators(_:)`` has anything to spell; read on the bytes of an ASCII
  /// name (most names have no digits at all), where every byte is a character.
  private static func hasSeparatorBetweenDigits(_ name: String) -> Bool {
    let bytes = name.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
    guard bytes.count > 2 else { return false }
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    var previous2 = bytes.first!
    var previous = bytes[bytes.index(after: bytes.startIndex)]
    for byte in bytes.dropFirst(2) {
      if isDigit(previous2), isDigit(byte),
        previous == UInt8(ascii: ".") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "_")
          || previous == UInt8(ascii: ",")
      {
        return true
      }
      previous2 = previous
      previous = byte
    }
    return false
  }

  /// A property, parameter or method name, escaped when it is a keyword.
  public static func memberName(_ name: String) -> String {
    escaped(camelName(name))
  }

  /// An enum case name for a raw value: `"1.8"` → `value1Dot8`, `""` → `empty`; a signed
  /// number says its sign: `"-1"` → `minus1`, `"+1"` → `plus1`, as an integer enum's `-1` is
  /// `minus1`.
  public static func caseName(_ rawValue: String) -> String {
    if rawValue.isEmpty { return "empty" }
    if let sign = rawValue.first, sign == "-" || sign == "+", rawValue.dropFirst().first?.isNumber == true {
      return camelName((sign == "-" ? "minus " : "plus ") + rawValue.dropFirst())
    }
    let words = words(rawValue)
    if words.isEmpty {
      // Only punctuation: name it by its code points, `"+"` → `value43`.
      return "value" + rawValue.unicodeScalars.map { String($0.value) }.joined(separator: "And")
    }
    return escaped(camelName(rawValue))
  }

  private static func lowerFirst(_ word: String) -> String {
    // "URLPath" as a first word: lower the leading capitals.
    var characters = Array(word)
    var index = 0
    while index < characters.count, characters[index].isUppercase {
      let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
      if index > 0 && nextIsLower { break }
      characters[index] = Character(characters[index].lowercased())
      index += 1
    }
    return String(characters)
  }

  /// Adds backticks around a keyword.
  public static func escaped(_ identifier: String) -> String {
    keywords.contains(identifier) ? "`\(identifier)`" : identifier
  }

  /// The identifier without backticks.
  public static func unescaped(_ identifier: String) -> String {
    identifier.hasPrefix("`") ? String(identifier.dropFirst().dropLast()) : identifier
  }
}
