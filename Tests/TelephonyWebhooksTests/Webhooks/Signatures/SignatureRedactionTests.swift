import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

/// No secret, key or expected signature in a verifier's or signer's description and dump, nor in
/// any error a signed scheme throws.
@Suite struct SignatureRedactionTests {
  static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
  static let token = "tw1l10-auth-token"
  static let telnyx = WebhookSigner.telnyx(privateKey: Data(repeating: 9, count: 32).base64EncodedString())

  static let verifiers: [WebhookVerifier] = [
    .standardWebhooks(secret: secret), .twilio(authToken: token, publicURL: URL(string: "https://example.com/voice")),
    .signalWire(signingKey: token), .telnyx(publicKey: telnyx.publicKey!), .vonage(signatureSecret: token),
  ]
  static let signers: [WebhookSigner] = [
    .standardWebhooks(secret: secret), .twilio(authToken: token), .signalWire(signingKey: token), telnyx,
    .vonage(signatureSecret: token),
  ]
  /// Every fragment that must never show.
  static let secrets = [
    "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "tw1l10", Data(repeating: 9, count: 32).base64EncodedString(),
    telnyx.publicKey!,
  ]

  private static func texts(_ value: Any) -> [String] {
    var dumped = ""
    dump(value, to: &dumped)
    return [String(describing: value), String(reflecting: value), dumped]
  }

  @Test func descriptionsAndDumpsShowNoSecret() {
    for value in Self.verifiers as [Any] + Self.signers as [Any] {
      for text in Self.texts(value) {
        for secret in Self.secrets { #expect(!text.contains(secret), "\(text)") }
      }
    }
    #expect(
      String(describing: Self.verifiers[0]) == "WebhookVerifier(standardWebhooks: <redacted>, tolerance: 300.0 seconds)"
    )
    #expect(
      String(describing: Self.verifiers[1])
        == "WebhookVerifier(twilio: <redacted>, publicURL: https://example.com/voice)")
    #expect(String(describing: Self.signers[3]) == "WebhookSigner(telnyx: <redacted>)")
  }

  @Test func errorsNameTheHeaderNeverTheSecretOrExpectedSignature() throws {
    let body = Data("CallSid=CA1&Digits=1".utf8)
    let url = "https://example.com/voice"
    let others: [WebhookSigner] = [
      .standardWebhooks(secret: "whsec_" + Data(count: 24).base64EncodedString()), .twilio(authToken: "other"),
      .signalWire(signingKey: "other"), .telnyx(), .vonage(signatureSecret: "other"),
    ]
    for ((verifier, signer), other) in zip(zip(Self.verifiers, Self.signers), others) {
      let valid = try signer.sign(body: body, url: url)
      let expectedValues = valid.map(\.value)
      // A tampered body, and the same body signed with another key.
      for (headers, sent) in [(valid, body + Data("&x=1".utf8)), (try other.sign(body: body, url: url), body)] {
        let error = try #require(throws: WebhookVerificationError.self) {
          try verifier.verify(headers: headers, url: url, body: sent)
        }
        for text in Self.texts(error) {
          for secret in Self.secrets + expectedValues where secret.count > 8 {
            #expect(!text.contains(secret), "\(text)")
          }
        }
      }
    }
  }
}
