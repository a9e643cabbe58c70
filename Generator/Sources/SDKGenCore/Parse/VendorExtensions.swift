import Yams

/// The `x-` keys of a spec, read straight from the YAML by the path of the object that holds
/// them.
///
/// OpenAPIKit can collect vendor extensions itself, but it does so by decoding every object's
/// whole subtree a second time, which was 40% of generation time; reading them here is free.
public struct VendorExtensions: Sendable {
  private var byPath: [[String]: [String: SpecValue]] = [:]

  init(root: Node) {
    collect(root, at: [])
  }

  private mutating func collect(_ node: Node, at path: [String]) {
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        let name = key.string ?? ""
        if name.hasPrefix("x-") {
          byPath[path, default: [:]][name] = SpecValue(value)
        } else {
          collect(value, at: path + [name])
        }
      }
    case .sequence(let sequence):
      for (index, element) in sequence.enumerated() {
        collect(element, at: path + [String(index)])
      }
    case .scalar, .alias:
      break
    }
  }

  /// The value of the extension `name` on the object at `path`, as plain Swift values
  /// (`String`, `Bool`, `Int`, `Double`, `[Any]`, `[String: Any]`), or `nil` if absent.
  public func value(_ name: String, at path: [String]) -> Any? {
    byPath[path]?[name]?.plainValue
  }
}

/// A YAML value, typed by the YAML 1.2 core schema: only `true`/`false` are booleans, and
/// YAML 1.1's `yes`, `on` and dates stay strings.
enum SpecValue: Sendable {
  case string(String)
  case bool(Bool)
  case int(Int)
  case double(Double)
  case null
  indirect case array([SpecValue])
  indirect case object([(String, SpecValue)])

  init(_ node: Node) {
    switch node {
    case .scalar(let scalar):
      self = SpecValue(scalar: scalar)
    case .mapping(let mapping):
      self = .object(mapping.map { ($0.key.string ?? "", SpecValue($0.value)) })
    case .sequence(let sequence):
      self = .array(sequence.map(SpecValue.init))
    case .alias:
      self = .null
    }
  }

  private init(scalar: Node.Scalar) {
    let text = scalar.string
    guard scalar.style == .plain || scalar.style == .any else {
      self = .string(text)
      return
    }
    switch Self.coreSchemaValue(text) {
    case .bool(let flag): self = .bool(flag)
    case .null: self = .null
    case .integer(let number): self = .int(number)
    case .double(let number): self = .double(number)
    case .string: self = .string(text)
    }
  }

  /// What a plain scalar means under the YAML 1.2 core schema.
  enum CoreSchemaValue {
    case bool(Bool)
    case null
    case integer(Int)
    case double(Double)
    case string
  }

  static func coreSchemaValue(_ text: String) -> CoreSchemaValue {
    switch text {
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case "", "~", "null", "Null", "NULL": return .null
    default: break
    }
    guard let first = text.unicodeScalars.first,
      first == "-" || first == "+" || first == "." || ("0"..."9").contains(first)
    else { return .string }
    if let integer = Int(text) { return .integer(integer) }
    if text.hasPrefix("0x"), let integer = Int(text.dropFirst(2), radix: 16) { return .integer(integer) }
    if text.hasPrefix("0o"), let integer = Int(text.dropFirst(2), radix: 8) { return .integer(integer) }
    let isDecimal = text.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
    if isDecimal, let double = Double(text), double.isFinite { return .double(double) }
    return .string
  }

  var plainValue: Any? {
    switch self {
    case .string(let text): text
    case .bool(let flag): flag
    case .int(let number): number
    case .double(let number): number
    case .null: nil
    case .array(let items): items.map { $0.plainValue as Any }
    case .object(let members):
      Dictionary(members.map { ($0.0, $0.1.plainValue as Any) }, uniquingKeysWith: { a, _ in a })
    }
  }
}
