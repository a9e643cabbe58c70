import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

/// `.twilio(authToken:publicURL:)` and `.signalWire(signingKey:publicURL:)`: Twilio's published
/// example, the URL as a server sees it, and JSON bodies through `bodySHA256`.
@Suite struct TwilioSignatureTests {
  // The example in Twilio's security documentation.
  static let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
  static let body = Data(
    "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212".utf8)
  static let signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
  static let header = HTTPField.Name("X-Twilio-Signature")!
  let verifier = WebhookVerifier.twilio(authToken: "12345")

  private func rejection(
    _ verifier: WebhookVerifier, headers: HTTPFields, url: String? = url, body: Data = body
  ) throws -> WebhookVerificationError {
    try #require(throws: WebhookVerificationError.self) { try verifier.verify(headers: headers, url: url, body: body) }
  }

  @Test func thePublishedExampleVerifies() throws {
    try verifier.verify(headers: [Self.header: Self.signature], url: Self.url, body: Self.body)
    // The parameters' order in the body does not matter: they are sorted.
    let reordered = Data(
      "To=%2B18005551212&Digits=1234&Caller=%2B12349013030&From=%2B12349013030&CallSid=CA1234567890ABCDE".utf8)
    try verifier.verify(headers: [Self.header: Self.signature], url: Self.url, body: reordered)
  }

  @Test func signingReproducesThePublishedSignature() throws {
    let headers = try WebhookSigner.twilio(authToken: "12345").sign(body: Self.body, url: Self.url)
    #expect(headers == [Self.header: Self.signature])
  }

