/// A webhook request without the credential or signature its subscription expects.
///
/// It names where the credential was expected (`X-Twilio-Signature header`, `JWT iat claim`),
/// never its value, a secret or an expected signature.
public struct WebhookVerificationError: Error, Hashable, CustomStringConvertible {
  /// What is wrong with the credential.
  public enum Reason: Sendable, Hashable {
    /// The request does not carry it.
    case missing
    /// It is there but cannot be read, such as an `Authorization` header that is not Basic, or
    /// a signature that is not base64.
    case malformed
    /// It is there and does not match.
    case mismatch
    /// Its timestamp is further from now than the verifier's tolerance, in the past or in the
    /// future: a replayed or mis-dated delivery.
    case expired
    /// A JWT names an algorithm other than the one the scheme uses, such as `none`.
    case unsupportedAlgorithm
    /// The signature covers the body, and the call had none: use
    /// ``WebhookVerifier/verify(headers:url:body:)``.
    case bodyRequired
    /// The verifier's (or signer's) own key cannot be used, such as a Standard Webhooks secret
    /// that is not base64 after `whsec_`: every delivery is rejected until it is fixed.
    case unusableKey
  }

  /// What is wrong with the credential.
  public var reason: Reason
  /// Where the credential was expected, such as `Authorization header` or `JWT iat claim`.
  /// Never its value.
  public var credential: String

  /// Describes a rejection of `credential` for `reason`.
  public init(reason: Reason, credential: String) {
    self.reason = reason
    self.credential = credential
  }

  public var description: String {
    switch reason {
    case .missing: "webhook rejected: the \(credential) is missing"
    case .malformed: "webhook rejected: the \(credential) is malformed"
    case .mismatch: "webhook rejected: the \(credential) does not match"
    case .expired: "webhook rejected: the \(credential) is outside the tolerance"
    case .unsupportedAlgorithm: "webhook rejected: the \(credential) names an algorithm this scheme does not accept"
    case .bodyRequired: "webhook rejected: the \(credential) covers the body; verify with verify(headers:url:body:)"
    case .unusableKey: "webhook rejected: the verifier's \(credential) cannot be used"
    }
  }
}
