/// One method per operation, plus an `AsyncSequence` method for paginated ones.
enum OperationRenderer {
  /// The method's declaration, split for ``SwiftWriter/wrapped(_:_:_:open:close:)``: `func name`,
  /// its parameters (with their defaults, which a protocol requirement cannot have, unless
  /// `defaults` is false) and `async throws -> Result`. The client's method and the `API`
  /// protocol's requirement are both printed from it, so they cannot drift apart.
  ///
  /// An outcome enum is the client's member: outside the client (`inClient` false) it is
  /// written `Client.<Method>Outcome`.
  static func declaration(
    _ operation: Operation, defaults: Bool = true, inClient: Bool = true, in names: NameScope
  ) -> (head: String, parameters: [String], tail: String) {
    var returnType = operation.success.shape.body.map { SwiftSyntax.type($0.type, in: names) }
    if case .outcomes(let outcomes) = operation.success.shape {
      returnType = inClient ? outcomes.name : names.model("Client") + "." + outcomes.name
    }
    return (
      "func \(operation.swiftName)", signature(operation, defaults: defaults, in: names),
      " async throws" + (returnType.map { " -> " + $0 } ?? "")
    )
  }

  static func render(_ operation: Operation, into writer: inout SwiftWriter) {
    let names = writer.names
    let returned = operation.success.shape.body
    if case .outcomes(let outcomes) = operation.success.shape {
      renderOutcomes(outcomes, of: operation, into: &writer)
      writer.blankLine()
    }
    writer.docComment(documentation(operation, error: writer.runtimeSymbol("APIError")))
    if operation.isDeprecated { writer.line("@available(*, deprecated)") }
    let declaration = declaration(operation, in: names)
    writer.wrappedBlock("public " + declaration.head, declaration.parameters, declaration.tail) { writer in
      let streams = returned?.encoding == .binary
      let declaration =
        operation.parameters.contains { $0.location != .path } || operation.requestBody != nil || streams
          || operation.accept != nil ? "var" : "let"
      writer.wrapped(
        "\(declaration) request = \(names.spell("OperationRequest"))",
        [
          "operationID: \(SwiftSyntax.stringLiteral(operation.operationID))", "method: .\(operation.method.rawValue)",
          "path: \(pathLiteral(operation))",
        ] + (operation.serverName.map { ["defaultServerURL: \(names.model("Client")).\($0)"] } ?? []),
        "")
      for parameter in operation.parameters where parameter.location != .path {
        writer.line(parameterStatement(parameter))
      }
      if let accept = operation.accept {
        writer.wrapped("request.setHeader", ["\"Accept\"", SwiftSyntax.stringLiteral(accept)], "")
      }
      if let body = operation.requestBody {
        if body.isRequired {
          renderBody(body, into: &writer)
        } else if body.isPlainJSON {
          writer.line("if let body { try request.setBody(body) }")
        } else {
          writer.block("if let body") { renderBody(body, into: &$0) }
        }
      }
      if streams { writer.line("request.streamsResponse = true") }
      let security =
        "["
        + operation.security.map { "[" + $0.map(SwiftSyntax.stringLiteral).joined(separator: ", ") + "]" }.joined(
          separator: ", ") + "]"
      writer.line("let response = try await core.send(request, security: \(security))")
      writer.switchBlock("response.status") { writer in
        if case .outcomes(let outcomes) = operation.success.shape {
          for outcome in outcomes.cases {
            let value = outcome.body.map { ".\(outcome.swiftName)(\(decodeExpression($0, in: names)))" }
            writer.line("case \(caseLabel(outcome.status)): return \(value ?? "." + outcome.swiftName)")
          }
        } else {
          let statuses = operation.success.statuses.map(caseLabel).joined(separator: ", ")
          writer.line("case \(statuses): return" + (returned.map { " " + decodeExpression($0, in: names) } ?? ""))
        }
        renderErrorCases(operation.errorHandling, into: &writer)
      }
    }
  }

