import Crypto
import Foundation

extension WebhookVerifier {
  /// Accepts a delivery signed as Telnyx signs its webhooks: `telnyx-signature-ed25519`, the
  /// base64 Ed25519 signature of `telnyx-timestamp|body`.
  ///
  /// - Parameters:
  ///   - publicKey: The account's public key, as the Mission Control Portal shows it: the base64
  ///     of the raw 32-byte Ed25519 key.
  ///   - tolerance: How far `telnyx-timestamp` may be from now, either way.
  public static func telnyx(publicKey: String, tolerance: Duration = .seconds(300)) -> Self {
    Self(rule: .signed(TelnyxSignature(publicKey: publicKey, tolerance: tolerance)))
  }
}

/// Telnyx: Ed25519 over `timestamp|body`.
struct TelnyxSignature: SignatureScheme {
  /// `nil` when the key is not the base64 of 32 bytes: every delivery is then rejected.
  let key: Curve25519.Signing.PublicKey?
  let tolerance: Duration

  init(publicKey: String, tolerance: Duration) {
    key = Data(base64Encoded: publicKey.trimmingCharacters(in: .whitespaces))
      .flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    self.tolerance = tolerance
  }

  var signatureName: String { "telnyx-signature-ed25519 header" }
  // The public key is no secret, but it is the configuration's business, not a log's.
  var description: String { "telnyx: <redacted>, tolerance: \(tolerance)" }

  func verify(url: String?, body: Data, now: Date, header: (String) -> String?) throws(WebhookVerificationError) {
    guard let key else { throw WebhookVerificationError(reason: .unusableKey, credential: "Telnyx public key") }
    guard let value = header("telnyx-signature-ed25519") else {
      throw WebhookVerificationError(reason: .missing, credential: signatureName)
    }
    let timestamp = try SignatureSupport.unixTimestamp(header, "telnyx-timestamp", now: now, tolerance: tolerance)
    guard let signature = Data(base64Encoded: SignatureSupport.trimmed(value)), signature.count == 64
    else { throw WebhookVerificationError(reason: .malformed, credential: signatureName) }
    guard key.isValidSignature(signature, for: Self.signedContent(timestamp: timestamp, body: body)) else {
      throw WebhookVerificationError(reason: .mismatch, credential: signatureName)
    }
  }

  static func signedContent(timestamp: String, body: Data) -> Data {
    Data("\(timestamp)|".utf8) + body
  }
}
