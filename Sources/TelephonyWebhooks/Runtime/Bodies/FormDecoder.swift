import Foundation

/// Decodes an `application/x-www-form-urlencoded` body, as Twilio and SignalWire deliver their
/// webhooks (`CallSid=CA1&CallDuration=42&Digits=1+2`), into a generated `Decodable` model: the
/// inverse of ``FormEncoder``.
///
/// Each property is read from the pair named by its `CodingKeys` raw value, and its text is
/// coerced as the property's type says: integers, floating-point numbers, booleans (`true`,
/// `false`, and `True`, `False` as Twilio sends them), open enums through their raw value,
/// ``Timestamp``, `Date` (ISO 8601 or RFC 2822), `URL`, and ``JSONValue`` (as the text). A
/// repeated name is a list; an empty value (Twilio's `CallerName=`) is `nil` for an optional
/// property. A value that does not fit throws `DecodingError` with the field's name in its path.
enum FormDecoder {
  static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
    guard let pairs = pairs(in: body) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "the body is not application/x-www-form-urlencoded text"))
    }
    return try decode(type, pairs: pairs)
  }

  static func decode<T: Decodable>(_ type: T.Type, pairs: [(String, String)]) throws -> T {
    try T(from: FormObjectDecoder(fields: FormFields(pairs)))
  }

  /// The body's pairs in order, names and values decoded (`+` as a space, then `%XX`); `nil`
  /// when it is not UTF-8 or has a malformed escape. An empty body has none.
  static func pairs(in body: Data) -> [(String, String)]? {
    guard let text = String(data: body, encoding: .utf8) else { return nil }
    var pairs: [(String, String)] = []
    for item in text.split(separator: "&") where !item.isEmpty {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = decoded(parts[0]), let value = parts.count == 2 ? decoded(parts[1]) : "" else { return nil }
      pairs.append((name, value))
    }
    return pairs
  }

  /// `+` as a space, then the percent-escapes; read on the bytes, where Foundation's string
  /// search bridged every name and value.
  private static func decoded(_ text: Substring) -> String? {
    var hasEscape = false
    let spaced = String(
      decoding: text.utf8.map { byte -> UInt8 in
        if byte == UInt8(ascii: "%") { hasEscape = true }
        return byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte
      }, as: UTF8.self)
    return hasEscape ? spaced.removingPercentEncoding : spaced
  }
}

/// The values of each name, in the order the names first appear.
struct FormFields {
  private(set) var names: [String] = []
  private(set) var values: [String: [String]] = [:]

  init(_ pairs: [(String, String)]) {
    for (name, value) in pairs {
      if values[name] == nil { names.append(name) }
      values[name, default: []].append(value)
    }
  }
}

/// The whole body: an object whose members are the form's names.
private struct FormObjectDecoder: Decoder {
  let fields: FormFields
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(FormKeyedContainer(fields: fields))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw FormText.notAnObject(codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    throw FormText.notAnObject(codingPath)
  }
}

private struct FormKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let fields: FormFields
  var codingPath: [any CodingKey] { [] }
  var allKeys: [Key] { fields.names.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { fields.values[key.stringValue] != nil }

  private func values(_ key: Key) throws -> [String] {
    guard let values = fields.values[key.stringValue] else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: [], debugDescription: "the form has no \"\(key.stringValue)\""))
    }
    return values
  }

  /// An absent name, or one whose values are all empty, such as Twilio's `CallerName=`.
  func decodeNil(forKey key: Key) throws -> Bool {
    fields.values[key.stringValue]?.allSatisfy(\.isEmpty) ?? true
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try FormValueDecoder(values: values(key), codingPath: [key]).decode(type)
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

  /// The concrete requirements, through the generic one without recursion.
  private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
    try FormValueDecoder(values: values(key), codingPath: [key]).decode(type)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    throw FormText.notAnObject([key])
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try FormValueDecoder(values: values(key), codingPath: [key]).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { FormObjectDecoder(fields: fields) }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    FormValueDecoder(values: try values(key), codingPath: [key])
  }
}

/// The values of one name: a single value, or a list when the property is one.
private struct FormValueDecoder: Decoder, SingleValueDecodingContainer {
  let values: [String]
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    throw FormText.notAnObject(codingPath)
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    FormListContainer(values: values, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  func decodeNil() -> Bool { values.allSatisfy(\.isEmpty) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try FormText.coerce(values.first ?? "", to: type, codingPath: codingPath) { try T(from: self) }
  }

  func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
  func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
  func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
  func decode(_ type: Float.Type) throws -> Float { try decodeValue(type) }
  func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decodeValue(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue(type) }

  private func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    try FormText.coerce(values.first ?? "", to: type, codingPath: codingPath) {
      throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "unsupported type"))
    }
  }
}

/// A repeated name's values, one element each.
private struct FormListContainer: UnkeyedDecodingContainer {
  let values: [String]
  let codingPath: [any CodingKey]
  private(set) var currentIndex = 0

  init(values: [String], codingPath: [any CodingKey]) {
    self.values = values
    self.codingPath = codingPath
  }

  var count: Int? { values.count }
  var isAtEnd: Bool { currentIndex >= values.count }

  private mutating func next() throws -> FormValueDecoder {
    let key = ListIndex(intValue: currentIndex)
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: codingPath + [key], debugDescription: "the list has no more values"))
    }
    defer { currentIndex += 1 }
    return FormValueDecoder(values: [values[currentIndex]], codingPath: codingPath + [key])
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, values[currentIndex].isEmpty else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

  mutating func superDecoder() throws -> any Decoder { try next() }

  private struct ListIndex: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
  }
}

/// One form value's text as the type a property asks for.
private enum FormText {
  static func coerce<T: Decodable>(
    _ text: String, to type: T.Type, codingPath: [any CodingKey], otherwise: () throws -> T
  ) throws -> T {
    let value: Any?
    switch type {
    case is String.Type: value = text
    case is Bool.Type:
      value = ["true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false][text]
    case let integer as any FixedWidthInteger.Type: value = integer.init(text, radix: 10)
    case is Double.Type: value = Double(text).flatMap { $0.isFinite ? $0 : nil }
    case is Float.Type: value = Float(text).flatMap { $0.isFinite ? $0 : nil }
    case is Decimal.Type: value = text.isEmpty ? nil : Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    case is Date.Type: value = date(text)
    case is URL.Type: value = text.isEmpty ? nil : URL(string: text)
    case is JSONValue.Type: value = JSONValue.string(text)
    default: return try otherwise()
    }
    guard let value = value as? T else {
      throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(quoted(text))"))
    }
    return value
  }

  /// ISO 8601 (through ``Timestamp``), or RFC 2822 as Twilio's `Timestamp` parameter has it:
  /// `Tue, 10 Aug 2010 18:24:00 +0000`.
  private static func date(_ text: String) -> Date? {
    if let date = Timestamp(text).date() { return date }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.date(from: text)
  }

  /// The text as the error shows it: quoted, and cut short, since the sender chose it.
  private static func quoted(_ text: String) -> String {
    text.count <= 40 ? "\"\(text)\"" : "\"\(text.prefix(39))…\""
  }

  static func notAnObject(_ codingPath: [any CodingKey]) -> DecodingError {
    DecodingError.typeMismatch(
      [String: Any].self,
      .init(codingPath: codingPath, debugDescription: "a form value is text, not an object or a nested list"))
  }
}