  /// The enum the method returns when its 2xx responses differ: a case per status.
  private static func renderOutcomes(
    _ outcomes: ResponseOutcomes, of operation: Operation, into writer: inout SwiftWriter
  ) {
    let names = writer.names
    writer.docComment([
      "What ``\(SwiftSyntax.symbol(operation.swiftName, labels: labels(operation)))`` returns: a case for each success status."
    ])
    let conformances =
      outcomes.isHashable ? names.conformances("Hashable", "Sendable") : names.conformances("Sendable")
    writer.block("public enum \(outcomes.name): \(conformances)") { writer in
      for outcome in outcomes.cases {
        writer.docComment(
          ["\(outcome.status.text): \(outcome.documentation.summary ?? "The response.")"])
        writer.line(
          "case \(outcome.swiftName)" + (outcome.body.map { "(\(SwiftSyntax.type($0.type, in: names)))" } ?? ""))
      }
    }
  }

  /// The labels of the method's parameters, for a symbol link.
  private static func labels(_ operation: Operation) -> [String] {
    operation.parameters.map(\.swiftName) + bodyLabels(operation)
  }

  /// The labels of the body's parameters: `body`, after `contentType` when the caller names it.
  private static func bodyLabels(_ operation: Operation) -> [String] {
    operation.requestBody.map { $0.takesContentType ? ["contentType", "body"] : ["body"] } ?? []
  }

  /// The method's parameters, leaving out `excluding` (the page parameter of a sequence).
  private static func signature(
    _ operation: Operation, excluding: String? = nil, defaults: Bool = true, in names: NameScope
  ) -> [String] {
    var parameters = operation.parameters.filter { $0.swiftName != excluding }.map { parameter in
      let optional = !parameter.isRequired
      return "\(parameter.swiftName): \(SwiftSyntax.optionalType(parameter.type, optional: optional, in: names))"
        + (optional && defaults ? " = nil" : "")
    }
    if let body = operation.requestBody {
      if body.takesContentType { parameters.append("contentType: \(names.spell("String"))") }
      let type = SwiftSyntax.optionalType(body.type, optional: !body.isRequired, in: names)
      parameters.append("body: \(type)" + (body.isRequired || !defaults ? "" : " = nil"))
    }
    return parameters
  }

  /// The statement that encodes `body` into the request, by its encoding.
  private static func renderBody(_ body: RequestBody, into writer: inout SwiftWriter) {
    let contentType = body.takesContentType ? "contentType" : SwiftSyntax.stringLiteral(body.mediaType)
    switch body.encoding {
    case .json:
      writer.line(
        body.isPlainJSON
          ? "try request.setBody(body)" : "try request.setBody(body, contentType: \(contentType))")
    case .form(let encodings): renderEncoded("try request.setFormBody", encodings, into: &writer)
    case .multipart(let encodings): renderEncoded("try request.setMultipartBody", encodings, into: &writer)
    case .text: writer.wrapped("try request.setTextBody", ["body", "contentType: \(contentType)"], "")
    case .binary: writer.wrapped("request.setBinaryBody", ["body", "contentType: \(contentType)"], "")
    }
  }

  /// `call(body, encoding: ["Tags": PropertyEncoding(style: .pipeDelimited)])`, wrapped when long.
  private static func renderEncoded(_ call: String, _ encodings: [PropertyEncoding], into writer: inout SwiftWriter) {
    guard !encodings.isEmpty else {
      writer.line(call + "(body)")
      return
    }
    let entries = encodings.map { encoding in
      var arguments: [String] = []
      if encoding.style != .form { arguments.append("style: .\(encoding.style.rawValue)") }
      let defaultExplode = encoding.style == .form || encoding.style == .deepObject
      if encoding.explode != defaultExplode { arguments.append("explode: \(encoding.explode)") }
      if let contentType = encoding.contentType {
        arguments.append("contentType: \(SwiftSyntax.stringLiteral(contentType))")
      }
      return
        "\(SwiftSyntax.stringLiteral(encoding.name)): \(writer.names.spell("PropertyEncoding"))(\(arguments.joined(separator: ", ")))"
    }
    let single = call + "(body, encoding: [" + entries.joined(separator: ", ") + "])"
    if writer.fits(single) {
      writer.line(single)
      return
    }
    writer.line(call + "(")
    writer.indent()
    writer.line("body,")
    writer.wrapped("encoding: ", entries, "", open: "[", close: "]")
    writer.outdent()
    writer.line(")")
  }

  /// How the success body is read: decoded JSON, text, or the stream.
  private static func decodeExpression(_ body: ResponseBody, in names: NameScope) -> String {
    let mediaTypes = "[" + body.mediaTypes.map(SwiftSyntax.stringLiteral).joined(separator: ", ") + "]"
    switch body.encoding {
    case .text: return "try response.decodeText(mediaTypes: \(mediaTypes))"
    case .binary: return "try response.streamedBody(mediaTypes: \(mediaTypes))"
    case .form:
      return "try response.decodeForm(\(SwiftSyntax.type(body.type, in: names)).self, mediaTypes: \(mediaTypes))"
    case .json, .multipart: return "try response.decode(\(SwiftSyntax.type(body.type, in: names)).self)"
    }
  }

