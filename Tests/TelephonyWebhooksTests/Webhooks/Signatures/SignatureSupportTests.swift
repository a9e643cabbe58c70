import Foundation
import Testing

@testable import TelephonyWebhooks

/// The verifiers' shortcut around Foundation's trimming answers as Foundation does.
@Suite struct SignatureSupportTests {
  @Test func trimmedIsFoundationsTrimmingOfWhitespace() {
    let values = [
      "", " ", "\t", "a", " a", "a ", " a b ", "\tBearer x\t", "\u{00A0}x\u{00A0}", "x\u{3000}", "x\n", "\ny", "é",
      " é ", "v1,abc=", "1765000000",
    ]
    for value in values {
      #expect(
        SignatureSupport.trimmed(value) == value.trimmingCharacters(in: .whitespaces), "\(value.debugDescription)")
      #expect(
        SignatureSupport.trimmed(Substring(value)) == value.trimmingCharacters(in: .whitespaces),
        "\(value.debugDescription)")
    }
  }
}
