import HTTPTypes

/// What a generated client knows of the request its middlewares are handed, and an HTTP request
/// cannot say: the operation, its path template, and which headers and query parameters hold a
/// credential.
///
/// The client binds it while its middlewares run, so that the observability middlewares of this
/// package redact from the same list of credentials the client authenticates with. Its
/// description and mirror show no secret.
package struct ClientOperationContext: Sendable, CustomStringConvertible, CustomReflectable {
  /// Headers that hold a credential whatever the spec says.
  package static let alwaysCredentialHeaders: Set<HTTPField.Name> = [
    .authorization, .proxyAuthorization, .cookie, .setCookie,
  ]

  /// The operation bound for the middlewares running now, if a generated client runs them.
  @TaskLocal package static var current: ClientOperationContext?

  package let operationID: String
  /// The operation's path as the spec writes it, where the client knows it (a path without
  /// parameters is its own template).
  package let pathTemplate: String?
  /// The headers the client's credentials are sent in, and ``alwaysCredentialHeaders``.
  package let credentialHeaders: Set<HTTPField.Name>
  /// The query parameters the client's credentials are sent as.
  package let credentialQueryNames: Set<String>
  /// The secret strings of the request: its credentials' and its `Secret` parameters'.
  private let secrets: [String]

  init(operationID: String, pathTemplate: String?, credentialNames: CredentialNames, secrets: [String]) {
    self.operationID = operationID
    self.pathTemplate = pathTemplate
    self.credentialHeaders = credentialNames.headers
    self.credentialQueryNames = credentialNames.queryNames
    self.secrets = secrets
  }

  /// Whether a header of this name holds a credential; without a bound context, only
  /// ``alwaysCredentialHeaders`` do.
  package static func isCredential(_ name: HTTPField.Name) -> Bool {
    (current?.credentialHeaders ?? alwaysCredentialHeaders).contains(name)
  }

  /// Whether a query parameter of this name holds a credential.
  package static func isCredential(queryName name: String) -> Bool {
    current?.credentialQueryNames.contains(name) ?? false
  }

  /// `text` with every secret of the bound request replaced by `<redacted>`.
  package static func redact(_ text: String) -> String {
    guard let current else { return text }
    return Redactor(current.secrets).redact(text)
  }

  package var description: String {
    "ClientOperationContext(operationID: \(operationID), pathTemplate: \(pathTemplate ?? "nil"))"
  }

  package var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "operationID": operationID, "pathTemplate": pathTemplate as Any,
        "credentialHeaders": credentialHeaders.map(\.rawName).sorted(),
        "credentialQueryNames": credentialQueryNames.sorted(),
      ], displayStyle: .struct)
  }
}

/// The headers and query parameters a client's credentials are sent in, with the headers that
/// always hold one: what the observability middlewares and ``MockTransport`` redact. A client
/// works them out once.
struct CredentialNames: Sendable {
  var headers: Set<HTTPField.Name> = ClientOperationContext.alwaysCredentialHeaders
  var queryNames: Set<String> = []

  init() {}

  init(credentials: [Credential]) {
    headers.formUnion(credentials.compactMap(\.headerName))
    queryNames = Set(credentials.compactMap(\.queryName))
  }
}