  @Test func aChangedByteOfTheSignatureURLOrParametersFails() throws {
    let original = Array(Self.signature.utf8)
    for index in original.indices where original[index] != UInt8(ascii: "=") {
      var bytes = original
      bytes[index] = bytes[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
      let error = try rejection(verifier, headers: [Self.header: String(decoding: bytes, as: UTF8.self)])
      #expect(error.reason == .mismatch || error.reason == .malformed, "byte \(index)")
    }
    let tamperedQuery = try rejection(
      verifier, headers: [Self.header: Self.signature], url: "https://mycompany.com/myapp.php?foo=2&bar=2")
    #expect(tamperedQuery == WebhookVerificationError(reason: .mismatch, credential: "X-Twilio-Signature header"))
    let tamperedParameter = Data(
      "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1235&From=%2B12349013030&To=%2B18005551212".utf8)
    #expect(
      try rejection(verifier, headers: [Self.header: Self.signature], body: tamperedParameter).reason == .mismatch)
    let addedParameter = Self.body + Data("&Extra=1".utf8)
    #expect(try rejection(verifier, headers: [Self.header: Self.signature], body: addedParameter).reason == .mismatch)
    #expect(
      try rejection(.twilio(authToken: "12346"), headers: [Self.header: Self.signature]).reason == .mismatch)
  }

  @Test func missingAndMalformedSignaturesAreNamed() throws {
    #expect(
      try rejection(verifier, headers: [:])
        == WebhookVerificationError(reason: .missing, credential: "X-Twilio-Signature header"))
    #expect(
      try rejection(verifier, headers: [Self.header: "not base64!"])
        == WebhookVerificationError(reason: .malformed, credential: "X-Twilio-Signature header"))
  }

  @Test func theDefaultPortIsAcceptedEitherWay() throws {
    let headers: HTTPFields = [Self.header: Self.signature]
    try verifier.verify(headers: headers, url: "https://mycompany.com:443/myapp.php?foo=1&bar=2", body: Self.body)
    let signedWithPort = try WebhookSigner.twilio(authToken: "12345")
      .sign(body: Self.body, url: "https://mycompany.com:443/myapp.php?foo=1&bar=2")
    try verifier.verify(headers: signedWithPort, url: Self.url, body: Self.body)
    #expect(
      try rejection(verifier, headers: headers, url: "https://mycompany.com:8443/myapp.php?foo=1&bar=2").reason
        == .mismatch)
    #expect(TwilioSignature.portVariants("http://a.example/x") == ["http://a.example/x", "http://a.example:80/x"])
    #expect(TwilioSignature.portVariants("http://a.example:80?q") == ["http://a.example:80?q", "http://a.example?q"])
    #expect(TwilioSignature.portVariants("https://u:p@[::1]:8443/") == ["https://u:p@[::1]:8443/"])
    #expect(TwilioSignature.portVariants("https://[::1]/") == ["https://[::1]/", "https://[::1]:443/"])
  }

  @Test func theURLComesFromThePublicURLOrTheRequest() throws {
    let headers: HTTPFields = [Self.header: Self.signature]
    // publicURL plus the request's query, whatever host the server saw.
    let behindProxy = WebhookVerifier.twilio(
      authToken: "12345", publicURL: URL(string: "https://mycompany.com/myapp.php"))
    try behindProxy.verify(headers: headers, url: "/internal/voice?foo=1&bar=2", body: Self.body)
    // Without it: https, the Host header and the request target.
    try verifier.verify(
      headers: [Self.header: Self.signature, HTTPField.Name("Host")!: "mycompany.com"], url: "/myapp.php?foo=1&bar=2",
      body: Self.body)
    let plain = try WebhookSigner.twilio(authToken: "12345").sign(body: Self.body, url: "http://127.0.0.1:8080/hook")
    try verifier.verify(
      headers: plain + [
        HTTPField(name: HTTPField.Name("Host")!, value: "127.0.0.1:8080"),
        HTTPField(name: HTTPField.Name("X-Forwarded-Proto")!, value: "http"),
      ],
      url: "/hook", body: Self.body)
    #expect(
      try rejection(
        verifier, headers: plain + [HTTPField(name: HTTPField.Name("Host")!, value: "127.0.0.1:8080")], url: "/hook"
      ).reason
        == .mismatch)
    #expect(
      try rejection(verifier, headers: headers, url: "/myapp.php")
        == WebhookVerificationError(reason: .missing, credential: "Host header"))
  }

  @Test func aJSONBodyIsCoveredByBodySHA256() throws {
    let body = Data(#"{"CallSid":"CA1","CallStatus":"completed"}"#.utf8)
    let url = WebhookSigner.twilioURL("https://example.com/hooks/status?x=1", coveringBody: body)
    #expect(url.hasPrefix("https://example.com/hooks/status?x=1&bodySHA256="))
    let signer = WebhookSigner.twilio(authToken: "secret-token")
    let verifier = WebhookVerifier.twilio(authToken: "secret-token")
    let headers = try signer.sign(body: body, url: url)
    try verifier.verify(headers: headers, url: url, body: body)
    let tampered = Data(#"{"CallSid":"CA2","CallStatus":"completed"}"#.utf8)
    #expect(
      try rejection(verifier, headers: headers, url: url, body: tampered)
        == WebhookVerificationError(reason: .mismatch, credential: "bodySHA256 query parameter"))
  }

  @Test func freshKeysRoundTripWithRepeatedParameters() throws {
    let token = UUID().uuidString
    let body = Data("StatusCallbackEvent=answered&StatusCallbackEvent=completed&To=%2B1+555&Empty=".utf8)
    let url = "https://example.com/hooks/voice"
    let headers = try WebhookSigner.twilio(authToken: token).sign(body: body, url: url)
    try WebhookVerifier.twilio(authToken: token).verify(headers: headers, url: url, body: body)
    #expect(try rejection(.twilio(authToken: token + "x"), headers: headers, url: url, body: body).reason == .mismatch)
  }

  @Test func signalWireReadsItsOwnHeaderThenTwilios() throws {
    let key = "PSK_" + UUID().uuidString
    let url = "https://example.com/hooks/laml"
    let headers = try WebhookSigner.signalWire(signingKey: key).sign(body: Self.body, url: url)
    #expect(headers[HTTPField.Name("X-SignalWire-Signature")!] != nil)
    let verifier = WebhookVerifier.signalWire(signingKey: key)
    try verifier.verify(headers: headers, url: url, body: Self.body)
    let asTwilio = try WebhookSigner.twilio(authToken: key).sign(body: Self.body, url: url)
    try verifier.verify(headers: asTwilio, url: url, body: Self.body)
    #expect(
      try rejection(verifier, headers: [:], url: url)
        == WebhookVerificationError(reason: .missing, credential: "X-SignalWire-Signature header"))
    let tampered = try rejection(verifier, headers: headers, url: url + "?x=1")
    #expect(tampered == WebhookVerificationError(reason: .mismatch, credential: "X-SignalWire-Signature header"))
  }
}
