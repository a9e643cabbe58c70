import Foundation
import HTTPTypes
import Testing

@testable import TelephonyWebhooks

@Suite struct WebhookVerifierTests {
  // The subscription's http_auth_user / http_auth_password, as registered with Thulium.
  private let user = "thulium-hook"
  private let password = "Pa55:word-7f3a"
  private var thulium: WebhookVerifier { .basicAuth(username: user, password: password) }
  private let plusofon = WebhookVerifier.header("X-Plusofon-Secret", equals: "abc")
  private let api4com = WebhookVerifier.queryParameter("secret", equals: "s3cr3t")

  private static func basic(_ credentials: String) -> String {
    "Basic " + Data(credentials.utf8).base64EncodedString()
  }

  private func rejection(
    _ verifier: WebhookVerifier, headers: HTTPFields = [:], url: String? = nil
  ) throws -> WebhookVerificationError {
    try #require(throws: WebhookVerificationError.self) { try verifier.verify(headers: headers, url: url) }
  }

  // MARK: - Basic (Thulium)

  @Test func basicAuthAcceptsTheRegisteredCredentials() throws {
    try thulium.verify(headers: [.authorization: Self.basic("\(user):\(password)")])
    try thulium.verify(headers: [.authorization: "basic " + Data("\(user):\(password)".utf8).base64EncodedString()])
    try thulium.verify { $0.lowercased() == "authorization" ? Self.basic("\(user):\(password)") : nil }
  }

  @Test(arguments: ["thulium-hook:wrong", "thulium-hook:Pa55:word-7f3", "other:Pa55:word-7f3a", "thulium-hook:", ":"])
  func basicAuthRejectsOtherCredentials(credentials: String) throws {
    let error = try rejection(thulium, headers: [.authorization: Self.basic(credentials)])
    #expect(error.reason == .mismatch)
    #expect(error.credential == "Authorization header")
    #expect(error.description == "webhook rejected: the Authorization header does not match")
  }

  @Test func basicAuthRejectsAMissingHeader() throws {
    let error = try rejection(thulium, headers: [.contentType: "application/json"])
    #expect(error.reason == .missing)
    #expect(error.description == "webhook rejected: the Authorization header is missing")
    let viaClosure = try #require(throws: WebhookVerificationError.self) { try thulium.verify { _ in nil } }
    #expect(viaClosure.reason == .missing)
  }

  @Test(arguments: ["Bearer abc", "Basic", "Basic !!not-base64!!", "Digest username=\"thulium-hook\"", "Basic="])
  func basicAuthRejectsAMalformedHeader(value: String) throws {
    let error = try rejection(thulium, headers: [.authorization: value])
    #expect(error.reason == .malformed)
    #expect(error.description == "webhook rejected: the Authorization header is malformed")
  }

  @Test func thuliumPasswordNeverShows() throws {
    var dumped = ""
    dump(thulium, to: &dumped)
    let texts = [String(describing: thulium), String(reflecting: thulium), "\(thulium)", dumped]
    for text in texts {
      #expect(!text.contains(password))
      #expect(!text.contains("Pa55"))
    }
    #expect(String(describing: thulium) == "WebhookVerifier(basicAuth: <redacted>)")
    for credentials in ["\(user):wrong", "\(user):\(password)x", password] {
      let error = try rejection(thulium, headers: [.authorization: Self.basic(credentials)])
      var dumpedError = ""
      dump(error, to: &dumpedError)
      for text in [String(describing: error), String(reflecting: error), dumpedError] {
        #expect(!text.contains("Pa55"))
        #expect(!text.contains(Data(password.utf8).base64EncodedString()))
      }
    }
  }

  @Test func headerAndQuerySecretsNeverShow() {
    for verifier in [plusofon, api4com] {
      var dumped = ""
      dump(verifier, to: &dumped)
      for text in [String(describing: verifier), String(reflecting: verifier), dumped] {
        #expect(!text.contains("abc"))
        #expect(!text.contains("s3cr3t"))
      }
    }
    #expect(String(describing: plusofon) == "WebhookVerifier(header X-Plusofon-Secret: <redacted>)")
    #expect(String(describing: api4com) == "WebhookVerifier(query secret: <redacted>)")
  }

  // MARK: - Custom header (Plusofon)

  @Test func headerAcceptsTheRegisteredValue() throws {
    try plusofon.verify(headers: [HTTPField.Name("X-Plusofon-Secret")!: "abc"])
    try plusofon.verify(headers: [HTTPField.Name("x-plusofon-secret")!: "abc"])
    try plusofon.verify { $0 == "X-Plusofon-Secret" ? "abc" : nil }
  }

  @Test(arguments: ["abd", "ab", "abcd", "ABC", ""])
  func headerRejectsAnotherValue(value: String) throws {
    let error = try rejection(plusofon, headers: [HTTPField.Name("X-Plusofon-Secret")!: value])
    #expect(error.reason == .mismatch)
    #expect(error.description == "webhook rejected: the X-Plusofon-Secret header does not match")
    let viaClosure = try #require(throws: WebhookVerificationError.self) { try plusofon.verify { _ in value } }
    #expect(viaClosure.reason == .mismatch)
  }

  @Test func headerRejectsAMissingHeader() throws {
    let error = try rejection(plusofon, headers: [HTTPField.Name("X-Other")!: "abc", .authorization: "abc"])
    #expect(error.reason == .missing)
    #expect(error.description == "webhook rejected: the X-Plusofon-Secret header is missing")
  }

