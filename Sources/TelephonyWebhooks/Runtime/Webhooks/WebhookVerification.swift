import Foundation
import HTTPTypes

/// Checks that an incoming webhook request carries the credential its subscription
/// registered, comparing in constant time.
///
/// None of the three providers signs its webhooks; each lets the subscriber register a
/// credential instead:
/// - Thulium: HTTP Basic with the subscription's `http_auth_user` and `http_auth_password`,
///   ``basicAuth(username:password:)``.
/// - Plusofon: a custom header from the subscription's `headers[]`,
///   ``header(_:equals:)``.
/// - Api4Com: a shared secret in the registered URL's query, such as
///   `https://example.com/hooks?secret=…`, ``queryParameter(_:equals:)``.
///
/// The verifier is framework-free: pass the request's headers and its URL or request target.
public struct WebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
  enum Rule: Sendable {
    case basic(username: String, password: Secret)
    case header(name: String, value: Secret)
    case query(name: String, value: Secret)
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

  /// Verifies a request.
  ///
  /// - Parameters:
  ///   - headers: the request's header fields.
  ///   - url: the request's URL or request target (`/hooks?secret=…`), needed for
  ///     ``queryParameter(_:equals:)``.
  /// - Throws: ``WebhookVerificationError`` when the credential is missing or wrong.
  public func verify(headers: HTTPFields, url: String? = nil) throws(WebhookVerificationError) {
    try verify(url: url) { name in HTTPField.Name(name).flatMap { headers[$0] } }
  }

  /// Verifies a request, reading headers through `header` (for frameworks with their own
  /// header type, such as Vapor's `req.headers.first(name:)`).
  public func verify(url: String? = nil, header: (String) -> String?) throws(WebhookVerificationError) {
    switch rule {
    case .basic(let username, let password):
      guard let value = header("Authorization") else {
        throw WebhookVerificationError(reason: .missing, credential: "Authorization header")
      }
      let parts = value.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "basic",
        let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces))
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
    }
  }

  public var customMirror: Mirror {
    Mirror(self, children: ["rule": description], displayStyle: .struct)
  }
}

/// A webhook request without the credential its subscription registered.
public struct WebhookVerificationError: Error, Hashable, CustomStringConvertible {
  /// What is wrong with the credential.
  public enum Reason: Sendable, Hashable {
    /// The request does not carry it.
    case missing
    /// It is there but cannot be read, such as an `Authorization` header that is not Basic.
    case malformed
    /// It is there and does not match.
    case mismatch
  }

  /// What is wrong with the credential.
  public var reason: Reason
  /// Where the credential was expected, such as `Authorization header`. Never its value.
  public var credential: String

  public var description: String {
    switch reason {
    case .missing: "webhook rejected: the \(credential) is missing"
    case .malformed: "webhook rejected: the \(credential) is malformed"
    case .mismatch: "webhook rejected: the \(credential) does not match"
    }
  }
}
