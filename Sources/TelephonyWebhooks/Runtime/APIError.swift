import Foundation
import HTTPTypes

/// The error every generated operation throws.
///
/// It says which operation failed and why, carries what the provider said (its messages, its
/// request id, the raw body and, where the spec describes one, the typed error body) and never
/// contains a credential: an ``underlyingError`` that quotes one is a ``RedactedError``.
///
/// A cancelled request throws `CancellationError`, never an `APIError`.
public struct APIError: Error, CustomStringConvertible, CustomDebugStringConvertible, LocalizedError {
  /// Why the operation failed.
  public enum Kind: Sendable, Hashable {
    /// The server answered with a status the operation does not treat as success.
    case unexpectedStatus
    /// The request never got an answer (connection refused, timeout, TLS), a middleware threw
    /// (see ``APIError/middleware``), or the response body could not be read.
    case transport
    /// The server answered with success, but the body did not match the spec or was over
    /// ``ClientConfiguration/maximumResponseBodySize``.
    case decoding
    /// The request body could not be encoded.
    case encoding
  }

  /// Why the operation failed.
  public var kind: Kind
  /// The spec's `operationId`, for example `createWebhook`.
  public var operationID: String
  /// The HTTP status code, when the server answered.
  public var status: Int?
  /// The provider's error messages, read from its error body as the spec describes it.
  public var messages: [String]
  /// The provider's request id (Thulium's `request_id`), to quote to its support.
  public var requestID: String?
  /// The response body as received; empty when there was none.
  public var rawBody: Data
  /// The response headers, when the server answered.
  public var responseHeaders: HTTPFields?
  /// The error body decoded into the spec's error schema, such as `Thulium.ErrorResponse`.
  public var errorBody: (any Sendable)?
  /// The error behind a transport, decoding or encoding failure.
  public var underlyingError: (any Error)?
  /// What went wrong in a decoding failure, with the JSON path, for example
  /// `at data[0].id: expected Int, found a string`.
  public var detail: String?
  /// The type name of the middleware that threw, such as `RequestLogger`, when one did.
  public var middleware: String?
  /// The body was refused for its size, so the description does not blame the spec.
  var bodyOverLimit = false

  init(
    kind: Kind, operationID: String, status: Int? = nil, messages: [String] = [],
    requestID: String? = nil, rawBody: Data = Data(), responseHeaders: HTTPFields? = nil,
    errorBody: (any Sendable)? = nil, underlyingError: (any Error)? = nil, detail: String? = nil,
    middleware: String? = nil
  ) {
    self.kind = kind
    self.operationID = operationID
    self.status = status
    self.messages = messages
    self.requestID = requestID
    self.rawBody = rawBody
    self.responseHeaders = responseHeaders
    self.errorBody = errorBody
    self.underlyingError = underlyingError
    self.detail = detail
    self.middleware = middleware
  }

  init(
    kind: Kind, operationID: String, status: Int, responseHeaders: HTTPFields, detail: String,
    bodyOverLimit: Bool
  ) {
    self.init(kind: kind, operationID: operationID, status: status, responseHeaders: responseHeaders, detail: detail)
    self.bodyOverLimit = bodyOverLimit
  }

  /// The first of the provider's messages.
  public var message: String? { messages.first }

  /// Decodes the raw body into `type`, for an error shape the spec does not describe.
  public func decodeBody<T: Decodable>(as type: T.Type) throws -> T {
    try JSONCoding.decoder.decode(type, from: rawBody)
  }

  /// One line: the operation, the status and the provider's messages.
  public var description: String {
    var text = "\(operationID) failed: "
    switch kind {
    case .unexpectedStatus:
      text += "HTTP \(status.map(String.init) ?? "?")"
      if let status, let reason = HTTPResponse.Status(code: status).reasonPhraseIfKnown {
        text += " \(reason)"
      }
      if !messages.isEmpty {
        text += ": " + messages.joined(separator: "; ")
      } else if let detail {
        text += ": " + detail
      }
    case .transport:
      if let middleware {
        text += "middleware \(middleware) failed: "
      } else if let status {
        text += "the HTTP \(status) response body could not be read: "
      } else {
        text += "no response from the server: "
      }
      text += detail ?? "unknown error"
    case .decoding where bodyOverLimit:
      text += "HTTP \(status.map(String.init) ?? "?"): " + (detail ?? "the response body is too large")
    case .decoding:
      text += "the HTTP \(status.map(String.init) ?? "?") response body does not match the spec"
      if let detail { text += " " + detail }
    case .encoding:
      text += "the request body could not be encoded"
      if let detail { text += ": " + detail }
    }
    if let requestID {
      text += " (request ID \(requestID))"
    }
    return text
  }

  public var debugDescription: String {
    "APIError(\(description), body: \(rawBody.count) bytes)"
  }

  /// The ``description``, so that `localizedDescription` reads as well as `print(error)`.
  public var errorDescription: String? { description }
}

extension HTTPResponse.Status {
  /// The standard reason phrase: `HTTPResponse.Status(code:)` carries none.
  fileprivate var reasonPhraseIfKnown: String? {
    if !reasonPhrase.isEmpty { return reasonPhrase }
    let known: [Int: String] = [
      400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
      405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
      413: "Content Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Content",
      429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
      503: "Service Unavailable", 504: "Gateway Timeout",
    ]
    return known[code]
  }
}
