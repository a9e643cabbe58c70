import OpenAPIKit

/// Responses: the success type an operation returns, the errors it declares, and the media
/// types it accepts.
extension ModelBuilder {
  struct TranslatedResponses {
    var success: SuccessResponse?
    var errors: [ErrorResponse]
    /// The `Accept` header: every media type the responses declare, in the spec's order, or
    /// `nil` for JSON alone.
    var accept: String?
  }

  func translateResponses(_ responses: OpenAPI.Response.Map, path: [String], typePrefix: String)
    -> TranslatedResponses
  {
    var successes: [(StatusMatch, SuccessResponse, [String])] = []
    var errors: [ErrorResponse] = []
    var accept: [String] = []
    for (status, entry) in responses {
      let responsePath = path + [status.rawValue]
      let match: StatusMatch
      switch status.value {
      case .default: match = .default
      case .status(let code): match = .code(code)
      case .range(let range): match = .range(Int(range.rawValue.prefix(1)) ?? 0)
      }
      guard let resolved = resolve(entry, in: document.components.responses, kind: "responses", path: responsePath)
      else { continue }
      let content = resolved.value.content
      for type in content.keys.map(\.rawValue) where !accept.contains(type) { accept.append(type) }
      let contentPath = resolved.path + ["content"]
      let isSuccess = match.isSuccess
      let name =
        resolved.componentKey.map(SwiftName.typeName)
        ?? typePrefix + (isSuccess ? "Response" : (match.code.map { "Error\($0)" } ?? "Error"))
      if isSuccess {
        var success = SuccessResponse(
          statuses: [match], shape: .empty, documentation: Documentation(details: resolved.value.description))
        if !content.isEmpty,
          let chosen = chooseContent(content, path: contentPath, what: "response", isRequest: false),
          let (type, encoding) = bodyType(chosen, name: name, what: "response")
        {
          success.shape = .body(
            ResponseBody(
              type: type, encoding: encoding,
              mediaTypes: encoding == .json
                ? ["application/json"] : chosen.declared.filter { MediaKind($0) == chosen.kind }))
        }
        successes.append((match, success, responsePath))
      } else {
        // An error body is typed only when it is JSON; any other is kept raw in the error.
        var type: TypeUsage?
        if content.keys.contains(where: { MediaKind($0.rawValue) == .json }),
          let (schema, schemaPath) = jsonSchema(content, path: contentPath, what: "response")
        {
          type = typeUsage(schema, path: schemaPath, name: name)
        }
        errors.append(ErrorResponse(status: match, type: type, hasErrorFormat: false))
      }
    }
    guard var first = successes.first?.1 else {
      error("the operation has no 2xx response; it needs one to know what it returns", key: path)
      return TranslatedResponses(success: nil, errors: errors, accept: Self.acceptHeader(accept))
    }
    for other in successes.dropFirst() where other.1.shape.body?.type != first.shape.body?.type {
      error(
        "unsupported: 2xx responses with different bodies (\(first.statuses[0].text) and \(other.0.text)); the operation can return one type",
        key: other.2)
    }
    first.statuses = successes.map(\.0)
    return TranslatedResponses(success: first, errors: errors, accept: Self.acceptHeader(accept))
  }

  /// `Accept` for the media types the responses declare; `nil` for none or JSON alone, which
  /// the runtime asks for by default.
  static func acceptHeader(_ mediaTypes: [String]) -> String? {
    mediaTypes.isEmpty || mediaTypes == ["application/json"] ? nil : mediaTypes.joined(separator: ", ")
  }
}
