/// One method per operation, plus an `AsyncSequence` method for paginated ones.
enum OperationRenderer {
  static func render(_ operation: Operation, into writer: inout SwiftWriter) {
    let returnType = operation.success.type.map(SwiftSyntax.type)
    writer.docComment(documentation(operation, error: writer.runtimeSymbol("APIError")))
    if operation.isDeprecated { writer.line("@available(*, deprecated)") }
    writer.wrappedBlock(
      "public func \(operation.swiftName)", signature(operation),
      " async throws" + (returnType.map { " -> " + $0 } ?? "")
    ) { writer in
      let declaration =
        operation.parameters.contains { $0.location != .path } || operation.requestBody != nil ? "var" : "let"
      writer.wrapped(
        "\(declaration) request = OperationRequest",
        [
          "operationID: \(SwiftSyntax.stringLiteral(operation.operationID))", "method: .\(operation.method.rawValue)",
          "path: \(pathLiteral(operation))",
        ],
        "")
      for parameter in operation.parameters where parameter.location != .path {
        writer.line(parameterStatement(parameter))
      }
      if let body = operation.requestBody {
        writer.line(body.isRequired ? "try request.setBody(body)" : "if let body { try request.setBody(body) }")
      }
      let security =
        "["
        + operation.security.map { "[" + $0.map(SwiftSyntax.stringLiteral).joined(separator: ", ") + "]" }.joined(
          separator: ", ") + "]"
      writer.line("let response = try await core.send(request, security: \(security))")
      writer.switchBlock("response.status") { writer in
        let statuses = operation.success.statuses.map(caseLabel).joined(separator: ", ")
        writer.line("case \(statuses): return" + (returnType.map { " try response.decode(\($0).self)" } ?? ""))
        renderErrorCases(operation.errors, into: &writer)
      }
    }
  }

  /// The method's parameters, leaving out `excluding` (the page parameter of a sequence).
  private static func signature(_ operation: Operation, excluding: String? = nil) -> [String] {
    var parameters = operation.parameters.filter { $0.swiftName != excluding }.map { parameter in
      let optional = !parameter.isRequired
      return "\(parameter.swiftName): \(SwiftSyntax.optionalType(parameter.type, optional: optional))"
        + (optional ? " = nil" : "")
    }
    if let body = operation.requestBody {
      parameters.append(
        "body: \(SwiftSyntax.optionalType(body.type, optional: !body.isRequired))" + (body.isRequired ? "" : " = nil"))
    }
    return parameters
  }

  /// The method's doc comment; `error` names the runtime's error type.
  private static func documentation(_ operation: Operation, error: String) -> [String] {
    var paragraphs = SwiftSyntax.paragraphs(operation.documentation)
    paragraphs.append("`\(operation.method.rawValue.uppercased()) \(operation.path)`")
    var parameterLines = operation.parameters.map { parameter in
      "  - \(SwiftName.unescaped(parameter.swiftName)): \(parameter.documentation.summary ?? "The `\(parameter.name)` \(parameter.location.rawValue) parameter.")"
    }
    if let body = operation.requestBody {
      parameterLines.append("  - body: \(body.documentation.summary ?? "The request body.")")
    }
    var tail: [String] = []
    if !parameterLines.isEmpty {
      tail.append("- Parameters:\n" + parameterLines.joined(separator: "\n"))
    }
    if operation.success.type != nil {
      tail.append("- Returns: \(operation.success.documentation.summary ?? "The decoded response.")")
    }
    tail.append(
      "- Throws: \(error) for a status other than \(operation.success.statuses.map(\.text).joined(separator: ", ")), a failed request or a body that does not match the spec."
    )
    paragraphs.append(tail.joined(separator: "\n"))
    return paragraphs
  }

  /// `"/webhooks/\(webhookID)"`: path parameters are interpolated and percent-encoded.
  private static func pathLiteral(_ operation: Operation) -> String {
    var result = operation.path
    for parameter in operation.parameters where parameter.location == .path {
      result = result.replacingOccurrences(of: "{\(parameter.name)}", with: "\\(\(parameter.swiftName))")
    }
    return "\"" + result.replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  private static func parameterStatement(_ parameter: Parameter) -> String {
    let name = SwiftSyntax.stringLiteral(parameter.name)
    let optionalChain = parameter.isRequired ? "" : "?"
    let isArray: Bool
    if case .array = parameter.type { isArray = true } else { isArray = false }
    var value = parameter.swiftName
    if parameter.isEnum {
      value += isArray ? "\(optionalChain).map(\\.rawValue)" : "\(optionalChain).rawValue"
    }
    switch parameter.location {
    case .query:
      if isArray {
        return "request.addQuery(\(name), \(value)" + (parameter.explode ? ")" : ", explode: false)")
      }
      return "request.addQuery(\(name), \(value))"
    case .header:
      if isArray {
        return "request.setHeader(\(name), \(value)\(optionalChain).map(\\.parameterText).joined(separator: \",\"))"
      }
      return "request.setHeader(\(name), \(value))"
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
  private static func renderErrorCases(_ errors: [ErrorResponse], into writer: inout SwiftWriter) {
    func failure(_ response: ErrorResponse?) -> String {
      guard let response, let type = response.type, response.hasErrorFormat else {
        return "throw response.failure()"
      }
      return "throw response.failure(errorBody: \(SwiftSyntax.type(type)).self)"
    }
    let fallback = errors.first { $0.status == .default }
    var groups: [(statement: String, statuses: [StatusMatch])] = []
    for response in errors where response.status != .default {
      let statement = failure(response)
      guard statement != failure(fallback) else { continue }
      if let index = groups.firstIndex(where: { $0.statement == statement }) {
        groups[index].statuses.append(response.status)
      } else {
        groups.append((statement, [response.status]))
      }
    }
    for group in groups {
      writer.line("case \(group.statuses.map(caseLabel).joined(separator: ", ")): \(group.statement)")
    }
    writer.line("default: \(failure(fallback))")
  }

  static func renderPagination(_ pagination: Pagination, of operation: Operation, into writer: inout SwiftWriter) {
    let forwarded = operation.parameters.filter { $0.swiftName != pagination.pageParameter }
    let labels = operation.parameters.map(\.swiftName) + (operation.requestBody != nil ? ["body"] : [])
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
    let parameters = signature(operation, excluding: pagination.pageParameter)
    let element = SwiftSyntax.type(pagination.elementType)
    writer.wrappedBlock("public func \(pagination.swiftName)", parameters, " -> PageSequence<\(element)>") { writer in
      writer.line("PageSequence { page in")
      writer.indent()
      do {
        let arguments =
          operation.parameters.map { parameter in
            parameter.swiftName == pagination.pageParameter
              ? "\(parameter.swiftName): page" : "\(parameter.swiftName): \(parameter.swiftName)"
          } + (operation.requestBody != nil ? ["body: body"] : [])
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
