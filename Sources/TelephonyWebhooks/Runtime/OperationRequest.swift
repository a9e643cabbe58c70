import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One request of a generated operation, before authentication and middlewares.
@_spi(Generated) public struct OperationRequest: Sendable {
  let operationID: String
  var method: HTTPRequest.Method
  var path: String
  /// The path as the spec writes it, where it is known; for logs and traces.
  let pathTemplate: String?
  /// The query's `name=value` pairs, percent-encoded, in order.
  var query: [String] = []
  var headerFields = HTTPFields()
  /// The cookies' `name=value` pairs, percent-encoded, in order: sent in one `Cookie` header.
  var cookies: [String] = []
  /// The encoded body, sent with ``contentType``.
  var body: HTTPBody?
  /// What the body is, as its `Content-Type` states it.
  var contentType: String?
  /// Whether a success response's body is handed to the caller as it streams, unread.
  @_spi(Generated) public var streamsResponse = false
  /// The ``Secret``s the parameters and the body hold, to scrub from errors.
  var secretValues: [String] = []

  /// The spec's server for this operation (its path's or its own `servers`), used unless the
  /// client was given a `serverURL`.
  var defaultServerURL: URL?

  @_spi(Generated) public init(
    operationID: String, method: HTTPRequest.Method, path: RequestPath, defaultServerURL: URL? = nil
  ) {
    self.operationID = operationID
    self.method = method
    self.path = path.text
    self.pathTemplate = path.template
    self.defaultServerURL = defaultServerURL
  }

  /// Adds a query parameter; `nil` adds nothing.
  @_spi(Generated) public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
    if let value {
      if let secret = value as? Secret { secretValues.append(secret.value) }
      query.append(Self.queryPairs.escape(name) + "=" + Self.queryPairs.escape(value.parameterText))
    }
  }

  /// Adds an array query parameter: in the `form` style `tag=a&tag=b` when exploded, `tag=a,b`
  /// when not; `spaceDelimited` and `pipeDelimited` join the values with `%20` or `%7C`.
  @_spi(Generated) public mutating func addQuery(
    _ name: String, _ values: [some ParameterValue]?, style: ParameterStyle = .form, explode: Bool = true
  ) {
    guard let values else { return }
    secretValues += values.compactMap { ($0 as? Secret)?.value }
    // Text leaves only: this cannot throw.
    query +=
      (try? Self.queryPairs.pairs(
        name: name, value: .list(values.map { .string($0.parameterText) }), style: style, explode: explode)) ?? []
  }

  /// Adds an object query parameter: `filter[status]=active` in the `deepObject` style,
  /// `status=active` in the exploded `form` style, `filter=status,active` in the plain one.
  @_spi(Generated) public mutating func addQueryObject(
    _ name: String, _ value: (some Encodable)?, style: ParameterStyle, explode: Bool
  ) throws {
    guard let value else { return }
    let captured = try capturedObject(value)
    query += try withEncodingErrors {
      try Self.queryPairs.pairs(name: name, value: captured, style: style, explode: explode)
    }
  }

  static let queryPairs = StyledPairs(
    escape: { PercentEncoding.encode($0, allowing: PercentEncoding.unreserved) }, encodedSpace: "%20")

  /// Sets a header; `nil` sets nothing.
  @_spi(Generated) public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
    guard let value, let fieldName = HTTPField.Name(name) else { return }
    if let secret = value as? Secret { secretValues.append(secret.value) }
    headerFields[fieldName] = value.parameterText
  }

  /// Adds a cookie, `name=value` in the `form` style, percent-encoded as a query value is (a
  /// cookie may hold no `;`, `,`, space or quote); `nil` adds nothing.
  @_spi(Generated) public mutating func addCookie(_ name: String, _ value: (some ParameterValue)?) {
    guard let value else { return }
    if let secret = value as? Secret { secretValues.append(secret.value) }
    cookies.append(Self.queryPairs.escape(name) + "=" + Self.queryPairs.escape(value.parameterText))
  }

  /// Adds an array cookie in the `form` style: `tag=a,b`, or one `tag=a; tag=b` pair each when
  /// exploded.
  @_spi(Generated) public mutating func addCookie(
    _ name: String, _ values: [some ParameterValue]?, explode: Bool = true
  ) {
    guard let values else { return }
    secretValues += values.compactMap { ($0 as? Secret)?.value }
    cookies +=
      (try? Self.queryPairs.pairs(
        name: name, value: .list(values.map { .string($0.parameterText) }), style: .form, explode: explode)) ?? []
  }

  /// Adds a query parameter described by `content: application/json`: its JSON text,
  /// percent-encoded; `nil` adds nothing.
  @_spi(Generated) public mutating func addQueryJSON(_ name: String, _ value: (some Encodable)?) throws {
    addQuery(name, try value.map { try jsonText($0) })
  }

  /// Sets a header described by `content: application/json` to its JSON text.
  @_spi(Generated) public mutating func setHeaderJSON(_ name: String, _ value: (some Encodable)?) throws {
    setHeader(name, try value.map { try jsonText($0) })
  }

  /// Adds a cookie described by `content: application/json`: its JSON text, percent-encoded.
  @_spi(Generated) public mutating func addCookieJSON(_ name: String, _ value: (some Encodable)?) throws {
    addCookie(name, try value.map { try jsonText($0) })
  }

  private mutating func jsonText(_ value: some Encodable) throws -> String {
    String(decoding: try withEncodingErrors { try JSONCoding.encoder.encode(value) }, as: UTF8.self)
  }

  /// The header fields with the cookies joined into one `Cookie` header after any set already.
  var headerFieldsWithCookies: HTTPFields {
    guard !cookies.isEmpty else { return headerFields }
    var fields = headerFields
    fields[.cookie] = ([fields[.cookie]].compactMap { $0 } + cookies).joined(separator: "; ")
    return fields
  }

  /// Encodes `value` as the JSON body, sent as `contentType` (`application/json`, or a
  /// `+json` type the spec names).
  @_spi(Generated) public mutating func setBody(_ value: some Encodable, contentType: String = "application/json")
    throws
  {
    let data = try withEncodingErrors { try JSONCoding.encoder.encode(value) }
    setBody(data, contentType: contentType)
  }

  /// The path and the percent-encoded query, as `HTTPRequest.path` wants them.
  var pathAndQuery: String {
    query.isEmpty ? path : path + "?" + query.joined(separator: "&")
  }
}
