import OpenAPIKit

/// Error bodies: where the runtime finds the provider's messages.
extension ModelBuilder {
  /// Finds where each error body keeps its messages, for the runtime's error type.
  func applyErrorFormats(_ operations: [Operation]) -> [Operation] {
    var formatted = Set<String>()
    let result = operations.map { operation in
      var operation = operation
      operation.errors = operation.errors.map { response in
        var response = response
        guard case .named(let name)? = response.type.map(resolveAlias),
          case .structure(var declaration)? = declarations[name]?.declaration
        else {
          return response
        }
        response.type = .named(name)
        response.hasErrorFormat = true
        if !formatted.contains(name) {
          formatted.insert(name)
          declaration.errorFormat = errorFormat(of: declaration)
          declarations[name]?.declaration = .structure(declaration)
        }
        return response
      }
      operation.errorHandling = Self.errorHandling(operation.errors)
      return operation
    }
    return result
  }

  /// Groups `errors` by the body each throws with, in the spec's order; a status that throws
  /// as `default` does falls to `default`.
  static func errorHandling(_ errors: [ErrorResponse]) -> ErrorHandling {
    func errorBody(_ response: ErrorResponse?) -> TypeUsage? {
      guard let response, response.hasErrorFormat else { return nil }
      return response.type
    }
    let fallback = errorBody(errors.first { $0.status == .default })
    var cases: [ErrorCase] = []
    for response in errors where response.status != .default {
      let body = errorBody(response)
      guard body != fallback else { continue }
      if let index = cases.firstIndex(where: { $0.errorBody == body }) {
        cases[index].statuses.append(response.status)
      } else {
        cases.append(ErrorCase(statuses: [response.status], errorBody: body))
      }
    }
    return ErrorHandling(cases: cases, fallbackErrorBody: fallback)
  }

  func errorFormat(of declaration: StructDeclaration) -> ErrorFormat {
    var messages: [String] = []
    var requestID: String?
    func hasMessage(_ type: TypeUsage) -> Bool {
      guard case .named(let name) = resolveAlias(type), case .structure(let inner)? = declarations[name]?.declaration
      else { return false }
      return inner.properties.contains { $0.jsonName == "message" && resolveAlias($0.type) == .builtin(.string) }
    }
    for property in declaration.properties {
      let type = resolveAlias(property.type)
      if property.jsonName == "message", type == .builtin(.string) {
        messages.append("message")
      } else if ["request_id", "requestId", "requestID"].contains(property.jsonName), type == .builtin(.string) {
        requestID = property.jsonName
      } else if case .dictionary(let value) = type, resolveAlias(value) == .array(.builtin(.string)) {
        // Laravel's validation errors: {"field": ["message", …]}.
        messages.append(property.jsonName + "{}[]")
      } else if case .dictionary(let value) = type, resolveAlias(value) == .builtin(.string) {
        messages.append(property.jsonName + "{}")
      } else if case .array(let element) = type, hasMessage(element) {
        messages.append(property.jsonName + "[].message")
      } else if hasMessage(type) {
        messages.append(property.jsonName + ".message")
      }
    }
    // Nested messages are the more specific ones: read them first.
    messages.sort { ($0.contains(".") ? 0 : 1, $0) < ($1.contains(".") ? 0 : 1, $1) }
    return ErrorFormat(messagePaths: messages, requestIDPath: requestID)
  }
}
