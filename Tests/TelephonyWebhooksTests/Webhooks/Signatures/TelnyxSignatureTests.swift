import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

/// `.telnyx(publicKey:tolerance:)`: Ed25519 over `timestamp|body`, with fresh keys (Telnyx
/// publishes no fixed example).
@Suite struct TelnyxSignatureTests {
  static let body = Data(#"{"data":{"event_type":"call.initiated","payload":{"call_control_id":"v3:abc"}}}"#.utf8)
  let signer = WebhookSigner.telnyx()
  let now = Date(timeIntervalSince1970: 1_765_000_000)
  var verifier: WebhookVerifier { .telnyx(publicKey: signer.publicKey ?? "") }

  private func rejection(
    _ headers: HTTPFields, body: Data = body, verifier: WebhookVerifier? = nil, now: Date? = nil
  ) throws -> WebhookVerificationError {
    try #require(throws: WebhookVerificationError.self) {
      try (verifier ?? self.verifier).verify(headers: headers, url: "/hooks/telnyx", body: body, now: now ?? self.now)
    }
  }

  @Test func aFreshKeyRoundTrips() throws {
    let headers = try signer.sign(body: Self.body, date: now)
    #expect(headers[HTTPField.Name("telnyx-timestamp")!] == "1765000000")
    try verifier.verify(headers: headers, url: "/hooks/telnyx", body: Self.body, now: now)
    let live = try signer.sign(body: Self.body)
    try verifier.verify(headers: live, url: nil, body: Self.body)
    let fromPrivateKey = WebhookSigner.telnyx(privateKey: Data(repeating: 7, count: 32).base64EncodedString())
    let key = try #require(fromPrivateKey.publicKey)
    try WebhookVerifier.telnyx(publicKey: key).verify(
      headers: try fromPrivateKey.sign(body: Self.body, date: now), url: nil, body: Self.body, now: now)
  }

  @Test func aChangedBodyTimestampOrKeyFails() throws {
    let headers = try signer.sign(body: Self.body, date: now)
    var body = Self.body
    body[body.startIndex + 10] ^= 0x01
    let mismatch = WebhookVerificationError(reason: .mismatch, credential: "telnyx-signature-ed25519 header")
    #expect(try rejection(headers, body: body) == mismatch)
    var timestamp = headers
    timestamp[HTTPField.Name("telnyx-timestamp")!] = "1765000001"
    #expect(try rejection(timestamp) == mismatch)
    let other = WebhookVerifier.telnyx(publicKey: WebhookSigner.telnyx().publicKey!)
    #expect(try rejection(headers, verifier: other) == mismatch)
  }

  @Test func staleAndFutureTimestampsAreRejected() throws {
    let headers = try signer.sign(body: Self.body, date: now)
    for later in [now + 301, now - 301] {
      #expect(
        try rejection(headers, now: later)
          == WebhookVerificationError(reason: .expired, credential: "telnyx-timestamp header"))
    }
    try verifier.verify(headers: headers, url: nil, body: Self.body, now: now + 300)
  }

  @Test func missingAndMalformedHeadersAreNamed() throws {
    let headers = try signer.sign(body: Self.body, date: now)
    for name in ["telnyx-signature-ed25519", "telnyx-timestamp"] {
      var missing = headers
      missing[HTTPField.Name(name)!] = nil
      #expect(try rejection(missing) == WebhookVerificationError(reason: .missing, credential: "\(name) header"))
    }
    for value in ["not base64!", Data(count: 63).base64EncodedString()] {
      var malformed = headers
      malformed[HTTPField.Name("telnyx-signature-ed25519")!] = value
      #expect(
        try rejection(malformed)
          == WebhookVerificationError(reason: .malformed, credential: "telnyx-signature-ed25519 header"))
    }
    var timestamp = headers
    timestamp[HTTPField.Name("telnyx-timestamp")!] = "soon"
    #expect(
      try rejection(timestamp) == WebhookVerificationError(reason: .malformed, credential: "telnyx-timestamp header"))
  }

  @Test func anUnusablePublicKeyRejectsEveryDelivery() throws {
    let headers = try signer.sign(body: Self.body, date: now)
    for key in ["", "not base64!", Data(count: 31).base64EncodedString()] {
      #expect(
        try rejection(headers, verifier: .telnyx(publicKey: key))
          == WebhookVerificationError(reason: .unusableKey, credential: "Telnyx public key"))
    }
    #expect(throws: WebhookVerificationError(reason: .unusableKey, credential: "Telnyx private key")) {
      try WebhookSigner.telnyx(privateKey: "short").sign(body: Self.body)
    }
  }
}
