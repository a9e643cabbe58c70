import Foundation
import HTTPTypes

/// What every generated client holds: where to send, how, and with which credentials.
///
/// Its description and mirror show the server and the names of the credentials, never their
/// values, so `print(client)` and `dump(client)` are safe to log.
///
/// **Not for hand-written code.** `ClientCore` and every other declaration marked
/// `@_spi(Generated)` in this module (`OperationRequest` and its body encoders,
/// `OperationResponse`, `ProviderErrorBody`, `WebhookPayload`, `Credential`, `RequestPath`,
/// `ParameterValue`, `ParameterStyle`, `PropertyEncoding`, `ServerURL`, the `Codable` helpers and
/// `PageSequence`'s initializer) are the interface that sdkgen's output calls, and nothing else.
/// They are public only so that code generated into another module compiles, through
/// `@_spi(Generated) import TelephonyWebhooks`. They are not part of the library's API: they may
/// change in any release, together with sdkgen, so regenerate your code after upgrading rather
/// than calling them yourself.
@_spi(Generated)
public struct ClientCore: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The server the caller chose for every operation, if any.
  let serverURL: URL?
  /// The spec's server for the operations that name none of their own.
  let defaultServerURL: URL?
  let transport: any ClientTransport
  let middlewares: [any ClientMiddleware]
  @_spi(Generated) public let configuration: ClientConfiguration
  let credentials: [(scheme: String, credential: Credential)]
  /// The same credentials by scheme key, built once rather than on every request.
  private let credentialsByScheme: [String: Credential]
  /// Every credential's secret strings, to scrub from errors.
  private let credentialSecrets: [String]
  /// Where the credentials are sent, for the middlewares' and the mock transport's redaction.
  private let credentialNames: CredentialNames
  /// The transport when it is the mock, which answers from the namespace's table.
  private let mock: MockTransport?
  /// The namespace's operations: their path templates, and what a ``MockTransport`` answers.
  let operations: OperationTable?

  /// Creates the core of a client.
  ///
  /// A request goes to `serverURL` when it is given; otherwise to its operation's own server
  /// (``OperationRequest/init(operationID:method:path:defaultServerURL:)``), else to
  /// `defaultServerURL`. `operations` is the namespace's table of operations, which gives each
  /// request's path template and which a ``MockTransport`` answers from.
  @_spi(Generated) public init(
    serverURL: URL?, defaultServerURL: URL? = nil, credentials: [(String, Credential)],
    transport: any ClientTransport, middlewares: [any ClientMiddleware],
    configuration: ClientConfiguration = ClientConfiguration(), operations: OperationTable? = nil
  ) {
    self.serverURL = serverURL
    self.defaultServerURL = defaultServerURL
    self.credentials = credentials.map { (scheme: $0.0, credential: $0.1) }
    self.credentialsByScheme = Dictionary(credentials, uniquingKeysWith: { first, _ in first })
    self.credentialSecrets = credentials.flatMap(\.1.secretValues)
    self.credentialNames = CredentialNames(credentials: credentials.map(\.1))
    self.transport = transport
    self.mock = transport as? MockTransport
    self.middlewares = middlewares
    self.configuration = configuration
    self.operations = operations
  }

  /// Authenticates `request` for the first of `security`'s alternatives whose schemes are all
  /// configured, sends it through the middlewares and the transport, and reads the whole
  /// response body, up to ``ClientConfiguration/maximumResponseBodySize``.
  @_spi(Generated) public func send(_ request: OperationRequest, security: [[String]]) async throws -> OperationResponse
  {
    let (response, responseBody) = try await perform(request, security: security)
    if request.streamsResponse, (200..<300).contains(response.status.code) {
      return OperationResponse(streaming: responseBody, of: response, operationID: request.operationID)
    }
    let body = try await readBody(responseBody, of: response, request: request)
    return OperationResponse(
      operationID: request.operationID, status: response.status.code, headerFields: response.headerFields,
      body: body)
  }

  /// Sends `request` as ``send(_:security:)`` does, but hands back the response body unread.
  ///
  /// Cancellation throws `CancellationError`; any other failure throws an ``APIError`` of kind
  /// `transport` that names the middleware that threw, if one did, and quotes no credential.
  func perform(_ request: OperationRequest, security: [[String]]) async throws -> (
    HTTPResponse, HTTPBody?
  ) {
    var request = request
    authenticate(&request, security: security)
    request.headerFields[.accept] = request.headerFields[.accept] ?? "application/json"
    let body = request.body
    if let contentType = request.contentType {
      request.headerFields[.contentType] = contentType
    }
    let httpRequest = HTTPRequest(
      method: request.method, scheme: nil, authority: nil, path: request.pathAndQuery,
      headerFields: request.headerFieldsWithCookies)
    guard let baseURL = serverURL ?? request.defaultServerURL ?? defaultServerURL else {
      throw APIError(
        kind: .transport, operationID: request.operationID,
        detail: "the spec names no server for this operation; pass `serverURL:` to the client")
    }
    let origin = FailureOrigin()
    let send = chain(operationID: request.operationID, origin: origin)
    do {
      if middlewares.isEmpty { return try await send(httpRequest, body, baseURL) }
      let context = ClientOperationContext(
        operationID: request.operationID,
        pathTemplate: request.pathTemplate ?? operations?[request.operationID]?.pathTemplate,
        credentialNames: credentialNames,
        secrets: credentialSecrets + request.secretValues)
      return try await ClientOperationContext.$current.withValue(context) {
        try await send(httpRequest, body, baseURL)
      }
    } catch {
      throw failure(error, thrownBy: origin.layer(of: error), request: request)
    }
  }

  private func authenticate(_ request: inout OperationRequest, security: [[String]]) {
    let available = credentialsByScheme
    guard
      let requirement = security.first(where: { names in names.allSatisfy { available[$0] != nil } })
    else { return }
    for name in requirement {
      available[name]?.apply(to: &request)
    }
  }

  /// The middlewares in order, then the transport; each layer notes the errors it throws itself.
  private func chain(operationID: String, origin: FailureOrigin)
    -> @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  {
    let transport = transport
    let mock = mock
    let operations = operations
    let credentialNames = credentialNames
    var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
      do {
        if let mock {
          // The mock answers from the namespace's table, which a plain transport never sees.
          return try await mock.send(
            $0, body: $1, operationID: operationID, table: operations, redacting: credentialNames)
        }
        return try await transport.send($0, body: $1, baseURL: $2, operationID: operationID)
      } catch {
        origin.note(error, thrownBy: .transport)
        throw error
      }
    }
    for middleware in middlewares.reversed() {
      let tail = next
      next = {
        do {
          return try await middleware.intercept($0, body: $1, baseURL: $2, operationID: operationID, next: tail)
        } catch {
          origin.note(error, thrownBy: .middleware(String(describing: type(of: middleware))))
          throw error
        }
      }
    }
    return next
  }

  /// Reads the whole body, refusing one over the configured limit.
  private func readBody(_ body: HTTPBody?, of response: HTTPResponse, request: OperationRequest) async throws
    -> Data
  {
    guard let body else { return Data() }
    let limit = configuration.maximumResponseBodySize
    let isSuccess = (200..<300).contains(response.status.code)
    func overLimit() -> APIError {
      APIError(
        kind: isSuccess ? .decoding : .unexpectedStatus, operationID: request.operationID,
        status: response.status.code, responseHeaders: response.headerFields,
        detail: "the response body is over the \(ByteCountText.describe(limit)) limit", bodyOverLimit: true)
    }
    if case .known(let length) = body.length, length > limit {
      throw overLimit()
    }
    var data = Data()
    do {
      for try await chunk in body {
        guard data.count + chunk.count <= limit else { throw overLimit() }
        data.append(contentsOf: chunk)
      }
    } catch let error as APIError {
      throw error
    } catch {
      var failure = self.failure(error, thrownBy: .transport, request: request)
      if var apiError = failure as? APIError {
        apiError.status = response.status.code
        apiError.responseHeaders = response.headerFields
        failure = apiError
      }
      throw failure
    }
    return data
  }

  /// What the caller sees of an error from the chain: `CancellationError` for a cancellation,
  /// else an ``APIError`` with every credential of `request` taken out.
  private func failure(_ error: any Error, thrownBy layer: FailureOrigin.Layer?, request: OperationRequest)
    -> any Error
  {
    if error is CancellationError || (error as? URLError)?.code == .cancelled {
      return CancellationError()
    }
    if let error = error as? APIError {
      return error
    }
    if Task.isCancelled {
      return CancellationError()
    }
    let redactor = Redactor(credentialSecrets + request.secretValues)
    let redacted = redactor.redact(error)
    var middleware: String?
    if case .middleware(let name) = layer {
      middleware = name
    }
    return APIError(
      kind: .transport, operationID: request.operationID, underlyingError: redacted,
      detail: redactor.redact(
        middleware == nil ? TransportErrorDescription.describe(redacted) : String(describing: redacted)),
      middleware: middleware)
  }

  @_spi(Generated) public var description: String {
    let names = credentials.map { "\($0.scheme): <redacted>" }.joined(separator: ", ")
    let middlewareNames = middlewares.map { String(describing: type(of: $0)) }.joined(separator: ", ")
    return
      "ClientCore(serverURL: \(serverURLDescription), credentials: [\(names)], transport: \(type(of: transport)), middlewares: [\(middlewareNames)])"
  }

  private var serverURLDescription: String {
    serverURL?.absoluteString ?? defaultServerURL.map { "\($0.absoluteString) (or the operation's own)" }
      ?? "each operation's own"
  }

  @_spi(Generated) public var debugDescription: String { description }

  @_spi(Generated) public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "serverURL": serverURLDescription,
        "credentials": credentials.map { "\($0.scheme): <redacted>" },
        "transport": String(describing: type(of: transport)),
        "middlewares": middlewares.map { String(describing: type(of: $0)) },
        "configuration": configuration,
      ], displayStyle: .struct)
  }
}
