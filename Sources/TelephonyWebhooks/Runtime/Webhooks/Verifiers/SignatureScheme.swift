import Crypto
import Foundation

/// A signed scheme's check of one delivery: what each `WebhookVerifier` signed rule runs.
protocol SignatureScheme: Sendable, CustomStringConvertible {
  /// Where the signature travels, such as `X-Twilio-Signature header`: named when a call
  /// without the body cannot check it.
  var signatureName: String { get }

  /// Accepts the request, or throws naming the header or claim that failed.
  func verify(url: String?, body: Data, now: Date, header: (String) -> String?) throws(WebhookVerificationError)
}

/// What the signed schemes share: timestamps within a tolerance, and the encodings of their
/// headers.
enum SignatureSupport {
  /// Accepts `timestamp` (seconds since 1970) when it is at most `tolerance` from `now`, in
  /// either direction: an old one is a replay, a future one was made to outlive the window.
  static func checkTimestamp(
    _ timestamp: Double, now: Date, tolerance: Duration, credential: String
  ) throws(WebhookVerificationError) {
    guard abs(now.timeIntervalSince1970 - timestamp) <= seconds(tolerance) else {
      throw WebhookVerificationError(reason: .expired, credential: credential)
    }
  }

  /// Parses a header of whole seconds since 1970, such as `1614265330`.
  static func unixTimestamp(
    _ header: (String) -> String?, _ name: String, now: Date, tolerance: Duration
  ) throws(WebhookVerificationError) -> String {
    guard let text = header(name) else {
      throw WebhookVerificationError(reason: .missing, credential: "\(name) header")
    }
    guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else {
      throw WebhookVerificationError(reason: .malformed, credential: "\(name) header")
    }
    try checkTimestamp(Double(seconds), now: now, tolerance: tolerance, credential: "\(name) header")
    return text
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  /// Lowercase hex, as `payload_hash` and Twilio's `bodySHA256` carry a SHA-256.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The hex SHA-256 of `body`.
  static func sha256Hex(_ body: Data) -> String {
    hex(SHA256.hash(data: body))
  }

  /// Decodes base64url without padding, as JWTs carry their parts.
  static func base64URLDecoded(_ text: Substring) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    guard !base64.contains("=") else { return nil }
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64)
  }

  static func base64URLEncoded(_ data: some DataProtocol) -> String {
    Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}
