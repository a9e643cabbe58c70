import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

/// Signatures made by an independent signer, `Fixtures/Signer/sign_webhooks.py` (Python's hmac,
/// hashlib and `cryptography`'s Ed25519, sharing no code with the SDK), which our verifiers must
/// accept. `make test` installs `cryptography` into `.build-venv` when the machine lacks it.
@Suite struct IndependentSignerTests {
  static let script = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Fixtures/Signer/sign_webhooks.py")

  /// `.build-venv/bin/python` when `make` made one, else `python3` from the `PATH`.
  static var python: (executable: URL, arguments: [String]) {
    let root = script.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let venv = root.appending(path: ".build-venv/bin/python")
    if FileManager.default.isExecutableFile(atPath: venv.path) { return (venv, []) }
    return (URL(filePath: "/usr/bin/env"), ["python3"])
  }

  struct Signed: Decodable {
    var headers: [String: String]
    var publicKey: String?

    var fields: HTTPFields {
      var fields = HTTPFields()
      for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields[HTTPField.Name(name)!] = value }
      return fields
    }
  }

  /// Runs the script once over `requests`.
  static func sign(_ requests: [[String: Any]]) throws -> [Signed] {
    let process = Process()
    let (executable, arguments) = python
    process.executableURL = executable
    process.arguments = arguments + [script.path]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
    try process.run()
    input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: requests))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "sign_webhooks.py failed (is `cryptography` installed?): \(failure)")
    return try JSONDecoder().decode([Signed].self, from: data)
  }

  @Test func ourVerifiersAcceptTheIndependentSignatures() throws {
    let now = Date()
    let timestamp = Int(now.timeIntervalSince1970)
    let json = Data(#"{"data":{"event_type":"call.answered","id":"\#(UUID())"},"note":"é ✓"}"#.utf8)
    let form = Data("CallSid=CA\(UUID().uuidString.prefix(8))&From=%2B1+555+0100&Digits=1&Digits=2&Empty=".utf8)
    let whsec = "whsec_" + Data((0..<24).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    let token = UUID().uuidString
    let seed = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    let formURL = "https://example.com/hooks/voice?lang=en"
    let jsonURL = WebhookSigner.twilioURL("https://example.com/hooks/status", coveringBody: json)
    let signed = try Self.sign([
      [
        "scheme": "standardWebhooks", "secret": whsec, "id": "msg_py", "timestamp": timestamp,
        "body": json.base64EncodedString(),
      ],
      ["scheme": "twilio", "key": token, "url": formURL, "body": form.base64EncodedString()],
      ["scheme": "twilio", "key": token, "url": jsonURL, "body": json.base64EncodedString()],
      ["scheme": "signalWire", "key": token, "url": formURL, "body": form.base64EncodedString()],
      ["scheme": "telnyx", "privateKey": seed, "timestamp": timestamp, "body": json.base64EncodedString()],
      ["scheme": "vonage", "secret": token, "timestamp": timestamp, "body": json.base64EncodedString()],
    ])
    try #require(signed.count == 6)
    try WebhookVerifier.standardWebhooks(secret: whsec).verify(headers: signed[0].fields, url: nil, body: json)
    try WebhookVerifier.twilio(authToken: token).verify(headers: signed[1].fields, url: formURL, body: form)
    try WebhookVerifier.twilio(authToken: token).verify(headers: signed[2].fields, url: jsonURL, body: json)
    try WebhookVerifier.signalWire(signingKey: token).verify(headers: signed[3].fields, url: formURL, body: form)
    let publicKey = try #require(signed[4].publicKey)
    #expect(WebhookSigner.telnyx(privateKey: seed).publicKey == publicKey)
    try WebhookVerifier.telnyx(publicKey: publicKey).verify(headers: signed[4].fields, url: nil, body: json)
    try WebhookVerifier.vonage(signatureSecret: token).verify(headers: signed[5].fields, url: nil, body: json)

    // Our signer and the independent one agree byte for byte where the scheme is deterministic.
    #expect(
      try WebhookSigner.standardWebhooks(secret: whsec).sign(body: json, date: now, id: "msg_py") == signed[0].fields)
    #expect(try WebhookSigner.twilio(authToken: token).sign(body: form, url: formURL) == signed[1].fields)
    #expect(try WebhookSigner.telnyx(privateKey: seed).sign(body: json, date: now) == signed[4].fields)

    // And the same signatures fail for a changed body.
    let changed = json + Data(" ".utf8)
    #expect(throws: WebhookVerificationError.self) {
      try WebhookVerifier.standardWebhooks(secret: whsec).verify(headers: signed[0].fields, url: nil, body: changed)
    }
    #expect(throws: WebhookVerificationError.self) {
      try WebhookVerifier.telnyx(publicKey: publicKey).verify(headers: signed[4].fields, url: nil, body: changed)
    }
    #expect(throws: WebhookVerificationError.self) {
      try WebhookVerifier.vonage(signatureSecret: token).verify(headers: signed[5].fields, url: nil, body: changed)
    }
  }
}
