import Crypto
import Foundation
import HTTPTypes

/// Signs a webhook delivery as a provider would: the inverse of each of ``WebhookVerifier``'s
/// signed schemes, for testing a receiver with a valid delivery.
///
/// ```swift
/// let signer = WebhookSigner.telnyx()  // a fresh key pair
/// let receiver = WebhookVerifier.telnyx(publicKey: signer.publicKey!)
/// let headers = try signer.sign(body: body)
/// try receiver.verify(headers: headers, url: "/hooks/telnyx", body: body)
/// ```
///
/// Like the verifier, its `description` and `dump` never show a key.
public struct WebhookSigner: Sendable, CustomStringConvertible, CustomReflectable {
  enum Scheme: Sendable {
    case standardWebhooks(SymmetricKey?)
    case twilio(SymmetricKey, header: HTTPField.Name)
    case telnyx(Curve25519.Signing.PrivateKey?)
    case vonage(SymmetricKey)
  }

  let scheme: Scheme

  /// Signs as ``WebhookVerifier/standardWebhooks(secret:tolerance:)`` verifies.
  /// - Parameter secret: The endpoint's secret, `whsec_` and the base64 of the key.
  public static func standardWebhooks(secret: String) -> Self {
    Self(scheme: .standardWebhooks(StandardWebhooksSignature.key(secret)))
  }

  /// Signs as ``WebhookVerifier/twilio(authToken:publicURL:)`` verifies, in `X-Twilio-Signature`.
  /// - Parameter authToken: The account's auth token.
  public static func twilio(authToken: String) -> Self {
    Self(scheme: .twilio(SymmetricKey(data: Data(authToken.utf8)), header: HTTPField.Name("X-Twilio-Signature")!))
  }

  /// Signs as ``WebhookVerifier/signalWire(signingKey:publicURL:)`` verifies, in
  /// `X-SignalWire-Signature`.
  /// - Parameter signingKey: The SignalWire project's signing key.
  public static func signalWire(signingKey: String) -> Self {
    Self(scheme: .twilio(SymmetricKey(data: Data(signingKey.utf8)), header: HTTPField.Name("X-SignalWire-Signature")!))
  }

  /// Signs as ``WebhookVerifier/telnyx(publicKey:tolerance:)`` verifies, with an Ed25519 key.
  /// - Parameter privateKey: The base64 of the raw 32-byte Ed25519 private key.
  public static func telnyx(privateKey: String) -> Self {
    let key = Data(base64Encoded: privateKey).flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
    return Self(scheme: .telnyx(key))
  }

  /// Signs as ``WebhookVerifier/telnyx(publicKey:tolerance:)`` verifies, with a fresh Ed25519
  /// key: pass its ``publicKey`` to the verifier.
  public static func telnyx() -> Self {
    Self(scheme: .telnyx(Curve25519.Signing.PrivateKey()))
  }

  /// Signs as ``WebhookVerifier/vonage(signatureSecret:tolerance:)`` verifies, with a JWT.
  /// - Parameter signatureSecret: The account's signature secret.
  public static func vonage(signatureSecret: String) -> Self {
    Self(scheme: .vonage(SymmetricKey(data: Data(signatureSecret.utf8))))
  }

  /// The base64 of the raw Ed25519 public key that verifies this signer's signatures: what
  /// ``WebhookVerifier/telnyx(publicKey:tolerance:)`` takes. `nil` for the HMAC schemes, whose
  /// key is a shared secret.
  public var publicKey: String? {
    guard case .telnyx(let key?) = scheme else { return nil }
    return key.publicKey.rawRepresentation.base64EncodedString()
  }

  /// The headers that sign a delivery of `body`, to send with it.
  ///
  /// - Parameters:
  ///   - body: The request body, exactly as it will be sent.
  ///   - url: The full URL the delivery goes to (`https://example.com/hooks/voice?x=1`): Twilio
  ///     and SignalWire sign it, and read the body as form parameters unless the URL has a
  ///     `bodySHA256` (see ``twilioURL(_:coveringBody:)``). The other schemes ignore it.
  ///   - date: When the delivery is signed: its timestamp, or its JWT's `iat`.
  ///   - id: The Standard Webhooks `webhook-id`, or the Vonage JWT's `jti`; a fresh one by default.
  /// - Throws: ``WebhookVerificationError`` with ``WebhookVerificationError/Reason/unusableKey``
  ///   when the key cannot be used, or ``WebhookVerificationError/Reason/missing`` when Twilio or
  ///   SignalWire gets no URL.
  public func sign(
    body: Data, url: String? = nil, date: Date = Date(), id: String? = nil
  ) throws(WebhookVerificationError) -> HTTPFields {
    let id = id ?? "msg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let timestamp = String(Int64(date.timeIntervalSince1970.rounded(.down)))
    var headers = HTTPFields()
    switch scheme {
    case .standardWebhooks(let key):
      guard let key else {
        throw WebhookVerificationError(reason: .unusableKey, credential: "Standard Webhooks secret")
      }
      headers[HTTPField.Name("webhook-id")!] = id
      headers[HTTPField.Name("webhook-timestamp")!] = timestamp
      headers[HTTPField.Name("webhook-signature")!] = StandardWebhooksSignature.signature(
        key: key, id: id, timestamp: timestamp, body: body)
    case .twilio(let key, let name):
      guard let url else { throw WebhookVerificationError(reason: .missing, credential: "request URL") }
      let parameters =
        WebhookVerifier.queryValue("bodySHA256", in: url) == nil ? FormDecoder.pairs(in: body) ?? [] : []
      headers[name] = TwilioSignature.signature(key: key, url: url, parameters: parameters)
    case .telnyx(let key):
      guard let key else { throw WebhookVerificationError(reason: .unusableKey, credential: "Telnyx private key") }
      let content = TelnyxSignature.signedContent(timestamp: timestamp, body: body)
      guard let signature = try? key.signature(for: content) else {
        throw WebhookVerificationError(reason: .unusableKey, credential: "Telnyx private key")
      }
      headers[HTTPField.Name("telnyx-signature-ed25519")!] = signature.base64EncodedString()
      headers[HTTPField.Name("telnyx-timestamp")!] = timestamp
    case .vonage(let key):
      headers[.authorization] = "Bearer " + VonageSignature.token(key: key, body: body, date: date, id: id)
    }
    return headers
  }

  /// `url` with the `bodySHA256` query parameter that covers a JSON `body`, as Twilio and
  /// SignalWire send a JSON delivery: sign and send to the URL this returns.
  public static func twilioURL(_ url: String, coveringBody body: Data) -> String {
    let fragment = url.firstIndex(of: "#") ?? url.endIndex
    let separator = url[..<fragment].contains("?") ? "&" : "?"
    return url[..<fragment] + separator + "bodySHA256=" + SignatureSupport.sha256Hex(body)
  }

  public var description: String {
    switch scheme {
    case .standardWebhooks: "WebhookSigner(standardWebhooks: <redacted>)"
    case .twilio(_, let header): "WebhookSigner(\(header): <redacted>)"
    case .telnyx: "WebhookSigner(telnyx: <redacted>)"
    case .vonage: "WebhookSigner(vonage: <redacted>)"
    }
  }

  public var customMirror: Mirror {
    Mirror(self, children: ["scheme": description], displayStyle: .struct)
  }
}
