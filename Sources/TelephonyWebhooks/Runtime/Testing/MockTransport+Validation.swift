import Foundation
import HTTPTypes

/// Checking a request against the operation it claims to be.
extension MockTransport {
  static func validate(
    _ request: HTTPRequest, path: String, query: [URLQueryItem], body: Data?, against operation: OperationDescription
  ) throws {
    func fail(_ field: String, _ message: String) -> ValidationError {
      ValidationError(operationID: operation.operationID, field: field, message: message)
    }
    guard request.method == operation.method else {
      throw fail("method", "expected \(operation.method.rawValue), got \(request.method.rawValue)")
    }
    guard matches(path, template: operation.pathTemplate) else {
      throw fail("path", "\(path) does not match the path template \(operation.pathTemplate)")
    }
    let names = Set(query.map(\.name))
    for name in operation.requiredQuery where !names.contains(name) {
      throw fail("query parameter \(name)", "the required query parameter is missing")
    }
    for name in operation.requiredHeaders where HTTPField.Name(name).map({ request.headerFields[$0] == nil }) ?? true {
      throw fail("header \(name)", "the required header is missing")
    }
    guard let expected = operation.requestBody else { return }
    guard let body, !body.isEmpty else {
      if expected.isRequired { throw fail("body", "the required \(expected.mediaType) body is missing") }
      return
    }
    if let check = expected.check {
      do {
        try check.check(body)
      } catch {
        throw fail("body", "does not decode as the declared type: \(JSONCoding.describe(error, body: body))")
      }
    }
  }

  /// Whether `path` is `template` with each `{name}` filled by a non-empty segment.
  static func matches(_ path: String, template: String) -> Bool {
    let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
    let templateSegments = template.split(separator: "/", omittingEmptySubsequences: false)
    guard pathSegments.count == templateSegments.count else { return false }
    return zip(pathSegments, templateSegments).allSatisfy { segment, pattern in
      matches(segment: segment, pattern: pattern)
    }
  }

  /// One segment: literal text around `{name}` placeholders, each matching at least one character.
  private static func matches(segment: Substring, pattern: Substring) -> Bool {
    guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else {
      return segment == pattern
    }
    let prefix = pattern[..<open]
    let rest = pattern[pattern.index(after: close)...]
    guard segment.hasPrefix(prefix) else { return false }
    let remainder = segment.dropFirst(prefix.count)
    // The placeholder takes one character or more; the rest of the pattern matches what is left.
    var index = remainder.startIndex
    while index < remainder.endIndex {
      index = remainder.index(after: index)
      if matches(segment: remainder[index...], pattern: rest) { return true }
    }
    return false
  }
}