  // MARK: - Query parameter (Api4Com)

  @Test(arguments: [
    "/hooks/api4com?secret=s3cr3t", "https://example.com/hooks/api4com?lead=42&secret=s3cr3t",
    "/hooks/api4com?secret=s3cr%33t", "/hooks/api4com?&&secret=s3cr3t&secret=other#top",
    "/hooks/api4com?lead=%C3%A9&secret=s3cr3t",
  ])
  func queryParameterAcceptsTheRegisteredSecret(url: String) throws {
    try api4com.verify(headers: [:], url: url)
    try api4com.verify(url: url) { _ in nil }
  }

  @Test func queryParameterComparesThePercentDecodedValue() throws {
    let verifier = WebhookVerifier.queryParameter("token", equals: "a/b+c d")
    try verifier.verify(headers: [:], url: "/hooks?token=a%2Fb%2Bc%20d")
    #expect(throws: WebhookVerificationError.self) { try verifier.verify(headers: [:], url: "/hooks?token=a%2Fb") }
  }

  @Test(arguments: ["/hooks/api4com?secret=s3cr3", "/hooks/api4com?secret=s3cr3tt", "/hooks/api4com?secret="])
  func queryParameterRejectsAnotherSecret(url: String) throws {
    let error = try rejection(api4com, url: url)
    #expect(error.reason == .mismatch)
    #expect(error.description == "webhook rejected: the secret query parameter does not match")
  }

  @Test(
    arguments: [
      nil, "/hooks/api4com", "/hooks/api4com?token=s3cr3t", "/hooks/api4com?secret",
      "/hooks/api4com?lead=1#secret=s3cr3t", "/hooks/api4com?bad%zz=1&secret=s3cr3t",
    ] as [String?])
  func queryParameterRejectsAMissingSecret(url: String?) throws {
    let error = try rejection(api4com, headers: [HTTPField.Name("secret")!: "s3cr3t"], url: url)
    #expect(error.reason == .missing)
    #expect(error.description == "webhook rejected: the secret query parameter is missing")
  }

  // MARK: - With the body

  @Test func staticCredentialsWorkThroughTheCallWithTheBody() throws {
    let body = Data(#"{"eventType":"channel-answer"}"#.utf8)
    try api4com.verify(headers: [:], url: "/hooks/api4com?secret=s3cr3t", body: body)
    try plusofon.verify(headers: [HTTPField.Name("X-Plusofon-Secret")!: "abc"], url: nil, body: body)
    try thulium.verify(headers: [.authorization: Self.basic("\(user):\(password)")], url: nil, body: body)
    try plusofon.verify(url: nil, body: body) { $0 == "X-Plusofon-Secret" ? "abc" : nil }
    let error = try #require(throws: WebhookVerificationError.self) {
      try api4com.verify(headers: [:], url: "/hooks/api4com?secret=wrong", body: body)
    }
    #expect(error == WebhookVerificationError(reason: .mismatch, credential: "secret query parameter"))
  }

  // MARK: - Constant-time comparison

  @Test func constantTimeEqualsAcceptsEqualInputs() {
    #expect(WebhookVerifier.constantTimeEquals(Data(), Data()))
    #expect(WebhookVerifier.constantTimeEquals(Data("s3cr3t".utf8), Data("s3cr3t".utf8)))
    let long = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0) })
    #expect(WebhookVerifier.constantTimeEquals(long, Data(long)))
  }

  @Test func constantTimeEqualsRejectsADifferenceAtAnyPosition() {
    let secret = Data("0123456789abcdef".utf8)
    for index in secret.indices {
      var guess = secret
      guess[index] ^= 0x01
      #expect(!WebhookVerifier.constantTimeEquals(guess, secret), "byte \(index)")
      #expect(!WebhookVerifier.constantTimeEquals(secret, guess), "byte \(index)")
    }
  }

  @Test func constantTimeEqualsRejectsDifferentLengths() {
    let secret = Data("s3cr3t".utf8)
    #expect(!WebhookVerifier.constantTimeEquals(Data(), secret))
    #expect(!WebhookVerifier.constantTimeEquals(secret, Data()))
    #expect(!WebhookVerifier.constantTimeEquals(Data("s3cr3".utf8), secret))
    #expect(!WebhookVerifier.constantTimeEquals(Data("s3cr3tt".utf8), secret))
    // Zero padding must not make a longer input equal.
    #expect(!WebhookVerifier.constantTimeEquals(secret + [0], secret))
    #expect(!WebhookVerifier.constantTimeEquals(Data([0]), Data()))
    // Lengths 256 apart agree in their low byte.
    #expect(!WebhookVerifier.constantTimeEquals(Data(count: 256), Data()))
    #expect(!WebhookVerifier.constantTimeEquals(Data(count: 257), Data(count: 1)))
  }

  @Test func constantTimeEqualsReadsSlicesFromTheirStart() {
    let framed = Data("xxs3cr3tyy".utf8)
    let slice = framed[2..<8]
    #expect(slice.startIndex == 2)
    #expect(WebhookVerifier.constantTimeEquals(slice, Data("s3cr3t".utf8)))
    #expect(WebhookVerifier.constantTimeEquals(Data("s3cr3t".utf8), slice))
    #expect(!WebhookVerifier.constantTimeEquals(framed[1..<7], Data("s3cr3t".utf8)))
  }
}
