/// A `Codable, Hashable, Sendable` struct with a memberwise initializer.
enum StructRenderer {
  /// The runtime's `ProviderErrorBody` conformance of an error schema. It is SPI, so it lives in
  /// an `@_spi(Generated)` extension at file scope, out of the struct's public interface.
  static func renderErrorBodyConformance(
    _ declaration: StructDeclaration, format: ErrorFormat, namespace: String, into writer: inout SwiftWriter
  ) {
    let string = writer.names.spell("String")
    let conformance = writer.names.spell("ProviderErrorBody")
    writer.block("@_spi(Generated) extension \(namespace).\(declaration.name): \(conformance)") { writer in
      let paths = format.messagePaths.map(SwiftSyntax.stringLiteral).joined(separator: ", ")
      writer.line("public static let messagePaths: [\(string)] = [\(paths)]")
      writer.line(
        "public static let requestIDPath: \(string)? = \(format.requestIDPath.map(SwiftSyntax.stringLiteral) ?? "nil")")
    }
  }

  static func render(_ declaration: StructDeclaration, into writer: inout SwiftWriter) {
    writer.docComment(SwiftSyntax.paragraphs(declaration.documentation))
    let names = writer.names
    writer.block(
      "public struct \(SwiftName.ownName(declaration.name)): \(names.conformances("Codable", "Hashable", "Sendable"))"
    ) {
      writer in
      for property in declaration.properties {
        writer.blankLine()
        var extra: [String] = []
        if property.isReadOnly { extra.append("Read-only: the server sets it and ignores it in requests.") }
        if property.isWriteOnly { extra.append("Write-only: the server accepts it but never returns it.") }
        writer.docComment(SwiftSyntax.paragraphs(property.documentation, extra: extra))
        let type = SwiftSyntax.optionalType(property.type, optional: property.isOptional, in: names)
        switch property.storage {
        case .boxed(let storage):
          // A recursive schema: the value lives in a box, as a struct cannot contain itself.
          let box = names.spell("Indirect")
          if property.isDeprecated { writer.line("@available(*, deprecated)") }
          writer.block("public var \(property.swiftName): \(type)") { writer in
            writer.line(property.isOptional ? "get { \(storage)?.value }" : "get { \(storage).value }")
            writer.line(
              property.isOptional
                ? "set { \(storage) = newValue.map(\(box).init) }" : "set { \(storage) = \(box)(newValue) }")
          }
          writer.line(
            "private var \(storage): \(boxType(property, names: names))\(property.isOptional ? "?" : "")")
        case .hidden(let storage):
          // The value lives in a private stored property, so that the initializer and
          // `Codable` do not use a deprecated declaration; users still get the warning.
          writer.line("@available(*, deprecated)")
          writer.block("public var \(property.swiftName): \(type)") { writer in
            writer.line("get { \(storage) }")
            writer.line("set { \(storage) = newValue }")
          }
          writer.line("private var \(storage): \(type)")
        case .direct:
          writer.line("public var \(property.swiftName): \(type)")
        }
      }
      if let additional = declaration.additionalProperties {
        writer.blankLine()
        writer.docComment(["Members the spec does not name, kept as they were sent."])
        writer.line("public var additionalProperties: \(SwiftSyntax.type(.dictionary(additional), in: names))")
      }
      writer.blankLine()
      renderInitializer(declaration, into: &writer)
      renderCodingKeys(declaration, into: &writer)
      if declaration.additionalProperties != nil {
        writer.blankLine()
        renderDecoder(declaration, into: &writer)
        writer.blankLine()
        renderEncoder(declaration, into: &writer)
      }
      FileRenderer.renderNested(declaration.nestedTypes, into: &writer)
    }
  }

  /// A default value; on an optional, a case called `none` or `some` is written with its type,
  /// since `.none` alone is `nil`.
  private static func literal(of property: Property, _ value: LiteralValue, in names: NameScope) -> String {
    if property.isOptional, case .enumCase(let name) = value, ["none", "some"].contains(SwiftName.unescaped(name)) {
      return SwiftSyntax.type(property.type, in: names) + "." + name
    }
    return SwiftSyntax.literal(value)
  }

  /// The stored property's name: `_name` for one behind accessors.
  private static func storage(_ property: Property) -> String {
    switch property.storage {
    case .direct: property.swiftName
    case .hidden(let name), .boxed(let name): name
    }
  }

  /// `Indirect<T>`, the box of a boxed property.
  private static func boxType(_ property: Property, names: NameScope) -> String {
    "\(names.spell("Indirect"))<\(SwiftSyntax.type(property.type, in: names))>"
  }

