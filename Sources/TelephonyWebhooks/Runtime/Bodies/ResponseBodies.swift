import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Reading response bodies: whole for JSON, text and errors, as a stream for binary success.
extension OperationResponse {
  /// A success response whose body is handed to the caller unread, as it streams.
  init(streaming body: HTTPBody?, of response: HTTPResponse, operationID: String) {
    self.init(
      operationID: operationID, status: response.status.code, headerFields: response.headerFields, body: Data())
    stream = body ?? HTTPBody()
  }

  /// The body of a text or XML success response as a `String`, in the charset its
  /// `Content-Type` names or else UTF-8.
  @_spi(Generated) public func decodeText(mediaTypes: [String]) throws -> String {
    let received = try checkMediaType(mediaTypes)
    guard let encoding = received?.stringEncoding ?? .some(.utf8) else {
      throw decodingError("the charset of \(received?.essence ?? "") is not one this client can read")
    }
    guard let text = String(data: body, encoding: encoding) else {
      throw decodingError("the body is not valid text in its charset")
    }
    return text
  }

  /// The body of an `application/x-www-form-urlencoded` success response, decoded by
  /// ``FormDecoder`` into the generated model.
  @_spi(Generated) public func decodeForm<T: Decodable>(_ type: T.Type, mediaTypes: [String]) throws -> T {
    try checkMediaType(mediaTypes)
    do {
      return try FormDecoder.decode(type, from: body)
    } catch {
      throw APIError(
        kind: .decoding, operationID: operationID, status: status, rawBody: body,
        responseHeaders: headerFields, underlyingError: error,
        detail: JSONCoding.describe(error, body: body))
    }
  }

  /// The body of a binary success response, as it streams from the server.
  @_spi(Generated) public func streamedBody(mediaTypes: [String]) throws -> HTTPBody {
    try checkMediaType(mediaTypes)
    return stream ?? HTTPBody(body)
  }

  /// The received `Content-Type`, after checking that it is one of `declared` (which may hold
  /// wildcards); a response without one passes.
  @discardableResult
  func checkMediaType(_ declared: [String]) throws -> MediaType? {
    guard let text = headerFields[.contentType], !text.isEmpty else { return nil }
    let received = MediaType(text)
    guard declared.contains(where: { received.matches(MediaType($0)) }) else {
      throw decodingError(
        "the response's Content-Type is \(received.essence), which the operation does not declare (it expects \(declared.joined(separator: " or ")))"
      )
    }
    return received
  }

  private func decodingError(_ detail: String) -> APIError {
    APIError(
      kind: .decoding, operationID: operationID, status: status, rawBody: body, responseHeaders: headerFields,
      detail: detail)
  }
}
