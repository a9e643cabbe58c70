import Foundation
import HTTPTypes

/// Every operation of a generated namespace, as a table: what a request for each looks like and
/// the answer its spec documents.
///
/// Generated code declares one per namespace (`Client.operationTable`) and hands it to
/// ``ClientCore``, which takes each request's path template from it and gives it to a
/// ``MockTransport``. Because the table is generated with the client, the mock works for a
/// provider a user generates into their own package.
@_spi(Generated) public final class OperationTable: Sendable {
  /// In the spec's order.
  @_spi(Generated) public let operations: [OperationDescription]
  private let byID: [String: OperationDescription]

  @_spi(Generated) public init(_ operations: [OperationDescription]) {
    self.operations = operations
    self.byID = Dictionary(operations.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
  }

  @_spi(Generated) public subscript(operationID: String) -> OperationDescription? {
    byID[operationID]
  }
}

/// One operation of an ``OperationTable``.
@_spi(Generated) public struct OperationDescription: Sendable {
  @_spi(Generated) public let operationID: String
  @_spi(Generated) public let method: HTTPRequest.Method
  /// The path as the spec writes it, such as `/webhooks/{webhook_id}`.
  @_spi(Generated) public let pathTemplate: String
  /// The names of the query parameters a request must carry.
  @_spi(Generated) public let requiredQuery: [String]
  /// The names of the headers a request must carry.
  @_spi(Generated) public let requiredHeaders: [String]
  /// The request body the operation takes, if any.
  @_spi(Generated) public let requestBody: ExampleRequestBody?
  /// What the operation answers with when nothing else is scripted.
  @_spi(Generated) public let answer: ExampleResponse

  @_spi(Generated) public init(
    _ operationID: String, _ method: HTTPRequest.Method, _ pathTemplate: String, requiredQuery: [String] = [],
    requiredHeaders: [String] = [], requestBody: ExampleRequestBody? = nil, answer: ExampleResponse
  ) {
    self.operationID = operationID
    self.method = method
    self.pathTemplate = pathTemplate
    self.requiredQuery = requiredQuery
    self.requiredHeaders = requiredHeaders
    self.requestBody = requestBody
    self.answer = answer
  }
}

/// An operation's request body: its media type, whether it must be sent, and, for JSON, a check
/// that a body decodes as the declared type.
@_spi(Generated) public struct ExampleRequestBody: Sendable {
  @_spi(Generated) public let mediaType: String
  @_spi(Generated) public let isRequired: Bool
  /// Throws when the body is not the declared type; `nil` for a body that is not JSON.
  let check: (any BodyDecodingCheck)?

  /// A JSON body of type `type`.
  @_spi(Generated) public static func json<T: Decodable>(
    _ type: T.Type, mediaType: String = "application/json", isRequired: Bool = true
  ) -> ExampleRequestBody {
    ExampleRequestBody(mediaType: mediaType, isRequired: isRequired, check: JSONDecodingCheck<T>())
  }

  /// A body of another media type (a form, multipart, text or a stream), checked by its media type only.
  @_spi(Generated) public static func other(mediaType: String, isRequired: Bool = true) -> ExampleRequestBody {
    ExampleRequestBody(mediaType: mediaType, isRequired: isRequired, check: nil)
  }
}

/// The answer a ``MockTransport`` gives an operation by default: its first success status and
/// the spec's example body, or one built from the schema.
@_spi(Generated) public struct ExampleResponse: Sendable {
  @_spi(Generated) public let status: Int
  @_spi(Generated) public let mediaType: String?
  @_spi(Generated) public let body: Data?
  /// Decodes `body` as the operation's success type, as the client does; `nil` when the client
  /// does not decode it (text, a stream, or no body).
  let check: (any BodyDecodingCheck)?

  /// Throws when `body` does not decode as the operation's success type, as the client would.
  @_spi(Generated) public var decode: (@Sendable (Data) throws -> Void)? {
    guard let check else { return nil }
    return { body in try check.check(body) }
  }

  /// A JSON body of type `type`.
  @_spi(Generated) public static func json<T: Decodable>(
    _ status: Int, _ type: T.Type, mediaType: String = "application/json", _ body: String
  ) -> ExampleResponse {
    ExampleResponse(status: status, mediaType: mediaType, body: Data(body.utf8), check: JSONDecodingCheck<T>())
  }

  /// A text or binary body, sent as it is.
  @_spi(Generated) public static func raw(_ status: Int, mediaType: String, _ body: String) -> ExampleResponse {
    ExampleResponse(status: status, mediaType: mediaType, body: Data(body.utf8), check: nil)
  }

  /// No body.
  @_spi(Generated) public static func empty(_ status: Int) -> ExampleResponse {
    ExampleResponse(status: status, mediaType: nil, body: nil, check: nil)
  }
}

/// Checks that a body decodes as a declared type.
protocol BodyDecodingCheck: Sendable {
  func check(_ body: Data) throws
}

/// Decodes the body as JSON of type `T`, as a generated client does. It stores no value, only
/// its type parameter, so it is `Sendable` whatever `T` is.
struct JSONDecodingCheck<T: Decodable>: BodyDecodingCheck {
  func check(_ body: Data) throws {
    _ = try JSONCoding.decoder.decode(T.self, from: body)
  }
}
