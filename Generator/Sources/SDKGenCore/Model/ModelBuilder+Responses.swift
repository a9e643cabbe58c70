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

  /// A 2xx response (or the `default` one, when there is none) as the method reads it.
  private struct SuccessEntry {
    var status: StatusMatch
    var body: ResponseBody?
    var documentation: Documentation
  }

  /// `methodName` is the operation's Swift name, which names its outcome enum.
  func translateResponses(
    _ responses: OpenAPI.Response.Map, path: [String], typePrefix: String, methodName: String
  ) -> TranslatedResponses {
    // OpenAPI's `default` covers every status not listed: without a 2xx, it is the success too.
    let defaultIsSuccess = !responses.keys.contains { Self.statusMatch($0).isSuccess }
    var successes: [SuccessEntry] = []
    var errors: [ErrorResponse] = []
    var accept: [String] = []
    for (status, entry) in responses {
      let responsePath = path + [status.rawValue]
      let match = Self.statusMatch(status)
      guard let resolved = resolve(entry, in: document.components.responses, kind: "responses", path: responsePath)
      else { continue }
      let content = resolved.value.content
      for type in content.keys.map(\.rawValue) where !accept.contains(type) { accept.append(type) }
      let contentPath = resolved.path + ["content"]
      let isSuccess = match.isSuccess || (match == .default && defaultIsSuccess)
      let name =
        resolved.componentKey.map(SwiftName.typeName)
        ?? typePrefix + (isSuccess ? "Response" : (match.code.map { "Error\($0)" } ?? "Error"))
      if isSuccess {
        successes.append(
          SuccessEntry(
            status: match == .default ? .range(2) : match,
            body: responseBody(content, path: contentPath, name: name),
            documentation: Documentation(details: resolved.value.description)))
      }
      if !match.isSuccess {
        errors.append(
          ErrorResponse(
            status: match, type: errorBodyType(content, path: contentPath, name: name), hasErrorFormat: false))
      }
    }
    guard let first = successes.first else {
      error("the operation has no 2xx or default response; it needs one to know what it returns", key: path)
      return TranslatedResponses(success: nil, errors: errors, accept: Self.acceptHeader(accept))
    }
    var success = SuccessResponse(
      statuses: successes.map(\.status), shape: first.body.map(ResponseShape.body) ?? .empty,
      documentation: first.documentation)
    if successes.contains(where: { $0.body?.type != first.body?.type }) {
      success.shape = .outcomes(outcomes(successes, methodName: methodName))
    }
    return TranslatedResponses(success: success, errors: errors, accept: Self.acceptHeader(accept))
  }

  /// The body of a response's `content` (at `path`), as a client reads it or a receiver sends
  /// it: JSON as `name` or the schema's type (`JSONValue` without a schema), text as a
  /// `String`, anything else as a stream; `nil` without content, or with an error reported.
  func responseBody(_ content: OpenAPI.Content.Map, path: [String], name: String) -> ResponseBody? {
    guard !content.isEmpty, let chosen = chooseContent(content, path: path, what: "response", isRequest: false),
      let (type, encoding) = bodyType(chosen, name: name, what: "response")
    else { return nil }
    return ResponseBody(
      type: type, encoding: encoding,
      mediaTypes: encoding == .json
        ? ["application/json"] : chosen.declared.filter { MediaKind($0).read == chosen.kind })
  }

  /// The type an error body decodes as: JSON with a schema only; any other is kept raw.
  private func errorBodyType(_ content: OpenAPI.Content.Map, path: [String], name: String) -> TypeUsage? {
    guard let (type, entry) = content.first(where: { MediaKind($0.key.rawValue) == .json }),
      let resolved = resolve(
        entry, in: document.components.mediaTypes, kind: "mediaTypes", path: path + [type.rawValue]),
      let schema = resolved.value.schema
    else { return nil }
    return typeUsage(schema, path: resolved.path + ["schema"], name: name)
  }

  /// The outcome enum of 2xx responses whose bodies differ: a case per status, exact statuses
  /// before ranges.
  private func outcomes(_ successes: [SuccessEntry], methodName: String) -> ResponseOutcomes {
    let ordered = successes.filter { $0.status.code != nil } + successes.filter { $0.status.code == nil }
    let cases = ordered.map { entry in
      ResponseOutcome(
        status: entry.status, swiftName: Self.outcomeCaseName(entry.status), body: entry.body,
        documentation: entry.documentation)
    }
    let base = SwiftName.typeName(SwiftName.unescaped(methodName)) + "Outcome"
    // Nested in the client, it would hide a namespace type of the same name from the client's code.
    let isTaken = { (name: String) in self.declarations[name] != nil || self.componentNameOwners.isTaken(name) }
    let name = isTaken(base) ? NameAllocator<String>.firstFree(base, isTaken: isTaken) : base
    return ResponseOutcomes(
      name: name, cases: cases, isHashable: !cases.contains { $0.body?.encoding == .binary })
  }

  /// `ok` for 200, `created` for 201, …, as HTTP names the status; `success` for `2XX`.
  static func outcomeCaseName(_ status: StatusMatch) -> String {
    let names = [
      200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
      205: "resetContent", 206: "partialContent", 207: "multiStatus", 208: "alreadyReported", 226: "imUsed",
    ]
    switch status {
    case .code(let code): return names[code] ?? "status\(code)"
    case .range, .default: return "success"
    }
  }

  static func statusMatch(_ status: OpenAPI.Response.StatusCode) -> StatusMatch {
    switch status.value {
    case .default: .default
    case .status(let code): .code(code)
    case .range(let range): .range(Int(range.rawValue.prefix(1)) ?? 0)
    }
  }

  /// `Accept` for the media types the responses declare; `nil` for none or JSON alone, which
  /// the runtime asks for by default.
  static func acceptHeader(_ mediaTypes: [String]) -> String? {
    mediaTypes.isEmpty || mediaTypes == ["application/json"] ? nil : mediaTypes.joined(separator: ", ")
  }
}
