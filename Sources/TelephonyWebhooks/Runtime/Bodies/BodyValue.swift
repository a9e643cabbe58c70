import Foundation

/// A generated model as form and multipart bodies and styled query parameters see it: text,
/// numbers and booleans at the leaves, files, lists and objects in the order they were encoded.
indirect enum BodyValue: Sendable, Equatable {
  case string(String)
  /// A number, already written as text (`3`, `2.5`).
  case number(String)
  case bool(Bool)
  case file(MultipartFile)
  case list([BodyValue])
  case object([Member])
  case null

  struct Member: Sendable, Equatable {
    var name: String
    var value: BodyValue
  }

  /// The leaf as text: `true`/`false` for booleans, the bytes of a file as UTF-8.
  var text: String? {
    switch self {
    case .string(let text), .number(let text): text
    case .bool(let value): value ? "true" : "false"
    case .file(let file): String(decoding: file.data, as: UTF8.self)
    case .list, .object, .null: nil
    }
  }

  /// The value as JSON text, members in the order they were encoded, for a part or property
  /// whose `encoding` says `application/json`.
  var json: Data {
    get throws { Data(try jsonText.utf8) }
  }

  private var jsonText: String {
    get throws {
      switch self {
      case .string(let text): return String(decoding: try JSONCoding.encoder.encode(text), as: UTF8.self)
      case .number(let text): return text
      case .bool(let value): return value ? "true" : "false"
      case .file(let file): return "\"" + file.data.base64EncodedString() + "\""
      case .null: return "null"
      case .list(let items): return "[" + (try items.map { try $0.jsonText }).joined(separator: ",") + "]"
      case .object(let members):
        let pairs = try members.map { try BodyValue.string($0.name).jsonText + ":" + $0.value.jsonText }
        return "{" + pairs.joined(separator: ",") + "}"
      }
    }
  }

  /// Captures `value` as it encodes itself, the way `JSONEncoder` would see it: dates as ISO
  /// 8601, URLs as their text, nil optionals left out. A number that is not finite throws
  /// `EncodingError.invalidValue` with the path of the property.
  static func capture(_ value: some Encodable) throws -> BodyValue {
    let node = BodyValueNode()
    try node.store(value, codingPath: [])
    return node.value
  }

  /// The members of `value`, captured as ``capture(_:)`` does, for a body whose parts are the
  /// properties of an object; `bodyKind` names the body in the error any other value throws.
  static func captureMembers(of value: some Encodable, bodyKind: String) throws -> [Member] {
    guard case .object(let members) = try capture(value) else {
      throw EncodingError.invalidValue(
        String(describing: type(of: value)),
        .init(codingPath: [], debugDescription: "a \(bodyKind) body must be an object with properties"))
    }
    return members
  }
}

/// The value being built at one coding path.
private final class BodyValueNode {
  enum Content {
    case empty
    case leaf(BodyValue)
    case keyed([(String, BodyValueNode)])
    case unkeyed([BodyValueNode])
  }

  var content = Content.empty

  var value: BodyValue {
    switch content {
    case .empty: .null
    case .leaf(let value): value
    case .keyed(let members): .object(members.map { BodyValue.Member(name: $0.0, value: $0.1.value) })
    case .unkeyed(let items): .list(items.map(\.value))
    }
  }

  func child(forKey key: String) -> BodyValueNode {
    let node = BodyValueNode()
    if case .keyed(var members) = content {
      members.removeAll { $0.0 == key }
      members.append((key, node))
      content = .keyed(members)
    } else {
      content = .keyed([(key, node)])
    }
    return node
  }

  func appendChild() -> BodyValueNode {
    let node = BodyValueNode()
    if case .unkeyed(var items) = content {
      items.append(node)
      content = .unkeyed(items)
    } else {
      content = .unkeyed([node])
    }
    return node
  }

  func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: content = .leaf(.string(text))
    case let flag as Bool: content = .leaf(.bool(flag))
    case let number as any BinaryInteger: content = .leaf(.number(String(describing: number)))
    case let number as Double: content = .leaf(.number(try Self.finite(number, value, codingPath)))
    case let number as Float: content = .leaf(.number(try Self.finite(Double(number), value, codingPath)))
    case let file as MultipartFile: content = .leaf(.file(file))
    case let url as URL: content = .leaf(.string(url.absoluteString))
    case let date as Date: content = .leaf(.string(date.formatted(.iso8601)))
    case let data as Data: content = .leaf(.string(data.base64EncodedString()))
    case let decimal as Decimal: content = .leaf(.number(decimal.description))
    default: try value.encode(to: BodyValueEncoder(node: self, codingPath: codingPath))
    }
  }

  private static func finite(_ number: Double, _ value: some Encodable, _ codingPath: [any CodingKey]) throws
    -> String
  {
    guard number.isFinite else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: codingPath, debugDescription: "\(number) is not a finite number"))
    }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }
}

private struct BodyValueEncoder: Encoder {
  let node: BodyValueNode
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .keyed = node.content {} else { node.content = .keyed([]) }
    return KeyedEncodingContainer(KeyedContainer(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
    return UnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleValueContainer(node: node, codingPath: codingPath)
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: BodyValueNode
  var codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .leaf(.null) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try node.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = node.child(forKey: key.stringValue)
    return BodyValueEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = node.child(forKey: key.stringValue)
    return BodyValueEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    BodyValueEncoder(node: node, codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    BodyValueEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
  }
}

private struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { String(intValue ?? 0) }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let node: BodyValueNode
  var codingPath: [any CodingKey]
  var count: Int {
    if case .unkeyed(let items) = node.content { return items.count }
    return 0
  }

  mutating func encodeNil() throws { node.appendChild().content = .leaf(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let path = codingPath + [IndexKey(count)]
    try node.appendChild().store(value, codingPath: path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let path = codingPath + [IndexKey(count)]
    return BodyValueEncoder(node: node.appendChild(), codingPath: path).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = codingPath + [IndexKey(count)]
    return BodyValueEncoder(node: node.appendChild(), codingPath: path).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    BodyValueEncoder(node: node.appendChild(), codingPath: codingPath + [IndexKey(count)])
  }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
  let node: BodyValueNode
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.content = .leaf(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.store(value, codingPath: codingPath)
  }
}
