/// String and integer enums: open ones keep an `unknown` case, frozen ones are plain.
enum EnumRenderer {
  static func render(_ declaration: EnumDeclaration, into writer: inout SwiftWriter) {
    var docs = SwiftSyntax.paragraphs(declaration.documentation)
    if !declaration.isFrozen {
      docs.append(
        declaration.isDocumentedAsExtensible
          ? "The provider adds values over time: a value this SDK does not know decodes as ``unknown(_:)`` and encodes back unchanged."
          : "A value this SDK does not know decodes as ``unknown(_:)`` and encodes back unchanged.")
    }
    writer.docComment(docs)
    if declaration.isDeprecated { writer.line("@available(*, deprecated)") }
    let names = writer.names
    let raw = names.spell(declaration.rawType.rawValue)
    if declaration.isFrozen {
      let conformances = names.conformances("Codable", "Hashable", "Sendable", "CaseIterable")
      writer.block("public enum \(SwiftName.ownName(declaration.name)): \(raw), \(conformances)") { writer in
        for enumCase in declaration.cases {
          writer.docComment(SwiftSyntax.paragraphs(enumCase.documentation))
          let literal = SwiftSyntax.literal(enumCase.rawValue)
          let implicit =
            declaration.rawType == .string
            && SwiftSyntax.stringLiteral(SwiftName.unescaped(enumCase.swiftName)) == literal
          writer.line("case \(enumCase.swiftName)" + (implicit ? "" : " = \(literal)"))
        }
      }
      return
    }
    writer.block("public enum \(SwiftName.ownName(declaration.name)): \(names.spell("OpenEnum"))") { writer in
      for enumCase in declaration.cases {
        writer.docComment(SwiftSyntax.paragraphs(enumCase.documentation))
        writer.line("case \(enumCase.swiftName)")
      }
      writer.docComment(["A value this SDK does not know, kept as it was sent."])
      writer.line("case unknown(\(raw))")
      writer.blankLine()
      renderSwitch(
        "public init(rawValue: \(raw))", on: "rawValue", declaration.cases,
        otherwise: "default: self = .unknown(rawValue)", into: &writer
      ) { "case \(SwiftSyntax.literal($0.rawValue)): self = .\($0.swiftName)" }
      writer.blankLine()
      renderSwitch(
        "public var rawValue: \(raw)", on: "self", declaration.cases, otherwise: "case .unknown(let value): value",
        into: &writer
      ) { "case .\($0.swiftName): \(SwiftSyntax.literal($0.rawValue))" }
    }
  }

  /// `header { switch subject { … } }` with a line per case, then `otherwise`.
  private static func renderSwitch(
    _ header: String, on subject: String, _ cases: [EnumCase], otherwise: String, into writer: inout SwiftWriter,
    _ line: (EnumCase) -> String
  ) {
    writer.block(header) { writer in
      writer.switchBlock(subject) { writer in
        for enumCase in cases { writer.line(line(enumCase)) }
        writer.line(otherwise)
      }
    }
  }
}

/// `oneOf` and `anyOf`: an enum with a case per schema, decoded by the discriminator when there
/// is one and otherwise by trying each schema in order.
enum OneOfRenderer {
  static func render(_ declaration: OneOfDeclaration, into writer: inout SwiftWriter) {
    var docs = SwiftSyntax.paragraphs(declaration.documentation)
    if let discriminator = declaration.discriminator {
      docs.append("Chosen by `\(discriminator)`; a value this SDK does not know decodes as ``unknown(_:)``.")
    }
    writer.docComment(docs)
    if declaration.isDeprecated { writer.line("@available(*, deprecated)") }
    let names = writer.names
    let indirect = declaration.isIndirect ? "indirect " : ""
    writer.block(
      "public \(indirect)enum \(SwiftName.ownName(declaration.name)): \(names.conformances("Codable", "Hashable", "Sendable"))"
    ) {
      writer in
      for oneOfCase in declaration.cases {
        writer.line("case \(oneOfCase.swiftName)(\(SwiftSyntax.type(oneOfCase.type, in: names)))")
      }
      if declaration.discriminator != nil {
        writer.docComment(["A kind this SDK does not know, with the whole value."])
        writer.line("case unknown(\(names.spell("JSONValue")))")
      }
      writer.blankLine()
      writer.block("public init(from decoder: any \(names.spell("Decoder"))) throws") { writer in
        if let discriminator = declaration.discriminator {
          writer.switchBlock("try decoder.discriminatorValue(\(SwiftSyntax.stringLiteral(discriminator)))") { writer in
            for oneOfCase in declaration.cases {
              let values = oneOfCase.discriminatorValues.map(SwiftSyntax.stringLiteral).joined(separator: ", ")
              writer.line(
                "case \(values): self = .\(oneOfCase.swiftName)(try \(SwiftSyntax.type(oneOfCase.type, in: names))(from: decoder))"
              )
            }
            writer.line("default: self = .unknown(try \(names.spell("JSONValue"))(from: decoder))")
          }
        } else {
          for (index, oneOfCase) in declaration.cases.enumerated() {
            let keyword = index == 0 ? "if" : "} else if"
            writer.line("\(keyword) let value = try? \(SwiftSyntax.type(oneOfCase.type, in: names))(from: decoder) {")
            writer.indent()
            writer.line("self = .\(oneOfCase.swiftName)(value)")
            writer.outdent()
          }
          writer.line(declaration.cases.isEmpty ? "do {" : "} else {")
          writer.indent()
          writer.line("throw decoder.noMatchingSchema(\(SwiftSyntax.stringLiteral(declaration.name)))")
          writer.outdent()
          writer.line("}")
        }
      }
      writer.blankLine()
      writer.block("public func encode(to encoder: any \(names.spell("Encoder"))) throws") { writer in
        writer.switchBlock("self") { writer in
          for oneOfCase in declaration.cases {
            writer.line("case .\(oneOfCase.swiftName)(let value): try value.encode(to: encoder)")
          }
          if declaration.discriminator != nil {
            writer.line("case .unknown(let value): try value.encode(to: encoder)")
          }
        }
      }
      FileRenderer.renderNested(declaration.nestedTypes, into: &writer)
    }
  }
}
