import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A request timeout set through `URLSessionTransport`'s configuration, as the README shows.
@Suite struct TimeoutTests {
  @Test func aOneSecondTimeoutAgainstAFiveSecondEndpoint() async throws {
    try await TestServer.with { server in
      server.respond { _ in
        var reply = TestServer.Reply.json(ThuliumSeeds.webhooks)
        reply.delay = .seconds(5)
        return reply
      }
      let configuration = URLSessionConfiguration.default
      configuration.timeoutIntervalForRequest = 1
      let session = URLSession(configuration: configuration)
      defer { session.finishTasksAndInvalidate() }
      let client = Thulium.Client(
        serverURL: server.baseURL, username: TestCredentials.thuliumUsername,
        password: TestCredentials.thuliumPassword,
        transport: URLSessionTransport(configuration: .init(session: session)))

      // Had the server's answer at 5 s arrived first, the call would have succeeded.
      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(error.kind == .transport)
      #expect(error.status == nil)
      #expect((error.underlyingError as? URLError)?.code == .timedOut)
      #expect(
        error.description
          == "listWebhooks failed: no response from the server: the request timed out (URLError -1001)")
      expectNoSecrets(in: error, TestCredentials.thuliumSecrets)
    }
  }
}