  /// The type a stored property is decoded as: the property's own, or its box.
  private static func storedType(_ property: Property, names: NameScope) -> String {
    guard case .boxed = property.storage else { return SwiftSyntax.type(property.type, in: names) }
    return boxType(property, names: names)
  }

  /// The initializer's assignment of a parameter to its stored property.
  private static func stored(_ property: Property, names: NameScope) -> String {
    guard case .boxed = property.storage else { return property.swiftName }
    let box = names.spell("Indirect")
    return property.isOptional ? "\(property.swiftName).map(\(box).init)" : "\(box)(\(property.swiftName))"
  }

  private static func renderInitializer(_ declaration: StructDeclaration, into writer: inout SwiftWriter) {
    let names = writer.names
    var parameters = declaration.properties.map { property in
      let type = SwiftSyntax.optionalType(property.type, optional: property.isOptional, in: names)
      let defaultValue =
        property.defaultValue.map { literal(of: property, $0, in: names) } ?? (property.isOptional ? "nil" : nil)
      return "\(property.swiftName): \(type)" + (defaultValue.map { " = " + $0 } ?? "")
    }
    if let additional = declaration.additionalProperties {
      parameters.append("additionalProperties: \(SwiftSyntax.type(.dictionary(additional), in: names)) = [:]")
    }
    writer.docComment(["Creates a value from its properties."])
    if declaration.isDeprecated { writer.line("@available(*, deprecated)") }
    writer.wrappedBlock("public init", parameters, "") { writer in
      for property in declaration.properties {
        writer.line("self.\(storage(property)) = \(stored(property, names: names))")
      }
      if declaration.additionalProperties != nil {
        writer.line("self.additionalProperties = additionalProperties")
      }
    }
  }

  /// Written only where a JSON name differs from its Swift name, or where the decoder needs
  /// the list of named keys.
  private static func renderCodingKeys(_ declaration: StructDeclaration, into writer: inout SwiftWriter) {
    let needsKeys =
      declaration.additionalProperties != nil
      || declaration.properties.contains { SwiftName.unescaped(storage($0)) != $0.jsonName }
    guard needsKeys else { return }
    writer.blankLine()
    let names = writer.names
    let protocols =
      declaration.additionalProperties != nil
      ? names.conformances("String", "CodingKey", "CaseIterable") : names.conformances("String", "CodingKey")
    writer.block("enum CodingKeys: \(protocols)") { writer in
      for property in declaration.properties {
        if SwiftName.unescaped(storage(property)) == property.jsonName {
          writer.line("case \(storage(property))")
        } else {
          writer.line("case \(storage(property)) = \(SwiftSyntax.stringLiteral(property.jsonName))")
        }
      }
    }
  }

  private static func renderDecoder(_ declaration: StructDeclaration, into writer: inout SwiftWriter) {
    let names = writer.names
    renderCoding(
      "public init(from decoder: any \(names.spell("Decoder"))) throws", declaration,
      container: "let container = try decoder.container(keyedBy: CodingKeys.self)",
      unnamed: "additionalProperties = try decoder.decodeUnnamedMembers(excluding: CodingKeys.self)",
      into: &writer
    ) { property, key in
      let method = property.isOptional ? "decodeIfPresent" : "decode"
      return
        "\(storage(property)) = try container.\(method)(\(storedType(property, names: names)).self, forKey: \(key))"
    }
  }

  private static func renderEncoder(_ declaration: StructDeclaration, into writer: inout SwiftWriter) {
    renderCoding(
      "public func encode(to encoder: any \(writer.names.spell("Encoder"))) throws", declaration,
      container: "var container = encoder.container(keyedBy: CodingKeys.self)",
      unnamed: "try encoder.encodeUnnamedMembers(additionalProperties)",
      into: &writer
    ) { property, key in
      "try container.\(property.isOptional ? "encodeIfPresent" : "encode")(\(storage(property)), forKey: \(key))"
    }
  }

  /// A `Codable` member of a struct with additional properties: the keyed container, a line per
  /// property with its coding key, then the unnamed members.
  private static func renderCoding(
    _ header: String, _ declaration: StructDeclaration, container: String, unnamed: String,
    into writer: inout SwiftWriter, _ line: (Property, String) -> String
  ) {
    writer.block(header) { writer in
      if !declaration.properties.isEmpty { writer.line(container) }
      for property in declaration.properties {
        writer.line(line(property, "." + SwiftName.unescaped(storage(property))))
      }
      writer.line(unnamed)
    }
  }
}
