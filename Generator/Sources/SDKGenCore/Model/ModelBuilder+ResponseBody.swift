import OpenAPIKit

// Issue 23 adds this same function to ModelBuilder+Responses.swift; this file goes when it lands.
extension ModelBuilder {
  /// The body of a response's `content` (at `path`), as a client reads it or a receiver sends
  /// it: JSON as `name` or the schema's type, text as a `String`, anything else as a stream;
  /// `nil` without content, or with an error reported.
  func responseBody(_ content: OpenAPI.Content.Map, path: [String], name: String) -> ResponseBody? {
    guard !content.isEmpty, let chosen = chooseContent(content, path: path, what: "response", isRequest: false),
      let (type, encoding) = bodyType(chosen, name: name, what: "response")
    else { return nil }
    return ResponseBody(
      type: type, encoding: encoding,
      mediaTypes: encoding == .json ? ["application/json"] : chosen.declared.filter { MediaKind($0) == chosen.kind })
  }
}
