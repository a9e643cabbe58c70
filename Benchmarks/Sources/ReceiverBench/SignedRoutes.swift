import Foundation
import HTTPTypes
import TelephonyWebhooks

/// One route per signature scheme, each on Api4Com's generated receiver (the same payloads and
/// decoding as `/hooks/api4com`), so that the difference between their costs per delivery and
/// the unverified route's is the scheme's own.
struct SignedRoute: Sendable {
  /// The route's last path component: `/hooks/NAME`.
  let name: String
  let verifier: WebhookVerifier
  let signer: WebhookSigner
  /// Whether the scheme signs the full URL (Twilio's algorithm): the delivery then goes to a URL
  /// with `bodySHA256`, which covers the JSON body.
  let signsURL: Bool

  /// The authority that a URL-signing scheme's delivery names, as a client's `Host` header would.
  static let authority = "bench.example"

  // Fixed keys, so that every run signs and checks the same bytes. The Standard Webhooks secret
  // is the one of that specification's own test vector.
  static let all: [SignedRoute] = {
    let telnyx = WebhookSigner.telnyx(privateKey: Data(repeating: 7, count: 32).base64EncodedString())
    guard let publicKey = telnyx.publicKey else { fatalError("the Telnyx bench key is unusable") }
    let standardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    return [
      SignedRoute(
        name: "api4com-standard-webhooks", verifier: .standardWebhooks(secret: standardSecret),
        signer: .standardWebhooks(secret: standardSecret), signsURL: false),
      SignedRoute(
        name: "api4com-twilio", verifier: .twilio(authToken: "bench-auth-token"),
        signer: .twilio(authToken: "bench-auth-token"), signsURL: true),
      SignedRoute(
        name: "api4com-signalwire", verifier: .signalWire(signingKey: "bench-signing-key"),
        signer: .signalWire(signingKey: "bench-signing-key"), signsURL: true),
      SignedRoute(name: "api4com-telnyx", verifier: .telnyx(publicKey: publicKey), signer: telnyx, signsURL: false),
      SignedRoute(
        name: "api4com-vonage", verifier: .vonage(signatureSecret: "bench-signature-secret"),
        signer: .vonage(signatureSecret: "bench-signature-secret"), signsURL: false),
    ]
  }()

  /// The request target and headers of a delivery of `body` signed now, as the provider sends it.
  func delivery(of body: Data) -> (target: String, headers: HTTPFields) {
    var target = "/hooks/\(name)"
    if signsURL {
      let url = WebhookSigner.twilioURL("https://\(Self.authority)\(target)", coveringBody: body)
      target = String(url.dropFirst("https://\(Self.authority)".count))
    }
    do {
      let headers = try signer.sign(body: body, url: "https://\(Self.authority)\(target)", id: "msg_bench")
      return (target, headers)
    } catch {
      fatalError("\(name): \(error)")
    }
  }
}