  /// The method's doc comment; `error` names the runtime's error type.
  static func documentation(_ operation: Operation, error: String, inClient: Bool = true) -> [String] {
    var paragraphs = SwiftSyntax.paragraphs(operation.documentation)
    paragraphs.append("`\(operation.method.rawValue.uppercased()) \(operation.path)`")
    var parameterLines = operation.parameters.map { parameter in
      "  - \(SwiftName.unescaped(parameter.swiftName)): \(parameter.documentation.summary ?? "The `\(parameter.name)` \(parameter.location.rawValue) parameter.")"
    }
    if let body = operation.requestBody {
      if body.takesContentType {
        parameterLines.append("  - contentType: The body's media type, such as `\(body.mediaType)`.")
      }
      parameterLines.append("  - body: \(body.documentation.summary ?? "The request body.")")
    }
    var tail: [String] = []
    if !parameterLines.isEmpty {
      tail.append("- Parameters:\n" + parameterLines.joined(separator: "\n"))
    }
    switch operation.success.shape {
    case .empty: break
    case .body: tail.append("- Returns: \(operation.success.documentation.summary ?? "The decoded response.")")
    case .outcomes(let outcomes):
      let name = (inClient ? "" : "Client/") + outcomes.name
      tail.append("- Returns: The ``\(name)`` of the status the server sent.")
    }
    tail.append(
      "- Throws: \(error) for a status other than \(operation.success.statuses.map(\.text).joined(separator: ", ")), a failed request or a body that does not match the spec."
    )
    paragraphs.append(tail.joined(separator: "\n"))
    return paragraphs
  }

  /// `"/webhooks/\(webhookID)"`: path parameters are interpolated and percent-encoded.
  private static func pathLiteral(_ operation: Operation) -> String {
    let contents = operation.pathSegments.map { segment in
      switch segment {
      case .literal(let text): SwiftSyntax.escaped(text)
      case .parameter(let swiftName):
        "\\("
          + pathInterpolation(
            operation.parameters.first { $0.location == .path && $0.swiftName == swiftName }, swiftName) + ")"
      }
    }
    return "\"" + contents.joined() + "\""
  }

  /// A path parameter's interpolation: the value for the `simple` style, `matrix:` with its name
  /// or `label:` for the others, and `explode: true` for an exploded array.
  private static func pathInterpolation(_ parameter: Parameter?, _ swiftName: String) -> String {
    guard let parameter, parameter.style == .matrix || parameter.style == .label else { return swiftName }
    var value = swiftName
    if parameter.isEnum { value += parameter.isArray ? ".map(\\.rawValue)" : ".rawValue" }
    let explode = parameter.isArray && parameter.explode ? ", explode: true" : ""
    return parameter.style == .matrix
      ? "matrix: \(value), name: \(SwiftSyntax.stringLiteral(parameter.name))\(explode)"
      : "label: \(value)\(explode)"
  }

  private static func parameterStatement(_ parameter: Parameter) -> String {
    let name = SwiftSyntax.stringLiteral(parameter.name)
    let optionalChain = parameter.isRequired ? "" : "?"
    let isArray = parameter.isArray
    var value = parameter.swiftName
    if parameter.isEnum {
      value += isArray ? "\(optionalChain).map(\\.rawValue)" : "\(optionalChain).rawValue"
    }
    if parameter.isJSON {
      let method =
        switch parameter.location {
        case .query: "addQueryJSON"
        case .header: "setHeaderJSON"
        case .cookie, .path: "addCookieJSON"
        }
      return "try request.\(method)(\(name), \(value))"
    }
    switch parameter.location {
    case .query:
      if parameter.isObject {
        return
          "try request.addQueryObject(\(name), \(value), style: .\(parameter.style.rawValue), explode: \(parameter.explode))"
      }
      if isArray {
        let style = parameter.style == .form ? "" : ", style: .\(parameter.style.rawValue)"
        return "request.addQuery(\(name), \(value)\(style)" + (parameter.explode ? ")" : ", explode: false)")
      }
      return "request.addQuery(\(name), \(value))"
    case .header:
      if parameter.isObject {
        return "try request.setHeaderObject(\(name), \(value), explode: \(parameter.explode))"
      }
      if isArray {
        return "request.setHeader(\(name), \(value)\(optionalChain).map(\\.parameterText).joined(separator: \",\"))"
      }
      return "request.setHeader(\(name), \(value))"
    case .cookie:
      if parameter.isObject {
        return "try request.addCookieObject(\(name), \(value), explode: \(parameter.explode))"
      }
      if isArray {
        return "request.addCookie(\(name), \(value)" + (parameter.explode ? ")" : ", explode: false)")
      }
      return "request.addCookie(\(name), \(value))"
    case .path:
      return ""
    }
  }

