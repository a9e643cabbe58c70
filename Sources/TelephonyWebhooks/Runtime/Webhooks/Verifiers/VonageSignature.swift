import Crypto
import Foundation

extension WebhookVerifier {
  /// Accepts a delivery signed as Vonage signs its webhooks: `Authorization: Bearer <JWT>`, a
  /// JWT signed with HS256 by the account's signature secret.
  ///
  /// Only HS256 is accepted: `none` and every other algorithm are rejected. The JWT's `iat` must
  /// be within `tolerance` of now, its `exp`, when present, not past, and its `payload_hash`,
  /// when present, the hex SHA-256 of the body.
  ///
  /// - Parameters:
  ///   - signatureSecret: The account's signature secret.
  ///   - tolerance: How far `iat` may be from now, either way.
  public static func vonage(signatureSecret: String, tolerance: Duration = .seconds(300)) -> Self {
    Self(rule: .signed(VonageSignature(secret: signatureSecret, tolerance: tolerance)))
  }
}

/// Vonage: a JWT signed with HS256, whose claims carry the time and the body's hash.
struct VonageSignature: SignatureScheme {
  let key: SymmetricKey
  let tolerance: Duration

  init(secret: String, tolerance: Duration) {
    key = SymmetricKey(data: Data(secret.utf8))
    self.tolerance = tolerance
  }

  var signatureName: String { "Authorization header" }
  var description: String { "vonage: <redacted>, tolerance: \(tolerance)" }

  private struct Header: Decodable {
    var alg: String?
  }

  func verify(url: String?, body: Data, now: Date, header: (String) -> String?) throws(WebhookVerificationError) {
    guard let value = header("Authorization") else {
      throw WebhookVerificationError(reason: .missing, credential: signatureName)
    }
    let malformed = WebhookVerificationError(reason: .malformed, credential: signatureName)
    let words = value.split(separator: " ", maxSplits: 1)
    guard words.count == 2, words[0].lowercased() == "bearer" else { throw malformed }
    let parts = SignatureSupport.trimmed(words[1]).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let headerData = SignatureSupport.base64URLDecoded(parts[0]),
      let claimsData = SignatureSupport.base64URLDecoded(parts[1]),
      let signature = SignatureSupport.base64URLDecoded(parts[2]),
      let jose = try? JSONCoding.decoder.decode(Header.self, from: headerData),
      let claims = try? JSONCoding.decoder.decode([String: JSONValue].self, from: claimsData)
    else { throw malformed }
    guard jose.alg == "HS256" else {
      throw WebhookVerificationError(reason: .unsupportedAlgorithm, credential: "JWT alg")
    }
    let signingInput = Data("\(parts[0]).\(parts[1])".utf8)
    guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key) else {
      throw WebhookVerificationError(reason: .mismatch, credential: "JWT signature")
    }
    guard let issued = claims["iat"] else {
      throw WebhookVerificationError(reason: .missing, credential: "JWT iat claim")
    }
    guard let issuedAt = Self.seconds(issued) else {
      throw WebhookVerificationError(reason: .malformed, credential: "JWT iat claim")
    }
    try SignatureSupport.checkTimestamp(issuedAt, now: now, tolerance: tolerance, credential: "JWT iat claim")
    if let expiry = claims["exp"] {
      guard let expiresAt = Self.seconds(expiry) else {
        throw WebhookVerificationError(reason: .malformed, credential: "JWT exp claim")
      }
      guard now.timeIntervalSince1970 <= expiresAt else {
        throw WebhookVerificationError(reason: .expired, credential: "JWT exp claim")
      }
    }
    if let hash = claims["payload_hash"] {
      guard let hash = hash.stringValue,
        WebhookVerifier.constantTimeEquals(Data(hash.lowercased().utf8), Data(SignatureSupport.sha256Hex(body).utf8))
      else { throw WebhookVerificationError(reason: .mismatch, credential: "JWT payload_hash claim") }
    }
  }

  private static func seconds(_ value: JSONValue) -> Double? {
    switch value {
    case .int(let seconds): Double(seconds)
    case .double(let seconds): seconds.isFinite ? seconds : nil
    default: nil
    }
  }

  /// A JWT for `body` issued at `date`, signed with HS256 by `key`, with `payload_hash`.
  static func token(key: SymmetricKey, body: Data, date: Date, id: String) -> String {
    let header = SignatureSupport.base64URLEncoded(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
    let jti = String(decoding: (try? JSONCoding.encoder.encode(id)) ?? Data(#""""#.utf8), as: UTF8.self)
    let claims =
      #"{"iat":\#(Int(date.timeIntervalSince1970)),"jti":\#(jti),"payload_hash":"\#(SignatureSupport.sha256Hex(body))"}"#
    let encodedClaims = SignatureSupport.base64URLEncoded(Data(claims.utf8))
    return "\(header).\(encodedClaims).\(signature(of: "\(header).\(encodedClaims)", key: key))"
  }

  /// The base64url HS256 signature of a JWT's `header.claims`.
  static func signature(of signingInput: String, key: SymmetricKey) -> String {
    SignatureSupport.base64URLEncoded(Data(HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)))
  }
}
