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
    var result = "\""
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
    return result + "\""
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
