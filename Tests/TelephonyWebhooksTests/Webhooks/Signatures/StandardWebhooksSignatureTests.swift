import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

/// `.standardWebhooks(secret:tolerance:)`: the specification's own example, and fresh keys.
@Suite struct StandardWebhooksSignatureTests {
  // The Standard Webhooks specification's reference example.
  static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
  static let body = Data(#"{"test": 2432232314}"#.utf8)
  static let sent = Date(timeIntervalSince1970: 1_614_265_330)
  static let published: HTTPFields = [
    HTTPField.Name("webhook-id")!: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    HTTPField.Name("webhook-timestamp")!: "1614265330",
    HTTPField.Name("webhook-signature")!: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  ]
  let verifier = WebhookVerifier.standardWebhooks(secret: secret)

  private func rejection(
    _ headers: HTTPFields, body: Data = body, now: Date = sent, verifier: WebhookVerifier? = nil
  ) throws -> WebhookVerificationError {
    try #require(throws: WebhookVerificationError.self) {
      try (verifier ?? self.verifier).verify(headers: headers, url: nil, body: body, now: now)
    }
  }

  @Test func thePublishedExampleVerifies() throws {
    try verifier.verify(headers: Self.published, url: nil, body: Self.body, now: Self.sent)
    // Within the tolerance, either way.
    try verifier.verify(headers: Self.published, url: nil, body: Self.body, now: Self.sent + 300)
    try verifier.verify(headers: Self.published, url: nil, body: Self.body, now: Self.sent - 300)
  }

  @Test func signingReproducesThePublishedSignature() throws {
    let headers = try WebhookSigner.standardWebhooks(secret: Self.secret)
      .sign(body: Self.body, date: Self.sent, id: "msg_p5jXN8AQM9LWM0D4loKWxJek")
    #expect(headers == Self.published)
  }

  @Test func anyChangedByteOfTheBodyFails() throws {
    for index in Self.body.indices {
      var body = Self.body
      body[index] ^= 0x01
      #expect(try rejection(Self.published, body: body).reason == .mismatch, "byte \(index)")
    }
  }

  @Test func aChangedIDTimestampOrSignatureFails() throws {
    var id = Self.published
    id[HTTPField.Name("webhook-id")!] = "msg_p5jXN8AQM9LWM0D4loKWxJeK"
    #expect(try rejection(id) == WebhookVerificationError(reason: .mismatch, credential: "webhook-signature header"))
    var timestamp = Self.published
    timestamp[HTTPField.Name("webhook-timestamp")!] = "1614265331"
    #expect(try rejection(timestamp).reason == .mismatch)
    var signature = Self.published
    signature[HTTPField.Name("webhook-signature")!] = "v1,g1hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    #expect(try rejection(signature).reason == .mismatch)
  }

  @Test func anyListedSignatureThatMatchesAccepts() throws {
    var rotated = Self.published
    rotated[HTTPField.Name("webhook-signature")!] =
      "v1,bm90LXRoaXMtb25l v2,abc v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    try verifier.verify(headers: rotated, url: nil, body: Self.body, now: Self.sent)
  }

  @Test func staleAndFutureTimestampsAreRejected() throws {
    for now in [Self.sent + 301, Self.sent - 301, Date()] {
      let error = try rejection(Self.published, now: now)
      #expect(error == WebhookVerificationError(reason: .expired, credential: "webhook-timestamp header"))
      #expect(error.description == "webhook rejected: the webhook-timestamp header is outside the tolerance")
    }
    let wide = WebhookVerifier.standardWebhooks(secret: Self.secret, tolerance: .seconds(3600))
    try wide.verify(headers: Self.published, url: nil, body: Self.body, now: Self.sent + 3000)
  }

  @Test(arguments: ["webhook-id", "webhook-timestamp", "webhook-signature"])
  func aMissingHeaderIsNamed(name: String) throws {
    var headers = Self.published
    headers[HTTPField.Name(name)!] = nil
    #expect(try rejection(headers) == WebhookVerificationError(reason: .missing, credential: "\(name) header"))
  }

  @Test func malformedHeadersAreNamed() throws {
    for value in ["g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1,!!!", "v2,abc", ""] {
      var headers = Self.published
      headers[HTTPField.Name("webhook-signature")!] = value
      #expect(
        try rejection(headers) == WebhookVerificationError(reason: .malformed, credential: "webhook-signature header"))
    }
    var timestamp = Self.published
    timestamp[HTTPField.Name("webhook-timestamp")!] = "2021-02-25T15:02:10Z"
    #expect(
      try rejection(timestamp) == WebhookVerificationError(reason: .malformed, credential: "webhook-timestamp header"))
  }

  @Test func freshKeysRoundTripAndAnotherKeyFails() throws {
    let secret = "whsec_" + Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    let body = Data(#"{"type":"call.completed","id":"\#(UUID())"}"#.utf8)
    let headers = try WebhookSigner.standardWebhooks(secret: secret).sign(body: body)
    try WebhookVerifier.standardWebhooks(secret: secret).verify(headers: headers, url: nil, body: body)
    let other = "whsec_" + Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    let error = try rejection(headers, body: body, now: Date(), verifier: .standardWebhooks(secret: other))
    #expect(error.reason == .mismatch)
  }

  @Test func anUnusableSecretRejectsEveryDelivery() throws {
    let broken = WebhookVerifier.standardWebhooks(secret: "whsec_not base64!")
    let error = try rejection(Self.published, verifier: broken)
    #expect(error == WebhookVerificationError(reason: .unusableKey, credential: "Standard Webhooks secret"))
    #expect(throws: WebhookVerificationError.self) {
      try WebhookSigner.standardWebhooks(secret: "whsec_not base64!").sign(body: Self.body)
    }
  }

  @Test func theBodylessCallSaysTheSignatureNeedsTheBody() throws {
    let error = try #require(throws: WebhookVerificationError.self) {
      try verifier.verify(headers: Self.published, url: nil)
    }
    #expect(error == WebhookVerificationError(reason: .bodyRequired, credential: "webhook-signature header"))
    #expect(
      error.description
        == "webhook rejected: the webhook-signature header covers the body; verify with verify(headers:url:body:)")
    #expect(throws: WebhookVerificationError(reason: .bodyRequired, credential: "webhook-signature header")) {
      try verifier.verify { _ in nil }
    }
  }
}
