import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

/// `.vonage(signatureSecret:tolerance:)`: an HS256 JWT in `Authorization: Bearer`, with fresh
/// secrets (Vonage publishes no fixed example).
@Suite struct VonageSignatureTests {
  static let body = Data(#"{"status":"answered","uuid":"63f61863"}"#.utf8)
  let secret = "sig-" + UUID().uuidString
  let now = Date(timeIntervalSince1970: 1_765_000_000)
  var verifier: WebhookVerifier { .vonage(signatureSecret: secret) }

  private func rejection(
    _ headers: HTTPFields, body: Data = body, now: Date? = nil
  ) throws -> WebhookVerificationError {
    try #require(throws: WebhookVerificationError.self) {
      try verifier.verify(headers: headers, url: nil, body: body, now: now ?? self.now)
    }
  }

  /// RFC 4648's base64url alphabet (`-` and `_` for `+` and `/`), without padding, both ways;
  /// padding or a character outside the alphabet is no token part.
  @Test func base64URLIsRFC4648sAlphabetWithoutPadding() {
    let bytes = Data([0xFB, 0xFF, 0xBF, 0x00, 0x10])
    #expect(bytes.base64EncodedString() == "+/+/ABA=")
    #expect(SignatureSupport.base64URLEncoded(bytes) == "-_-_ABA")
    #expect(SignatureSupport.base64URLDecoded("-_-_ABA") == bytes)
    #expect(SignatureSupport.base64URLDecoded("-_-_ABA=") == nil)
    #expect(SignatureSupport.base64URLDecoded("-_-_AB*") == nil)
    #expect(SignatureSupport.base64URLDecoded("") == Data())
    for count in 0..<8 {
      let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) })
      #expect(SignatureSupport.base64URLDecoded(Substring(SignatureSupport.base64URLEncoded(data))) == data)
    }
  }

  /// A bearer JWT with these parts, signed with HS256 by `secret` unless `signature` is given.
  private func token(header: String, claims: String, signature: String? = nil) -> HTTPFields {
    let head = SignatureSupport.base64URLEncoded(Data(header.utf8))
    let payload = SignatureSupport.base64URLEncoded(Data(claims.utf8))
    let mac = VonageSignature.signature(
      of: "\(head).\(payload)", key: VonageSignature(secret: secret, tolerance: .zero).key)
    return [.authorization: "Bearer \(head).\(payload).\(signature ?? mac)"]
  }

  private var claims: String {
    #"{"iat":1765000000,"payload_hash":"\#(SignatureSupport.sha256Hex(Self.body))"}"#
  }

  @Test func aFreshSecretRoundTrips() throws {
    let headers = try WebhookSigner.vonage(signatureSecret: secret).sign(body: Self.body, date: now)
    try verifier.verify(headers: headers, url: nil, body: Self.body, now: now)
    try verifier.verify(
      headers: token(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: claims), url: nil, body: Self.body, now: now)
    // payload_hash is optional.
    try verifier.verify(
      headers: token(header: #"{"alg":"HS256"}"#, claims: #"{"iat":1765000000}"#), url: nil, body: Data(), now: now)
  }

  @Test func aTamperedBodyOrAnotherSecretFails() throws {
    let headers = try WebhookSigner.vonage(signatureSecret: secret).sign(body: Self.body, date: now)
    let tampered = Data(#"{"status":"answered","uuid":"63f61864"}"#.utf8)
    #expect(
      try rejection(headers, body: tampered)
        == WebhookVerificationError(reason: .mismatch, credential: "JWT payload_hash claim"))
    let other = try WebhookSigner.vonage(signatureSecret: secret + "x").sign(body: Self.body, date: now)
    #expect(try rejection(other) == WebhookVerificationError(reason: .mismatch, credential: "JWT signature"))
    // Claims changed after signing.
    let forged = token(
      header: #"{"alg":"HS256"}"#, claims: #"{"iat":1765000001}"#,
      signature: SignatureSupport.base64URLEncoded(Data(count: 32)))
    #expect(try rejection(forged) == WebhookVerificationError(reason: .mismatch, credential: "JWT signature"))
  }

  @Test(arguments: ["none", "HS512", "RS256", "hs256", ""])
  func onlyHS256IsAccepted(algorithm: String) throws {
    let unsigned = token(header: #"{"alg":"\#(algorithm)","typ":"JWT"}"#, claims: claims, signature: "")
    #expect(try rejection(unsigned) == WebhookVerificationError(reason: .unsupportedAlgorithm, credential: "JWT alg"))
    let signed = token(header: #"{"alg":"\#(algorithm)"}"#, claims: claims)
    #expect(try rejection(signed).reason == .unsupportedAlgorithm)
    #expect(try rejection(token(header: #"{"typ":"JWT"}"#, claims: claims)).reason == .unsupportedAlgorithm)
  }

  @Test func staleAndFutureIssueTimesAreRejected() throws {
    let headers = try WebhookSigner.vonage(signatureSecret: secret).sign(body: Self.body, date: now)
    for later in [now + 301, now - 301] {
      #expect(
        try rejection(headers, now: later) == WebhookVerificationError(reason: .expired, credential: "JWT iat claim"))
    }
    let expired = token(header: #"{"alg":"HS256"}"#, claims: #"{"iat":1765000000,"exp":1764999999}"#)
    #expect(
      try rejection(expired, body: Data()) == WebhookVerificationError(reason: .expired, credential: "JWT exp claim"))
    let noTime = token(header: #"{"alg":"HS256"}"#, claims: #"{"payload_hash":"x"}"#)
    #expect(try rejection(noTime) == WebhookVerificationError(reason: .missing, credential: "JWT iat claim"))
    let textTime = token(header: #"{"alg":"HS256"}"#, claims: #"{"iat":"1765000000"}"#)
    #expect(try rejection(textTime) == WebhookVerificationError(reason: .malformed, credential: "JWT iat claim"))
  }

  @Test(arguments: ["", "Bearer", "Basic abc", "Bearer a.b", "Bearer a.b.c.d", "Bearer !!.e30.", "Bearer e30=.e30.x"])
  func malformedAuthorizationHeadersAreNamed(value: String) throws {
    #expect(
      try rejection([.authorization: value])
        == WebhookVerificationError(reason: .malformed, credential: "Authorization header"))
  }

  @Test func aMissingAuthorizationHeaderIsNamed() throws {
    #expect(try rejection([:]) == WebhookVerificationError(reason: .missing, credential: "Authorization header"))
  }
}
