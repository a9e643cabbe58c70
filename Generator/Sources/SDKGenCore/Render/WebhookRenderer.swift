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
          writer.blankLine()
          renderRegister(
            type: "\(namespace).\(payload)", namespace: namespace, webhooks: webhooks, into: &writer)
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
        writer.blankLine()
        renderRegister(
          type: "\(namespace).WebhookEvent", namespace: namespace, webhooks: webhooks, into: &writer)
      }
    }
  }

  /// `register(on:path:verifier:…)`: the decoder above mounted on a `ServerTransport` through the
  /// runtime's `WebhookReceiver`, which answers every delivery.
  private static func renderRegister(
    type: String, namespace: String, webhooks: Webhooks, into writer: inout SwiftWriter
  ) {
    let names = writer.names
    let string = names.spell("String")
    var parameters = [
      "on transport: any \(names.spell("ServerTransport"))", "path: \(string)",
      "verifier: \(names.spell("WebhookVerifier"))? = nil",
      "observer: (any \(names.spell("WebhookReceiverObserver")))? = nil",
    ]
    var parameterLines = [
      "  - transport: Where the route goes, such as Hummingbird's `Router` or Vapor's `VaporTransport`.",
      "  - path: The route's path, such as `/hooks/\(namespace.lowercased())`.",
      "  - verifier: The credential the subscription registered, checked before the body is read; "
        + "`nil` accepts every request.",
      "  - observer: Wraps every delivery, such as `TracingWebhookObserver()` for a span each; told how it was answered and why a rejected one was.",
    ]
    var decodeArguments = ["decoding: body", "headers: headers"]
    if webhooks.acceptsRenamedFields {
      parameters.append("renamedFields: [\(string): \(string)] = [:]")
      parameterLines.append(
        "  - renamedFields: The payload fields the subscription renamed, from the standard name to the name sent.")
      decodeArguments.append("renamedFields: renamedFields")
    }
    parameters += [
      "maximumBodySize: \(names.spell("Int")) = \(SwiftSyntax.integerLiteral(webhooks.maximumBodySize))",
      "handler: @escaping @Sendable (\(type)) async throws -> \(names.spell("Void"))",
    ]
    parameterLines += [
      "  - maximumBodySize: The longest body accepted, in bytes: \(SwiftSyntax.byteCount(webhooks.maximumBodySize)) by default.",
      "  - handler: Called once for each accepted delivery, with what it decoded to.",
    ]
    writer.docComment([
      "Receives these webhooks on a server: registers `POST path` on `transport`.",
      "Each delivery is answered 401 when `verifier` rejects it (the body unread), 413 when its body is "
        + "longer than `maximumBodySize`, 400 with a one-line reason naming \(namespace) when the body "
        + "does not decode, and then 200 when `handler` returns, or 500 when it throws, so that "
        + "\(namespace) delivers it again. No answer echoes a credential.",
      "- Parameters:\n" + parameterLines.joined(separator: "\n")
        + "\n- Throws: What the transport throws when it cannot register the route.",
    ])
    writer.wrappedBlock("public static func register", parameters, " throws") { writer in
      writer.line("let receiver = \(writer.names.spell("WebhookReceiver"))(")
      writer.indent()
      writer.line(
        "provider: \(SwiftSyntax.stringLiteral(namespace)), verifier: verifier, maximumBodySize: maximumBodySize,")
      writer.line("decode: { body, headers in try Self(\(decodeArguments.joined(separator: ", "))) },")
      writer.line("handler: handler")
      writer.outdent()
      writer.line(")")
      writer.line("try receiver.register(on: transport, path: path, observer: observer)")
    }
  }

  /// `let payload = try WebhookPayload(…)`: the body parsed once, for the decoders.
  private static func parsePayload(_ arguments: [String], into writer: inout SwiftWriter) {
    writer.wrapped("let payload = try \(writer.names.spell("WebhookPayload"))", arguments, "")
  }
}
