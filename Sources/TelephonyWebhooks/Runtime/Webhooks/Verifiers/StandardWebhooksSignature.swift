import Crypto
import Foundation

extension WebhookVerifier {
  /// Accepts a delivery signed as the Standard Webhooks specification says: an HMAC-SHA256 of
  /// `webhook-id.webhook-timestamp.body` in `webhook-signature`.
  ///
  /// `webhook-signature` may list several space-separated `v1,<base64>` signatures (during a
  /// secret's rotation); any one that matches accepts.
  ///
  /// - Parameters:
  ///   - secret: The endpoint's secret, `whsec_` and the base64 of the key.
  ///   - tolerance: How far `webhook-timestamp` may be from now, either way.
  public static func standardWebhooks(secret: String, tolerance: Duration = .seconds(300)) -> Self {
    Self(rule: .signed(StandardWebhooksSignature(secret: secret, tolerance: tolerance)))
  }
}

/// Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, keyed by the base64 after `whsec_`.
struct StandardWebhooksSignature: SignatureScheme {
  /// `nil` when the secret is not base64: every delivery is then rejected.
  let key: SymmetricKey?
  let tolerance: Duration

  init(secret: String, tolerance: Duration) {
    key = Self.key(secret)
    self.tolerance = tolerance
  }

  static func key(_ secret: String) -> SymmetricKey? {
    let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
    guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else { return nil }
    return SymmetricKey(data: bytes)
  }

  var signatureName: String { "webhook-signature header" }
  var description: String { "standardWebhooks: <redacted>, tolerance: \(tolerance)" }

  func verify(url: String?, body: Data, now: Date, header: (String) -> String?) throws(WebhookVerificationError) {
    guard let key else { throw WebhookVerificationError(reason: .unusableKey, credential: "Standard Webhooks secret") }
    guard let id = header("webhook-id") else {
      throw WebhookVerificationError(reason: .missing, credential: "webhook-id header")
    }
    guard let signatures = header("webhook-signature") else {
      throw WebhookVerificationError(reason: .missing, credential: signatureName)
    }
    let timestamp = try SignatureSupport.unixTimestamp(header, "webhook-timestamp", now: now, tolerance: tolerance)
    let candidates = signatures.split(separator: " ").compactMap { entry -> Data? in
      let parts = entry.split(separator: ",", maxSplits: 1)
      guard parts.count == 2, parts[0] == "v1" else { return nil }
      return Data(base64Encoded: String(parts[1]))
    }
    guard !candidates.isEmpty else { throw WebhookVerificationError(reason: .malformed, credential: signatureName) }
    let content = Self.signedContent(id: id, timestamp: timestamp, body: body)
    // Every candidate is checked, so the time taken does not tell which one matched.
    var matched = false
    for candidate in candidates {
      matched = HMAC<SHA256>.isValidAuthenticationCode(candidate, authenticating: content, using: key) || matched
    }
    guard matched else { throw WebhookVerificationError(reason: .mismatch, credential: signatureName) }
  }

  static func signedContent(id: String, timestamp: String, body: Data) -> Data {
    Data("\(id).\(timestamp).".utf8) + body
  }

  /// `v1,<base64>` for `body`, as `webhook-signature` carries it.
  static func signature(key: SymmetricKey, id: String, timestamp: String, body: Data) -> String {
    let mac = HMAC<SHA256>.authenticationCode(for: signedContent(id: id, timestamp: timestamp, body: body), using: key)
    return "v1," + Data(mac).base64EncodedString()
  }
}
