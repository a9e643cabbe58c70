import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A response of a generated operation: the status, headers and the whole body.
@_spi(Generated) public struct OperationResponse: Sendable {
  let operationID: String
  @_spi(Generated) public let status: Int
  let headerFields: HTTPFields
  /// The body read whole; empty for a streamed success response, whose body is ``stream``.
  let body: Data
  /// A success response's body as it streams, when the operation returns it unread.
  var stream: HTTPBody?

  /// Decodes the body of a success response, or throws an ``APIError`` of kind `decoding` that
  /// names the operation and the JSON path that failed.
  @_spi(Generated) public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try checkMediaType(["application/json"])
    do {
      return try JSONCoding.decoder.decode(type, from: body)
    } catch {
      throw APIError(
        kind: .decoding, operationID: operationID, status: status, rawBody: body,
        responseHeaders: headerFields, underlyingError: error,
        detail: JSONCoding.describe(error, body: body))
    }
  }

  /// The error for a status the operation does not expect, without a typed error body.
  @_spi(Generated) public func failure() -> APIError {
    APIError(
      kind: .unexpectedStatus, operationID: operationID, status: status, rawBody: body,
      responseHeaders: headerFields, detail: bodySummary)
  }

  /// The error for a status the operation does not expect, reading the provider's messages and
  /// request id from the body as the spec's error schema `E` describes them.
  @_spi(Generated) public func failure<E: ProviderErrorBody>(errorBody: E.Type) -> APIError {
    var error = failure()
    guard let json = try? JSONCoding.decoder.decode(JSONValue.self, from: body) else {
      return error
    }
    error.errorBody = try? JSONCoding.decoder.decode(E.self, from: body)
    // Laravel repeats a single field error as its summary `message`: each message is kept once.
    var seen = Set<String>()
    error.messages = E.messagePaths.flatMap { JSONPath.strings(at: $0, in: json) }.filter { seen.insert($0).inserted }
    error.requestID =
      E.requestIDPath.flatMap { JSONPath.strings(at: $0, in: json).first }
      ?? headerFields[HTTPField.Name("X-Request-Id")!]
    return error
  }

  /// A short, readable excerpt of a body that is not a described error.
  private var bodySummary: String? {
    guard !body.isEmpty else { return "empty body" }
    guard let text = String(data: body, encoding: .utf8) else { return "\(body.count) bytes" }
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count > 200 ? String(line.prefix(200)) + "…" : line
  }
}

/// An error schema whose messages the runtime can find, described by paths such as
/// `"errors[].message"`: keys separated by dots, `[]` for every element of an array and `{}`
/// for every value of an object (in key order), as in Laravel's `"errors{}[]"`.
@_spi(Generated) public protocol ProviderErrorBody: Decodable, Sendable {
  /// Where the provider's messages are.
  static var messagePaths: [String] { get }
  /// Where the provider's request id is, if anywhere.
  static var requestIDPath: String? { get }
}

enum JSONPath {
  static func strings(at path: String, in value: JSONValue) -> [String] {
    var values = [value]
    for step in path.split(separator: ".") {
      var step = Substring(step)
      var expansions: [Substring] = []
      while let suffix = ["[]", "{}"].first(where: { step.hasSuffix($0) }) {
        expansions.insert(Substring(suffix), at: 0)
        step = step.dropLast(2)
      }
      values = values.compactMap { $0[String(step)] }
      for expansion in expansions {
        values = values.flatMap { value -> [JSONValue] in
          expansion == "[]"
            ? (value.arrayValue ?? [])
            : (value.objectValue ?? [:]).sorted { $0.key < $1.key }.map(\.value)
        }
      }
    }
    return values.compactMap { value in
      switch value {
      case .string(let text): text
      case .int(let number): String(number)
      default: nil
      }
    }
  }
}
