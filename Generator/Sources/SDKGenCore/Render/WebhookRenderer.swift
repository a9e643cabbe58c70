/// Incoming webhooks: an event enum that dispatches on the discriminator, and a decoder on each
/// payload type outside it.
enum WebhookRenderer {
  /// What a decoder and its `register` print: the type, its webhooks' encodings and answer.
  struct Route {
    var type: String
    var formats: [WebhookFormat]
    var answer: ResponseBody?
  }

  static func render(_ webhooks: Webhooks, namespace: String, into writer: inout SwiftWriter) {
    let names = writer.names
    let string = names.spell("String")
    for decoder in webhooks.payloadDecoders {
      writer.blankLine()
      let keys = decoder.keys.map { "`\($0)`" }
      let route = Route(type: "\(namespace).\(decoder.payloadType)", formats: decoder.formats, answer: decoder.answer)
      writer.block("extension \(namespace).\(decoder.payloadType)") { writer in
        writer.docComment([
          "Decodes the body of a webhook request \(namespace) sends for \(keys.joined(separator: ", ")).",
          decodingDocs(route, webhooks: webhooks, namespace: namespace, writer: writer),
        ])
        writer.wrappedBlock("public init", decodingParameters(webhooks, writer: writer), " throws") { writer in
          parsePayload(route, webhooks: webhooks, namespace: namespace, into: &writer)
          writer.line("self = try payload.decode(Self.self)")
        }
        writer.blankLine()
        renderRegister(route, namespace: namespace, webhooks: webhooks, into: &writer)
      }
    }
    guard let path = webhooks.discriminator else { return }
    let discriminator = path.joined(separator: ".")
    let route = Route(type: "\(namespace).WebhookEvent", formats: webhooks.eventFormats, answer: webhooks.eventAnswer)
    writer.blankLine()
    writer.block("extension \(namespace)") { writer in
      writer.docComment([
        "An event \(namespace) POSTs to a subscriber, chosen by its `\(discriminator)`.",
        "An event whose `\(discriminator)` this SDK does not know decodes as ``unknown(_:_:)``, with the whole payload, so a new event never breaks a deployed receiver.",
      ])
      writer.block("public enum WebhookEvent: \(names.conformances("Hashable", "Sendable"))") { writer in
        for event in webhooks.enumEvents {
          let values = event.values.map { "`\($0)`" }.joined(separator: ", ")
          writer.docComment(SwiftSyntax.paragraphs(event.documentation, extra: ["`\(discriminator)`: \(values)."]))
          writer.line("case \(event.swiftName)(\(event.payloadType))")
        }
        writer.docComment(["An event this SDK does not know: its `\(discriminator)` and the whole payload."])
        writer.line("case unknown(\(string), \(names.spell("JSONValue")))")
        writer.blankLine()
        writer.docComment([
          "Decodes the body of a webhook request.",
          decodingDocs(route, webhooks: webhooks, namespace: namespace, writer: writer),
        ])
        writer.wrappedBlock("public init", decodingParameters(webhooks, writer: writer), " throws") { writer in
          parsePayload(route, webhooks: webhooks, namespace: namespace, into: &writer)
          let read =
            path.count == 1 && !path[0].contains(".")
            ? "discriminator(\(SwiftSyntax.stringLiteral(path[0])))"
            : "discriminator(at: [\(path.map(SwiftSyntax.stringLiteral).joined(separator: ", "))])"
          writer.switchBlock("try payload.\(read)") { writer in
            for event in webhooks.enumEvents {
              writer.line("case \(event.values.map(SwiftSyntax.stringLiteral).joined(separator: ", ")):")
              writer.indent()
              writer.line("self = .\(event.swiftName)(try payload.decode(\(event.payloadType).self))")
              writer.outdent()
            }
            writer.line("case let other: self = .unknown(other, payload.json)")
          }
        }
        writer.blankLine()
        renderRegister(route, namespace: namespace, webhooks: webhooks, into: &writer)
      }
    }
  }

  /// `decoding body: Data, headers: HTTPFields = [:]`, and the renames where subscriptions make them.
  private static func decodingParameters(_ webhooks: Webhooks, writer: SwiftWriter) -> [String] {
    let names = writer.names
    let string = names.spell("String")
    return ["decoding body: \(names.spell("Data"))", "headers: \(names.spell("HTTPFields")) = [:]"]
      + (webhooks.acceptsRenamedFields ? ["renamedFields: [\(string): \(string)] = [:]"] : [])
  }

