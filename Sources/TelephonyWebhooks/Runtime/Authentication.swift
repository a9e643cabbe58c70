import Foundation
import HTTPTypes

/// A credential for one of the spec's security schemes, applied to each request that needs it.
@_spi(Generated) public enum Credential: Sendable, CustomStringConvertible {
  /// An `apiKey` scheme sent in a header, as is (Api4Com's bare `Authorization` token).
  case headerAPIKey(name: String, value: Secret)
  /// An `apiKey` scheme sent as a query parameter.
  case queryAPIKey(name: String, value: Secret)
  /// An `apiKey` scheme sent as a cookie, in the request's one `Cookie` header.
  case cookieAPIKey(name: String, value: Secret)
  /// An `http bearer` scheme: `Authorization: Bearer <token>`.
  case bearer(Secret)
  /// An `http basic` scheme: `Authorization: Basic base64(username:password)`.
  case basic(username: String, password: Secret)
  /// Any other `http` scheme (`digest`, `hoba`, a vendor's own): `Authorization: <scheme> <value>`,
  /// the value as the caller computed it.
  case authorization(scheme: String, value: Secret)

  @_spi(Generated) public static func apiKey(_ value: String, header name: String) -> Self {
    .headerAPIKey(name: name, value: Secret(value))
  }

  @_spi(Generated) public static func apiKey(_ value: String, query name: String) -> Self {
    .queryAPIKey(name: name, value: Secret(value))
  }

  @_spi(Generated) public static func apiKey(_ value: String, cookie name: String) -> Self {
    .cookieAPIKey(name: name, value: Secret(value))
  }

  @_spi(Generated) public static func authorization(_ value: String, scheme: String) -> Self {
    .authorization(scheme: scheme, value: Secret(value))
  }

  @_spi(Generated) public static func bearer(_ token: String) -> Self {
    .bearer(Secret(token))
  }

  @_spi(Generated) public static func basic(username: String, password: String) -> Self {
    .basic(username: username, password: Secret(password))
  }

  @_spi(Generated) public var description: String {
    switch self {
    case .headerAPIKey(let name, _): "apiKey(header \(name): <redacted>)"
    case .queryAPIKey(let name, _): "apiKey(query \(name): <redacted>)"
    case .cookieAPIKey(let name, _): "apiKey(cookie \(name): <redacted>)"
    case .authorization(let scheme, _): "authorization(\(scheme) <redacted>)"
    case .bearer: "bearer(<redacted>)"
    case .basic: "basic(<redacted>)"
    }
  }

  /// The secret strings, so that error text that echoes one (a URL with a query key) can be
  /// scrubbed.
  var secretValues: [String] {
    switch self {
    case .headerAPIKey(_, let value), .bearer(let value), .authorization(_, let value):
      [value.value]
    case .cookieAPIKey(_, let value), .queryAPIKey(_, let value):
      // A cookie or a URL holds the value percent-encoded where it must be.
      [value.value, PercentEncoding.encode(value.value, allowing: PercentEncoding.unreserved)]
    case .basic(let username, let password):
      [password.value, Data("\(username):\(password.value)".utf8).base64EncodedString()]
    }
  }

  /// The header this credential is sent in, if it is sent in one.
  var headerName: HTTPField.Name? {
    switch self {
    case .headerAPIKey(let name, _): HTTPField.Name(name)
    case .bearer, .basic, .authorization: .authorization
    case .cookieAPIKey: .cookie
    case .queryAPIKey: nil
    }
  }

  /// The query parameter this credential is sent as, if it is sent as one.
  var queryName: String? {
    if case .queryAPIKey(let name, _) = self { name } else { nil }
  }

  func apply(to request: inout OperationRequest) {
    switch self {
    case .headerAPIKey(let name, let value):
      request.setHeader(name, value.value)
    case .queryAPIKey(let name, let value):
      request.addQuery(name, value.value)
    case .cookieAPIKey(let name, let value):
      request.addCookie(name, value.value)
    case .authorization(let scheme, let value):
      request.setHeader("Authorization", "\(scheme) \(value.value)")
    case .bearer(let token):
      request.setHeader("Authorization", "Bearer \(token.value)")
    case .basic(let username, let password):
      let encoded = Data("\(username):\(password.value)".utf8).base64EncodedString()
      request.setHeader("Authorization", "Basic \(encoded)")
    }
  }
}
