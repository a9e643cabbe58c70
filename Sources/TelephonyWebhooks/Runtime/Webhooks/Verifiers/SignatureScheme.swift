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
  /// `text` without the whitespace around it, as `trimmingCharacters(in: .whitespaces)` gives
  /// it; a value that begins and ends with a visible ASCII character, as nearly every header
  /// value does, is returned as it is, without Foundation's scan (a quarter of a Vonage
  /// delivery's verification).
  static func trimmed(_ text: String) -> String { trimmed(text, bytes: text.utf8) }

  static func trimmed(_ text: Substring) -> String { trimmed(text, bytes: text.utf8) }

  private static func trimmed(_ text: some StringProtocol, bytes: some BidirectionalCollection<UInt8>) -> String {
    if let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
      return String(text)
    }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// Accepts `timestamp` (seconds since 1970) when it is at most `tolerance` from `now`, in
  /// either direction: an old one is a replay, a future one was made to outlive the window.
  static func checkTimestamp(
    _ timestamp: Double, now: Date, tolerance: Duration, credential: String
  ) throws(WebhookVerificationError) {
    guard abs(now.timeIntervalSince1970 - timestamp) <= tolerance / .seconds(1) else {
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
    guard let seconds = Int64(trimmed(text)) else {
      throw WebhookVerificationError(reason: .malformed, credential: "\(name) header")
    }
    try checkTimestamp(Double(seconds), now: now, tolerance: tolerance, credential: "\(name) header")
    return text
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

  /// Decodes base64url without padding, as JWTs carry their parts; mapped to base64 on its
  /// bytes (Foundation's string search cost a third of a Vonage delivery's verification).
  static func base64URLDecoded(_ text: Substring) -> Data? {
    var base64: [UInt8] = []
    base64.reserveCapacity(text.utf8.count + 3)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "="): return nil
      case UInt8(ascii: "-"): base64.append(UInt8(ascii: "+"))
      case UInt8(ascii: "_"): base64.append(UInt8(ascii: "/"))
      default: base64.append(byte)
      }
    }
    base64 += repeatElement(UInt8(ascii: "="), count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: Data(base64))
  }

  static func base64URLEncoded(_ data: some DataProtocol) -> String {
    let base64 = Data(data).base64EncodedData()
    var url: [UInt8] = []
    url.reserveCapacity(base64.count)
    for byte in base64 {
      switch byte {
      case UInt8(ascii: "="): continue
      case UInt8(ascii: "+"): url.append(UInt8(ascii: "-"))
      case UInt8(ascii: "/"): url.append(UInt8(ascii: "_"))
      default: url.append(byte)
      }
    }
    return String(decoding: url, as: UTF8.self)
  }
}
