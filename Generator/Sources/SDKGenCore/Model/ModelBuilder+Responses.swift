import OpenAPIKit

/// Responses: the success type an operation returns and the errors it declares.
extension ModelBuilder {
  func translateResponses(_ responses: OpenAPI.Response.Map, path: [String], typePrefix: String)
    -> (SuccessResponse?, [ErrorResponse])
  {
    var successes: [(StatusMatch, TypeUsage?, Documentation, [String])] = []
    var errors: [ErrorResponse] = []
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
      var type: TypeUsage?
      if !resolved.value.content.isEmpty {
        let isSuccess = match.isSuccess
        let name =
          resolved.componentKey.map(SwiftName.typeName)
          ?? typePrefix + (isSuccess ? "Response" : (match.code.map { "Error\($0)" } ?? "Error"))
        if let (schema, schemaPath) = jsonSchema(
          resolved.value.content, path: resolved.path + ["content"], what: "response")
        {
          type = typeUsage(schema, path: schemaPath, name: name)
        }
      }
      if match.isSuccess {
        successes.append((match, type, Documentation(details: resolved.value.description), responsePath))
      } else {
        errors.append(ErrorResponse(status: match, type: type, hasErrorFormat: false))
      }
    }
    guard let first = successes.first else {
      error("the operation has no 2xx response; it needs one to know what it returns", key: path)
      return (nil, errors)
    }
    for other in successes.dropFirst() where other.1 != first.1 {
      error(
        "unsupported: 2xx responses with different bodies (\(first.0.text) and \(other.0.text)); the operation can return one type",
        key: other.3)
    }
    return (SuccessResponse(statuses: successes.map(\.0), type: first.1, documentation: first.2), errors)
  }
}