  /// The decoder's parameters and what it throws.
  private static func decodingDocs(_ route: Route, webhooks: Webhooks, namespace: String, writer: SwiftWriter)
    -> String
  {
    let accepted = route.formats.map { $0 == .json ? "JSON" : "`application/x-www-form-urlencoded`" }
    var lines = [
      "  - body: The request body.",
      "  - headers: The request headers; a `Content-Type` other than \(accepted.joined(separator: " or ")) is rejected.",
    ]
    if webhooks.acceptsRenamedFields {
      lines.append(
        "  - renamedFields: The payload fields the subscription renamed, from the standard name to "
          + "the name sent, as configured (`before` to `after`).")
    }
    let body =
      route.formats == [.json] ? "a JSON object" : route.formats == [.form] ? "a form" : "a JSON object or a form"
    return "- Parameters:\n" + lines.joined(separator: "\n")
      + "\n- Throws: \(writer.runtimeSymbol("WebhookDecodingError")) naming \(namespace) when the body is not \(body) or "
      + "does not match its payload type."
  }

  /// `register(on:path:verifier:…)`: the decoder above mounted on a `ServerTransport` through the
  /// runtime's `WebhookReceiver`, which answers every delivery.
  private static func renderRegister(
    _ route: Route, namespace: String, webhooks: Webhooks, into writer: inout SwiftWriter
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
      "  - verifier: The credential the subscription registered, checked before the body is read, or the "
        + "signature scheme it signs with, checked after; `nil` accepts every request.",
      "  - observer: Wraps every delivery, such as `TracingWebhookObserver()` for a span each; told how it was answered and why a rejected one was.",
    ]
    var decodeArguments = ["decoding: body", "headers: headers"]
    if webhooks.acceptsRenamedFields {
      parameters.append("renamedFields: [\(string): \(string)] = [:]")
      parameterLines.append(
        "  - renamedFields: The payload fields the subscription renamed, from the standard name to the name sent.")
      decodeArguments.append("renamedFields: renamedFields")
    }
    let returned = route.answer.map { SwiftSyntax.type($0.type, in: names) } ?? names.spell("Void")
    let mediaType = route.answer?.mediaTypes.first ?? "application/json"
    parameters += [
      "maximumBodySize: \(names.spell("Int")) = \(SwiftSyntax.integerLiteral(webhooks.maximumBodySize))",
      "handler: @escaping @Sendable (\(route.type)) async throws -> \(returned)",
    ]
    parameterLines += [
      "  - maximumBodySize: The longest body accepted, in bytes: \(SwiftSyntax.byteCount(webhooks.maximumBodySize)) by default.",
      "  - handler: Called once for each accepted delivery, with what it decoded to"
        + (route.answer == nil ? "." : "; what it returns is the answer, sent as `\(mediaType)`."),
    ]
    writer.docComment([
      "Receives these webhooks on a server: registers `POST path` on `transport`.",
      "Each delivery is answered 401 when a static-credential `verifier` rejects it (the body unread), 413 when "
        + "its body is longer than `maximumBodySize`, 401 when a signature `verifier` rejects it (after reading "
        + "the body it covers), 400 with a one-line reason naming \(namespace) when the body does not decode, "
        + "and then 200 when `handler` returns\(route.answer == nil ? "" : ", with its value as the body"), or 500 "
        + "when it throws, so that \(namespace) delivers it again. No answer echoes a credential.",
      "- Parameters:\n" + parameterLines.joined(separator: "\n")
        + "\n- Throws: What the transport throws when it cannot register the route.",
    ])
    writer.wrappedBlock("public static func register", parameters, " throws") { writer in
      writer.line("let receiver = \(writer.names.spell("WebhookReceiver"))(")
      writer.indent()
      writer.line(
        "provider: \(SwiftSyntax.stringLiteral(namespace)), verifier: verifier, maximumBodySize: maximumBodySize,")
      writer.line("decode: { body, headers in try Self(\(decodeArguments.joined(separator: ", "))) },")
      if let answer = route.answer {
        let literal = SwiftSyntax.stringLiteral(mediaType)
        let encoding =
          answer.encoding == .json
          ? (mediaType == "application/json" ? "json()" : "json(\(literal))") : "text(\(literal))"
        writer.line("handler: handler, answer: .\(encoding)")
      } else {
        writer.line("handler: handler")
      }
      writer.outdent()
      writer.line(")")
      writer.line("try receiver.register(on: transport, path: path, observer: observer)")
    }
  }

  /// `let payload = try WebhookPayload(…)`: the body parsed once, for the decoders.
  private static func parsePayload(
    _ route: Route, webhooks: Webhooks, namespace: String, into writer: inout SwiftWriter
  ) {
    var arguments = ["provider: \(SwiftSyntax.stringLiteral(namespace))", "body: body", "headers: headers"]
    if route.formats != [.json] {
      arguments.append("accepting: [\(route.formats.map { "." + $0.rawValue }.joined(separator: ", "))]")
    }
    if webhooks.acceptsRenamedFields { arguments.append("renamedFields: renamedFields") }
    writer.wrapped("let payload = try \(writer.names.spell("WebhookPayload"))", arguments, "")
  }
}
