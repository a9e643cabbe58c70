import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// A response body over the client's `maximumResponseBodySize` is refused with the status.
@Suite struct ResponseBodyLimitTests {
  /// A JSON array of `count` bytes: `["xxx…"]`.
  static func jsonArray(bytes count: Int) -> Data {
    Data("[\"".utf8) + Data(repeating: UInt8(ascii: "x"), count: count - 4) + Data("\"]".utf8)
  }

  @Test func theDefaultLimitIs32MiB() {
    #expect(ClientConfiguration().maximumResponseBodySize == 32 * 1024 * 1024)
    let client = Thulium.Client(serverURL: URL(string: "http://127.0.0.1:9")!, username: "u", password: "p")
    #expect(client.configuration == ClientConfiguration())
  }

  @Test func a40MBSuccessBodyIsADecodingErrorWithTheStatus() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 200, body: Self.jsonArray(bytes: 40_000_000)))
      let client = server.thulium()

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(error.kind == .decoding)
      #expect(error.status == 200)
      #expect(error.operationID == "listWebhooks")
      #expect(error.responseHeaders?[.contentType] == "application/json")
      #expect(error.detail == "the response body is over the 32 MiB limit")
      #expect(error.description == "listWebhooks failed: HTTP 200: the response body is over the 32 MiB limit")
      #expect(error.rawBody.isEmpty)
      expectOneLine(error)
    }
  }

  @Test func theLimitIsTheClientsSetting() async throws {
    try await TestServer.with { server in
      let configuration = ClientConfiguration(maximumResponseBodySize: 1024)
      let client = Plusofon.Client(
        serverURL: server.baseURL, token: TestCredentials.plusofonToken, configuration: configuration)
      #expect(client.configuration.maximumResponseBodySize == 1024)
      server.enqueue(.init(status: 200, body: Self.jsonArray(bytes: 1025)))

      let error = try await #require(throws: APIError.self) { try await client.getWebhook(webhookID: 1) }

      #expect(error.kind == .decoding)
      #expect(error.status == 200)
      #expect(error.detail == "the response body is over the 1 KiB limit")
    }
  }

  @Test func aBodyAtTheLimitIsRead() async throws {
    try await TestServer.with { server in
      let body = Data(ThuliumSeeds.webhooks.utf8)
      let client = Thulium.Client(
        serverURL: server.baseURL, username: TestCredentials.thuliumUsername,
        password: TestCredentials.thuliumPassword,
        configuration: ClientConfiguration(maximumResponseBodySize: body.count))
      server.enqueue(.init(status: 200, body: body))

      let webhooks = try await client.listWebhooks()

      #expect(webhooks.count == 1)
    }
  }

  @Test func aBinaryDownloadIsNotSubjectToTheLimit() async throws {
    try await TestServer.with { server in
      let audio = Data(repeating: 0xA5, count: 64 * 1024)
      server.enqueue(.init(status: 200, headers: ["Content-Type": "audio/wav"], body: audio))
      let client = MediaFixture.Client(
        serverURL: server.baseURL, token: "media-token",
        configuration: ClientConfiguration(maximumResponseBodySize: 1024))

      let body = try await client.downloadRecording(recordingID: "RE1")

      #expect(try await Data(collecting: body, upTo: .max) == audio)
    }
  }

  @Test func anErrorBodyOverTheLimitKeepsItsStatus() async throws {
    try await TestServer.with { server in
      let client = Thulium.Client(
        serverURL: server.baseURL, username: TestCredentials.thuliumUsername,
        password: TestCredentials.thuliumPassword,
        configuration: ClientConfiguration(maximumResponseBodySize: 100))
      server.enqueue(.init(status: 502, body: Self.jsonArray(bytes: 5000)))

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.status == 502)
      #expect(
        error.description == "listWebhooks failed: HTTP 502 Bad Gateway: the response body is over the 100-byte limit")
    }
  }
}