  private static func caseLabel(_ status: StatusMatch) -> String {
    switch status {
    case .code(let code): String(code)
    case .range(let digit): "\(digit * 100)..<\(digit * 100 + 100)"
    case .default: "default"
    }
  }

  /// Statuses with a typed body throw with it; the others fall to `default`.
  private static func renderErrorCases(_ handling: ErrorHandling, into writer: inout SwiftWriter) {
    let names = writer.names
    func failure(_ errorBody: TypeUsage?) -> String {
      errorBody.map { "throw response.failure(errorBody: \(SwiftSyntax.type($0, in: names)).self)" }
        ?? "throw response.failure()"
    }
    for errorCase in handling.cases {
      writer.line("case \(errorCase.statuses.map(caseLabel).joined(separator: ", ")): \(failure(errorCase.errorBody))")
    }
    writer.line("default: \(failure(handling.fallbackErrorBody))")
  }

  static func renderPagination(_ pagination: Pagination, of operation: Operation, into writer: inout SwiftWriter) {
    let forwarded = operation.parameters.filter { $0.swiftName != pagination.pageParameter }
    let labels = labels(operation)
    var parameterLines = forwarded.map { parameter in
      "  - \(SwiftName.unescaped(parameter.swiftName)): \(parameter.documentation.summary ?? "The `\(parameter.name)` parameter.")"
    }
    if let body = operation.requestBody {
      parameterLines.append("  - body: \(body.documentation.summary ?? "The request body.")")
    }
    writer.docComment(
      [
        "Every item of ``\(SwiftSyntax.symbol(operation.swiftName, labels: labels))``, page after page.",
        "Each page is requested when iteration reaches it; iteration ends after the last page.",
        (parameterLines.isEmpty ? "" : "- Parameters:\n" + parameterLines.joined(separator: "\n") + "\n")
          + "- Returns: A sequence of every item; iterating it throws \(writer.runtimeSymbol("APIError")) if a page request fails.",
      ])
    let names = writer.names
    let parameters = signature(operation, excluding: pagination.pageParameter, in: names)
    let element = SwiftSyntax.type(pagination.elementType, in: names)
    let sequence = names.spell("PageSequence")
    writer.wrappedBlock("public func \(pagination.swiftName)", parameters, " -> \(sequence)<\(element)>") { writer in
      writer.line("\(sequence) { page in")
      writer.indent()
      do {
        let arguments =
          operation.parameters.map { parameter in
            parameter.swiftName == pagination.pageParameter
              ? "\(parameter.swiftName): page" : "\(parameter.swiftName): \(parameter.swiftName)"
          } + bodyLabels(operation).map { "\($0): \($0)" }
        writer.wrapped("let response = try await \(operation.swiftName)", arguments, "")
        let (items, itemsOptional) = chain(pagination.itemsPath)
        let (next, _) = chain(pagination.nextPath)
        let itemsExpression = itemsOptional ? "\(items) ?? []" : items
        let nextExpression = pagination.nextIsPageNumber ? next : "\(next) == nil ? nil : page + 1"
        writer.line("return (\(itemsExpression), \(nextExpression))")
      }
      writer.outdent()
      writer.line("}")
    }
  }

  /// `response.metadata?.nextPage`, and whether the result is optional.
  private static func chain(_ steps: [PropertyStep]) -> (String, Bool) {
    var expression = "response"
    var optional = false
    for step in steps {
      expression += (optional ? "?." : ".") + step.swiftName
      optional = optional || step.isOptional
    }
    return (expression, optional)
  }
}

extension Parameter {
  /// Whether the value is a list, which the styles write item by item.
  fileprivate var isArray: Bool {
    if case .array = type { return true }
    return false
  }
}
