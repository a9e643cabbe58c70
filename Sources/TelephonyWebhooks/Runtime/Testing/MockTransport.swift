import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A `ClientTransport` for tests that answers every operation from its spec, with no network
/// and no port.
///
/// ```swift
/// let mock = MockTransport()
/// let client = Plusofon.Client(token: "t", transport: mock)
/// let webhook = try await client.getWebhook(webhookID: 1)   // the spec's example
/// mock.respond(to: "getWebhook", with: .init(status: 404, body: #"{"message": "gone"}"#))
/// ```
///
/// - **Answers:** a generated client hands the mock its namespace's table of operations, so
///   `MockTransport()` needs no arguments. Each operation is answered with its first success
///   status and its response's documented example; where the spec documents none, with a body
///   built from the schema's property examples, defaults and types. An operation the table does
///   not hold gets a 404, which the client throws as an ``APIError``.
/// - **Scripting:** ``respond(to:with:)`` sets an operation's status, headers and body;
///   ``fail(_:with:)`` makes it throw as a transport would. A scripted status the operation does
///   not expect reaches the caller as the same ``APIError`` a server's would.
/// - **Recording:** ``requests`` holds every request sent, with credential headers and query
///   parameters replaced by `<redacted>`.
/// - **Validation:** each request is checked against the operation it claims to be: its method,
///   its path against the path template, its required query parameters and headers, and that a
///   JSON body decodes as the declared type. A mismatch throws a ``ValidationError`` naming the
///   operation and the field, which the client reports as an ``APIError`` of kind `transport`.
///
/// Give each client its own `MockTransport`: scripts are keyed by operation ID, which two
/// namespaces may share.
public final class MockTransport: ClientTransport, @unchecked Sendable {
  /// A scripted answer: a status, headers and a body.
  public struct Response: Sendable {
    public var status: Int
    public var headerFields: HTTPFields
    public var body: Data?

    /// An answer with `body` as it is; `Content-Type` is `application/json` unless
    /// `headerFields` sets one.
    public init(status: Int, headerFields: HTTPFields = HTTPFields(), body: Data? = nil) {
      self.status = status
      self.headerFields = headerFields
      self.body = body
      if body != nil, self.headerFields[.contentType] == nil {
        self.headerFields[.contentType] = "application/json"
      }
    }

    /// An answer with a text body, such as a JSON literal.
    public init(status: Int, headerFields: HTTPFields = HTTPFields(), body: String) {
      self.init(status: status, headerFields: headerFields, body: Data(body.utf8))
    }

    /// An answer with `value` encoded as JSON, as the runtime encodes models.
    public static func json(_ value: some Encodable, status: Int = 200, headerFields: HTTPFields = HTTPFields())
      throws -> Response
    {
      Response(status: status, headerFields: headerFields, body: try JSONCoding.encoder.encode(value))
    }
  }

  /// A request as the mock received it.
  public struct Request: Sendable, Hashable {
    public var operationID: String
    public var method: HTTPRequest.Method
    /// The path, without the query.
    public var path: String
    /// The query's parameters in order, decoded; credentials are `<redacted>`.
    public var query: [URLQueryItem]
    /// The headers; credentials are `<redacted>`.
    public var headerFields: HTTPFields
    /// The body as sent, if there was one.
    public var body: Data?
  }

  /// A request that does not match the operation it claims to be.
  public struct ValidationError: Error, CustomStringConvertible, Sendable, Hashable {
    public var operationID: String
    /// What is wrong: `method`, `path`, `query parameter page`, `header X-Request-ID` or `body`.
    public var field: String
    public var message: String

    public var description: String { "MockTransport: \(operationID): \(field): \(message)" }
  }

  private enum Script {
    case response(Response)
    case error(any Error & Sendable)
  }

  private let lock = NSLock()
  private var scripts: [String: Script] = [:]
  private var recorded: [Request] = []

  /// A mock that answers every operation of the client it is given to from the spec.
  public init() {}

  /// Every request sent so far, in order.
  public var requests: [Request] {
    lock.withLock { recorded }
  }

  /// The requests sent so far for one operation.
  public func requests(for operationID: String) -> [Request] {
    requests.filter { $0.operationID == operationID }
  }

  /// Answers every later request for `operationID` with `response`.
  public func respond(to operationID: String, with response: Response) {
    lock.withLock { scripts[operationID] = .response(response) }
  }

  /// Makes every later request for `operationID` throw `error`, as a failing transport would.
  public func fail(_ operationID: String, with error: any Error & Sendable) {
    lock.withLock { scripts[operationID] = .error(error) }
  }

  /// Goes back to answering `operationID` from the spec.
  public func reset(_ operationID: String) {
    _ = lock.withLock { scripts.removeValue(forKey: operationID) }
  }

  /// Without a generated client's table, every operation is unknown: a 404.
  public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
    HTTPResponse, HTTPBody?
  ) {
    try await send(request, body: body, operationID: operationID, table: nil, redacting: CredentialNames())
  }

  /// What a generated client calls: `table` is its namespace's operations.
  func send(
    _ request: HTTPRequest, body: HTTPBody?, operationID: String, table: OperationTable?, redacting: CredentialNames
  ) async throws -> (HTTPResponse, HTTPBody?) {
    var data: Data?
    if let body { data = try await Data(collecting: body, upTo: 64 * 1024 * 1024) }
    let (path, query) = Self.split(request.path ?? "")
    var record = Request(
      operationID: operationID, method: request.method, path: path, query: query,
      headerFields: request.headerFields, body: data)
    redacting.redact(&record)
    let script: Script? = lock.withLock {
      recorded.append(record)
      return scripts[operationID]
    }
    let operation = table?[operationID]
    if let operation {
      try Self.validate(request, path: path, query: query, body: data, against: operation)
    }
    switch script {
    case .error(let error): throw error
    case .response(let response): return Self.answer(response)
    case nil: break
    }
    guard let operation else {
      let message = #"{"message": "MockTransport knows no operation \#(operationID)"}"#
      return Self.answer(Response(status: 404, body: message))
    }
    var headers = HTTPFields()
    if let mediaType = operation.answer.mediaType { headers[.contentType] = mediaType }
    return Self.answer(Response(status: operation.answer.status, headerFields: headers, body: operation.answer.body))
  }

  private static func answer(_ response: Response) -> (HTTPResponse, HTTPBody?) {
    (
      HTTPResponse(status: .init(code: response.status), headerFields: response.headerFields),
      response.body.map { HTTPBody($0) }
    )
  }

  /// The path, and the query's items percent-decoded.
  static func split(_ pathAndQuery: String) -> (String, [URLQueryItem]) {
    guard let mark = pathAndQuery.firstIndex(of: "?") else { return (pathAndQuery, []) }
    let query = pathAndQuery[pathAndQuery.index(after: mark)...]
    let items = query.split(separator: "&").map { pair -> URLQueryItem in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decoded(_ text: Substring?) -> String? {
        text.map { String($0).removingPercentEncoding ?? String($0) }
      }
      return URLQueryItem(name: decoded(parts.first) ?? "", value: decoded(parts.count > 1 ? parts[1] : nil))
    }
    return (String(pathAndQuery[..<mark]), items)
  }
}

extension CredentialNames {
  /// Records the values of these headers and query parameters as `<redacted>`.
  func redact(_ request: inout MockTransport.Request) {
    for name in headers where request.headerFields[name] != nil {
      request.headerFields[name] = "<redacted>"
    }
    for index in request.query.indices where queryNames.contains(request.query[index].name) {
      request.query[index].value = "<redacted>"
    }
  }
}
