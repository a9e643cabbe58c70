import Foundation

/// How model values are spelled in Swift.
enum SwiftSyntax {
  static func type(_ usage: TypeUsage, in names: NameScope) -> String {
    switch usage {
    case .builtin(let builtin): names.spell(builtin.rawValue)
    case .named(let name): names.model(name)
    case .array(let element): "[\(type(element, in: names))]"
    case .dictionary(let value): "[\(names.spell("String")): \(type(value, in: names))]"
    }
  }

  static func optionalType(_ usage: TypeUsage, optional: Bool, in names: NameScope) -> String {
    optional ? type(usage, in: names) + "?" : type(usage, in: names)
  }

  static func literal(_ value: LiteralValue) -> String {
    switch value {
    case .string(let text): stringLiteral(text)
    case .int(let number): String(number)
    case .double(let number): String(number)
    case .bool(let flag): flag ? "true" : "false"
    case .null: "nil"
    case .enumCase(let name): "." + name
    case .array(let items): "[" + items.map(literal).joined(separator: ", ") + "]"
    }
  }

  static func stringLiteral(_ text: String) -> String {
    "\"" + escaped(text) + "\""
  }

  /// The text as it is written between a string literal's quotes.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20: result += "\\u{\(String(scalar.value, radix: 16))}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// An integer with its digits grouped in threes: `1_048_576`.
  static func integerLiteral(_ value: Int) -> String {
    var digits = String(value.magnitude)
    var groups: [Substring] = []
    while digits.count > 3 {
      groups.insert(digits.suffix(3), at: 0)
      digits.removeLast(3)
    }
    groups.insert(Substring(digits), at: 0)
    return (value < 0 ? "-" : "") + groups.joined(separator: "_")
  }

  /// A size for a reader: `1 MiB`, `64 KiB`, or `1000 bytes`.
  static func byteCount(_ bytes: Int) -> String {
    if bytes > 0, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MiB" }
    if bytes > 0, bytes % 1_024 == 0 { return "\(bytes / 1_024) KiB" }
    return "\(bytes) bytes"
  }

  /// Doc comment paragraphs for a model element.
  static func paragraphs(_ documentation: Documentation, extra: [String] = []) -> [String] {
    [documentation.summary, documentation.details].compactMap { $0 } + extra
  }

  /// `init(decoding:headers:)` style names for doc links: `listWebhooks(type:page:)`.
  static func symbol(_ name: String, labels: [String]) -> String {
    SwiftName.unescaped(name) + "(" + labels.map { SwiftName.unescaped($0) + ":" }.joined() + ")"
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
  }
}
