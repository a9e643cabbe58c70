import Foundation
import HTTPTypes

/// What every generated client holds: where to send, how, and with which credentials.
///
/// Its description and mirror show the server and the names of the credentials, never their
/// values, so `print(client)` and `dump(client)` are safe to log.
///
/// **Not for hand-written code.** `ClientCore` and every other declaration marked
/// `@_spi(Generated)` in this module (``OperationRequest``, ``OperationResponse``,
/// ``ProviderErrorBody``, ``WebhookPayload``, ``Credential``, ``RequestPath``,
/// ``ParameterValue``, ``ServerURL``, the `Codable` helpers and ``PageSequence``'s initializer)
/// is the interface that sdkgen's output calls, and nothing else. It is public only so that code
/// generated into another module compiles, through `@_spi(Generated) import TelephonyWebhooks`.
/// It is not part of the library's API: it may change in any release, together with sdkgen, so
/// regenerate your code after upgrading rather than calling it yourself.
@_spi(Generated)
public struct ClientCore: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The largest response body read into memory.
  static let maximumResponseBodySize = 32 * 1024 * 1024

  let serverURL: URL
  let transport: any ClientTransport
  let middlewares: [any ClientMiddleware]
  let credentials: [(scheme: String, credential: Credential)]
  /// The same credentials by scheme key, built once rather than on every request.
  private let credentialsByScheme: [String: Credential]

  @_spi(Generated) public init(
    serverURL: URL, credentials: [(String, Credential)], transport: any ClientTransport,
    middlewares: [any ClientMiddleware]
  ) {
    self.serverURL = serverURL
    self.credentials = credentials.map { (scheme: $0.0, credential: $0.1) }
    self.credentialsByScheme = Dictionary(credentials, uniquingKeysWith: { first, _ in first })
    self.transport = transport
    self.middlewares = middlewares
  }

  /// Authenticates `request` for the first of `security`'s alternatives whose schemes are all
  /// configured, sends it through the middlewares and the transport, and reads the response.
  @_spi(Generated) public func send(_ request: OperationRequest, security: [[String]]) async throws -> OperationResponse
  {
    var request = request
    authenticate(&request, security: security)
    request.headerFields[.accept] = request.headerFields[.accept] ?? "application/json"
    let body = request.body.map { HTTPBody($0) }
    if body != nil {
      request.headerFields[.contentType] = "application/json"
    }
    let httpRequest = HTTPRequest(
      method: request.method, scheme: nil, authority: nil, path: request.pathAndQuery,
      headerFields: request.headerFields)
    let operationID = request.operationID
    do {
      let (response, responseBody) = try await chain(operationID: operationID)(
        httpRequest, body, serverURL)
      let data: Data
      if let responseBody {
        data = try await Data(collecting: responseBody, upTo: Self.maximumResponseBodySize)
      } else {
        data = Data()
      }
      return OperationResponse(
        operationID: operationID, status: response.status.code, headerFields: response.headerFields,
        body: data)
    } catch let error as APIError {
      throw error
    } catch {
      throw APIError(
        kind: .transport, operationID: operationID, underlyingError: redact(error),
        detail: redact(TransportErrorDescription.describe(error)))
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

  private func chain(operationID: String)
    -> @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  {
    let transport = transport
    var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
      try await transport.send($0, body: $1, baseURL: $2, operationID: operationID)
    }
    for middleware in middlewares.reversed() {
      let tail = next
      next = {
        try await middleware.intercept($0, body: $1, baseURL: $2, operationID: operationID, next: tail)
      }
    }
    return next
  }

  private func redact(_ text: String) -> String {
    credentials.flatMap(\.credential.secretValues).filter { !$0.isEmpty }.reduce(text) {
      $0.replacingOccurrences(of: $1, with: "<redacted>")
    }
  }

  /// The transport's error without the credentials it echoes: URLSession's errors carry the
  /// request URL, and with it a query API key, in their `userInfo`.
  private func redact(_ error: any Error) -> any Error {
    guard let urlError = error as? URLError else { return error }
    return URLError(urlError.code, userInfo: redact(userInfo: urlError.userInfo))
  }

  private func redact(userInfo: [String: Any]) -> [String: Any] {
    userInfo.mapValues { value -> Any in
      switch value {
      case let text as String:
        return redact(text)
      case let url as URL:
        let redacted = redact(url.absoluteString)
        guard redacted != url.absoluteString else { return url }
        if let redactedURL = URL(string: redacted.replacingOccurrences(of: "<redacted>", with: "%3Credacted%3E")) {
          return redactedURL
        }
        return redacted
      case let error as URLError:
        return redact(error)
      case let error as NSError:
        return NSError(domain: error.domain, code: error.code, userInfo: redact(userInfo: error.userInfo))
      default:
        return value
      }
    }
  }

  @_spi(Generated) public var description: String {
    let names = credentials.map { "\($0.scheme): <redacted>" }.joined(separator: ", ")
    let middlewareNames = middlewares.map { String(describing: type(of: $0)) }.joined(separator: ", ")
    return
      "ClientCore(serverURL: \(serverURL.absoluteString), credentials: [\(names)], transport: \(type(of: transport)), middlewares: [\(middlewareNames)])"
  }

  @_spi(Generated) public var debugDescription: String { description }

  @_spi(Generated) public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "serverURL": serverURL,
        "credentials": credentials.map { "\($0.scheme): <redacted>" },
        "transport": String(describing: type(of: transport)),
        "middlewares": middlewares.map { String(describing: type(of: $0)) },
      ], displayStyle: .struct)
  }
}

/// Turns the transport's errors into a sentence a person can act on.
enum TransportErrorDescription {
  static func describe(_ error: any Error) -> String {
    if let error = error as? URLError {
      let reason =
        switch error.code {
        case .cannotConnectToHost: "could not connect to the server (connection refused)"
        case .timedOut: "the request timed out"
        case .cannotFindHost, .dnsLookupFailed: "the server's host name could not be resolved"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "there is no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
          .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
          "the TLS connection failed"
        case .cancelled: "the request was cancelled"
        default: "URL error \(error.code.rawValue)"
        }
      return "\(reason) (URLError \(error.code.rawValue))"
    }
    return String(describing: error)
  }
}
