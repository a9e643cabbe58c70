import Foundation
import OpenAPIKit

/// Values taken from schemas: documentation, unknown formats and literal defaults.
extension ModelBuilder {
  /// The schema's title and description; a `$ref` without its own falls back to its target's.
  func documentation(_ schema: JSONSchema) -> Documentation {
    if let format = unknownFormat(schema) {
      // The type falls back to the base type; the format stays in the docs.
      let own = Documentation(summary: schema.title, details: schema.description)
      let note = "Format: `\(format)`."
      return Documentation(
        summary: own.summary ?? note,
        details: own.summary == nil ? nil : [own.details, note].compactMap { $0 }.joined(separator: "\n\n"))
    }
    let own = Documentation(summary: schema.title, details: schema.description)
    guard own.isEmpty, case .reference(let reference, _) = schema.value,
      let target = componentSchema(reference)?.schema, !target.isReference
    else { return own }
    return Documentation(summary: target.title, details: target.description)
  }

  /// A `format` that has no Swift type of its own, such as `e164` or `seconds`.
  func unknownFormat(_ schema: JSONSchema) -> String? {
    let known: Set<String> = [
      "", "date-time", "uri", "url", "uuid", "password", "binary", "byte", "int32", "int64", "float", "double",
    ]
    let format: String?
    switch schema.value {
    case .string(let core, _): format = core.formatString
    case .integer(let core, _): format = core.formatString
    case .number(let core, _): format = core.formatString
    default: format = nil
    }
    guard let format, !known.contains(format) else { return nil }
    return format
  }

  /// A `default` value as a literal of `type`, or a warning when it cannot be one.
  func literal(_ value: AnyCodable?, for type: TypeUsage, path: [String]) -> LiteralValue? {
    guard let value else { return nil }
    func convert(_ raw: Any?, _ type: TypeUsage) -> LiteralValue? {
      switch (type, raw) {
      case (_, Optional<Any>.none): return .null
      case (.builtin(.string), let text as String), (.builtin(.timestamp), let text as String),
        (.builtin(.secret), let text as String):
        return .string(text)
      case (.builtin(.int), let number as Int), (.builtin(.int32), let number as Int),
        (.builtin(.int64), let number as Int):
        return .int(number)
      case (.builtin(.double), let number as Double), (.builtin(.float), let number as Double):
        return .double(number)
      case (.builtin(.double), let number as Int), (.builtin(.float), let number as Int):
        return .double(Double(number))
      case (.builtin(.bool), let flag as Bool):
        return .bool(flag)
      case (.array(let element), let list as [Any]):
        let items = list.map { convert($0, element) }
        return items.contains(nil) ? nil : .array(items.compactMap { $0 })
      case (.named(let name), let raw?):
        guard case .enumeration(let declaration)? = declarations[name]?.declaration else {
          if case .alias(let alias)? = declarations[name]?.declaration { return convert(raw, alias.type) }
          return nil
        }
        let match = declaration.cases.first { enumCase in
          switch (enumCase.rawValue, raw) {
          case (.string(let a), let b as String): a == b
          case (.int(let a), let b as Int): a == b
          default: false
          }
        }
        return match.map { .enumCase($0.swiftName) }
      default:
        return nil
      }
    }
    guard let literal = convert(value.value, type) else {
      warning("the default value is not supported for this type and is ignored", key: path)
      return nil
    }
    return literal
  }
}
