import Foundation
import HTTPTypes

/// Checks that an incoming webhook request carries the credential or signature its
/// subscription expects, comparing in constant time.
///
/// Static credentials are for providers that sign nothing, like the three built in; each lets
/// the subscriber register a credential instead:
/// - Thulium: HTTP Basic with the subscription's `http_auth_user` and `http_auth_password`,
///   ``basicAuth(username:password:)``.
/// - Plusofon: a custom header from the subscription's `headers[]`,
///   ``header(_:equals:)``.
/// - Api4Com: a shared secret in the registered URL's query, such as
///   `https://example.com/hooks?secret=…`, ``queryParameter(_:equals:)``.
///
/// Signed schemes check a signature over the body, through swift-crypto:
/// ``standardWebhooks(secret:tolerance:)``, ``twilio(authToken:publicURL:)``,
/// ``signalWire(signingKey:publicURL:)``, ``telnyx(publicKey:tolerance:)`` and
/// ``vonage(signatureSecret:tolerance:)``. ``WebhookSigner`` makes the signatures they accept.
///
/// The verifier is framework-free: pass the request's headers, its URL or request target, and
/// its body to ``verify(headers:url:body:)``. Its `description` and `dump` never show a secret.
public struct WebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
  enum Rule: Sendable {
    case basic(username: String, password: Secret)
    case header(name: String, value: Secret)
    case query(name: String, value: Secret)
    case signed(any SignatureScheme)
  }

  let rule: Rule

  /// Accepts `Authorization: Basic …` with this username and password.
  public static func basicAuth(username: String, password: String) -> Self {
    Self(rule: .basic(username: username, password: Secret(password)))
  }

  /// Accepts a request whose header `name` equals `value`.
  public static func header(_ name: String, equals value: String) -> Self {
    Self(rule: .header(name: name, value: Secret(value)))
  }

  /// Accepts a request whose URL query parameter `name` equals `value`.
  public static func queryParameter(_ name: String, equals value: String) -> Self {
    Self(rule: .query(name: name, value: Secret(value)))
  }

  /// Whether the check reads the body: a signed scheme's does, so a receiver reads the body
  /// first; a static credential's does not, so a receiver can reject before reading it.
  var coversBody: Bool {
    if case .signed = rule { return true }
    return false
  }

  /// Verifies a request, body included: the call for every verifier.
  ///
  /// - Parameters:
  ///   - headers: the request's header fields.
  ///   - url: the request's URL (`https://example.com/hooks/voice?x=1`) or request target
  ///     (`/hooks/voice?x=1`), as the server saw it; Twilio's and SignalWire's signatures cover
  ///     it, and ``queryParameter(_:equals:)`` reads it.
  ///   - body: the request body, exactly as received.
  /// - Throws: ``WebhookVerificationError`` naming the header or claim that failed.
  public func verify(headers: HTTPFields, url: String?, body: Data) throws(WebhookVerificationError) {
    try verify(headers: headers, url: url, body: body, now: Date())
  }

  /// Verifies a request as ``verify(headers:url:body:)`` does, with `now` as the current time:
  /// for a test that replays a recorded delivery, whose timestamp is in the past.
  public func verify(headers: HTTPFields, url: String?, body: Data, now: Date) throws(WebhookVerificationError) {
    try check(url: url, body: body, now: now) { name in HTTPField.Name(name).flatMap { headers[$0] } }
  }

  /// Verifies a request, reading headers through `header` (for frameworks with their own
  /// header type, such as Vapor's `req.headers.first(name:)`), body included.
  public func verify(url: String?, body: Data, header: (String) -> String?) throws(WebhookVerificationError) {
    try check(url: url, body: body, now: Date(), header: header)
  }

  /// Verifies a request without its body: for the static credentials only.
  ///
  /// - Parameters:
  ///   - headers: the request's header fields.
  ///   - url: the request's URL or request target (`/hooks?secret=…`), needed for
  ///     ``queryParameter(_:equals:)``.
  /// - Throws: ``WebhookVerificationError`` when the credential is missing or wrong. A signed
  ///   scheme's signature covers the body, so it always throws, with the reason
  ///   ``WebhookVerificationError/Reason/bodyRequired``: call ``verify(headers:url:body:)``.
  public func verify(headers: HTTPFields, url: String? = nil) throws(WebhookVerificationError) {
    try check(url: url, body: nil, now: Date()) { name in HTTPField.Name(name).flatMap { headers[$0] } }
  }

  /// Verifies a request without its body, reading headers through `header`: for the static
  /// credentials only, as ``verify(headers:url:)``.
  public func verify(url: String? = nil, header: (String) -> String?) throws(WebhookVerificationError) {
    try check(url: url, body: nil, now: Date(), header: header)
  }

  private func check(
    url: String?, body: Data?, now: Date, header: (String) -> String?
  ) throws(WebhookVerificationError) {
    switch rule {
    case .basic(let username, let password):
      guard let value = header("Authorization") else {
        throw WebhookVerificationError(reason: .missing, credential: "Authorization header")
      }
      let parts = value.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "basic",
        let decoded = Data(base64Encoded: SignatureSupport.trimmed(parts[1]))
      else {
        throw WebhookVerificationError(reason: .malformed, credential: "Authorization header")
      }
      let expected = Data("\(username):\(password.value)".utf8)
      guard Self.constantTimeEquals(decoded, expected) else {
        throw WebhookVerificationError(reason: .mismatch, credential: "Authorization header")
      }
    case .header(let name, let expected):
      guard let value = header(name) else {
        throw WebhookVerificationError(reason: .missing, credential: "\(name) header")
      }
      guard Self.constantTimeEquals(Data(value.utf8), Data(expected.value.utf8)) else {
        throw WebhookVerificationError(reason: .mismatch, credential: "\(name) header")
      }
    case .query(let name, let expected):
      guard let value = url.flatMap({ Self.queryValue(name, in: $0) }) else {
        throw WebhookVerificationError(reason: .missing, credential: "\(name) query parameter")
      }
      guard Self.constantTimeEquals(Data(value.utf8), Data(expected.value.utf8)) else {
        throw WebhookVerificationError(reason: .mismatch, credential: "\(name) query parameter")
      }
    case .signed(let scheme):
      guard let body else {
        throw WebhookVerificationError(reason: .bodyRequired, credential: scheme.signatureName)
      }
      try scheme.verify(url: url, body: body, now: now, header: header)
    }
  }

  /// The value of the first query parameter called `name` in `url`, percent-decoded: what
  /// `URLComponents.queryItems` finds, without parsing the rest of the URL on every delivery.
  /// `nil` when the parameter has no `=value`, or when the query has a malformed escape.
  static func queryValue(_ name: String, in url: String) -> String? {
    // On UTF-8 bytes: `Character`-wise scanning costs more than the rest of the check.
    let bytes = url.utf8
    guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return nil }
    let end = bytes[question...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
    var start = bytes.index(after: question)
    while start < end {
      let itemEnd = bytes[start..<end].firstIndex(of: UInt8(ascii: "&")) ?? end
      let item = bytes[start..<itemEnd]
      let equals = item.firstIndex(of: UInt8(ascii: "="))
      if !item.isEmpty {
        guard let itemName = percentDecoded(item[..<(equals ?? itemEnd)]) else { return nil }
        if itemName == name {
          return equals.flatMap { percentDecoded(item[bytes.index(after: $0)...]) }
        }
      }
      start = itemEnd == end ? end : bytes.index(after: itemEnd)
    }
    return nil
  }

  private static func percentDecoded(_ bytes: Substring.UTF8View) -> String? {
    let text = String(Substring(bytes))
    return bytes.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
  }

  /// Compares without returning early, so the time taken does not reveal how much of a guess
  /// was right. Only the lengths' equality can be observed.
  static func constantTimeEquals(_ lhs: Data, _ rhs: Data) -> Bool {
    var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count) | (lhs.count == rhs.count ? 0 : 1)
    let count = max(lhs.count, rhs.count)
    for index in 0..<count {
      let left = index < lhs.count ? lhs[lhs.startIndex + index] : 0
      let right = index < rhs.count ? rhs[rhs.startIndex + index] : 0
      difference |= left ^ right
    }
    return difference == 0
  }

  public var description: String {
    switch rule {
    case .basic: "WebhookVerifier(basicAuth: <redacted>)"
    case .header(let name, _): "WebhookVerifier(header \(name): <redacted>)"
    case .query(let name, _): "WebhookVerifier(query \(name): <redacted>)"
    case .signed(let scheme): "WebhookVerifier(\(scheme.description))"
    }
  }

  public var customMirror: Mirror {
    Mirror(self, children: ["rule": description], displayStyle: .struct)
  }
}
