/// Incoming webhooks: an event enum that dispatches on the discriminator, or a decoder on each
/// payload type when the payloads carry none.
enum WebhookRenderer {
  static func render(_ webhooks: Webhooks, namespace: String, into writer: inout SwiftWriter) {
    let renames = webhooks.acceptsRenamedFields
    let names = writer.names
    let string = names.spell("String")
    var decodingParameters = ["decoding body: \(names.spell("Data"))", "headers: \(names.spell("HTTPFields")) = [:]"]
    var parameterLines = [
      "  - body: The request body.",
      "  - headers: The request headers; a `Content-Type` other than JSON is rejected.",
    ]
    if renames {
      decodingParameters.append("renamedFields: [\(string): \(string)] = [:]")
      parameterLines.append(
        "  - renamedFields: The payload fields the subscription renamed, from the standard name to "
          + "the name sent, as configured (`before` to `after`).")
    }
    let parameterDocs =
      "- Parameters:\n" + parameterLines.joined(separator: "\n")
      + "\n- Throws: \(writer.runtimeSymbol("WebhookDecodingError")) naming \(namespace) when the body is not a JSON object or "
      + "does not match its payload type."
    let payloadArguments =
      ["provider: \(SwiftSyntax.stringLiteral(namespace))", "body: body", "headers: headers"]
      + (renames ? ["renamedFields: renamedFields"] : [])
    guard let discriminator = webhooks.discriminator else {
      for payload in webhooks.payloadTypes {
        let keys = webhooks.events.filter { $0.payloadType == payload }.map { "`\($0.key)`" }
        writer.block("extension \(namespace).\(payload)") { writer in
          writer.docComment([
            "Decodes the body of a webhook request \(namespace) sends for \(keys.joined(separator: ", ")).",
            parameterDocs,
          ])
          writer.wrappedBlock("public init", decodingParameters, " throws") { writer in
            parsePayload(payloadArguments, into: &writer)
            writer.line("self = try payload.decode(Self.self)")
          }
        }
      }
      return
    }
    writer.block("extension \(namespace)") { writer in
      writer.docComment([
        "An event \(namespace) POSTs to a subscriber, chosen by its `\(discriminator)`.",
        "An event whose `\(discriminator)` this SDK does not know decodes as ``unknown(_:_:)``, with the whole payload, so a new event never breaks a deployed receiver.",
      ])
      writer.block("public enum WebhookEvent: \(names.conformances("Hashable", "Sendable"))") { writer in
        for event in webhooks.events {
          writer.docComment(SwiftSyntax.paragraphs(event.documentation, extra: ["`\(discriminator)`: `\(event.key)`."]))
          writer.line("case \(event.swiftName)(\(event.payloadType))")
        }
        writer.docComment(["An event this SDK does not know: its `\(discriminator)` and the whole payload."])
        writer.line("case unknown(\(string), \(names.spell("JSONValue")))")
        writer.blankLine()
        writer.docComment(["Decodes the body of a webhook request.", parameterDocs])
        writer.wrappedBlock("public init", decodingParameters, " throws") { writer in
          parsePayload(payloadArguments, into: &writer)
          writer.switchBlock("try payload.discriminator(\(SwiftSyntax.stringLiteral(discriminator)))") { writer in
            for event in webhooks.events {
              writer.line("case \(SwiftSyntax.stringLiteral(event.key)):")
              writer.indent()
              writer.line("self = .\(event.swiftName)(try payload.decode(\(event.payloadType).self))")
              writer.outdent()
            }
            writer.line("case let other: self = .unknown(other, payload.json)")
          }
        }
      }
    }
  }

  /// `let payload = try WebhookPayload(…)`: the body parsed once, for the decoders.
  private static func parsePayload(_ arguments: [String], into writer: inout SwiftWriter) {
    writer.wrapped("let payload = try \(writer.names.spell("WebhookPayload"))", arguments, "")
  }
}
