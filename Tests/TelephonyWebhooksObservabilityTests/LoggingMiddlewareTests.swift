import Foundation
import InMemoryLogging
import Logging
import TelephonyWebhooks
import TelephonyWebhooksObservability
import TestSupport
import Testing

/// `LoggingMiddleware` over real HTTP on 127.0.0.1: one line per request, and no credential in
/// any line whatever it is asked to show.
@Suite struct LoggingMiddlewareTests {
  private func logger() -> (Logger, InMemoryLogHandler) {
    let handler = InMemoryLogHandler()
    return (Logger(label: "telephony", factory: { _ in handler }), handler)
  }

  /// Everything a line shows: its message and each metadata value.
  private func text(of entry: InMemoryLogHandler.Entry) -> String {
    ([entry.message.description] + entry.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
      .joined(separator: "\n")
  }

  @Test func writesOneLinePerRequestWithOperationMethodPathAndStatus() async throws {
    let (logger, handler) = self.logger()
    try await TestServer.with { server in
      server.enqueue(.init(json: "[]"), .init(status: 404, json: #"{"message":"no such webhook"}"#))
      let client = Thulium.Client(
        serverURL: server.baseURL, username: "thulium-user", password: "thulium-password",
        middlewares: [LoggingMiddleware(logger: logger)])
      _ = try await client.listWebhooks()
      await #expect(throws: APIError.self) { try await client.deleteWebhook(webhookID: 7) }
    }
    let entries = handler.entries
    try #require(entries.count == 2)
    #expect(entries.map(\.level) == [.info, .info])
    #expect(entries[0].message.description.hasPrefix("listWebhooks GET /webhooks 200 "))
    #expect(entries[0].message.description.hasSuffix(" ms"))
    #expect(entries[0].metadata["operation"] == "listWebhooks")
    #expect(entries[0].metadata["http.request.method"] == "GET")
    #expect(entries[0].metadata["url.path"] == "/webhooks")
    #expect(entries[0].metadata["http.response.status_code"] == "200")
    #expect(entries[0].metadata["duration_ms"] != nil)
    // The spec's path template, which the generated client knows, never the id in the path.
    #expect(entries[1].message.description.hasPrefix("deleteWebhook DELETE /webhooks/{webhook_id} 404 "))
    #expect(entries[1].metadata["url.path"] == "/webhooks/{webhook_id}")
    // Neither headers nor bodies unless asked.
    #expect(entries.allSatisfy { $0.metadata.keys.allSatisfy { !$0.contains("headers") && !$0.contains("body") } })
  }

  @Test func aRequestThatFailsWithoutAResponseIsOneWarning() async throws {
    let (logger, handler) = self.logger()
    let url = try await TestServer.refusedURL()
    let client = Thulium.Client(
      serverURL: url, username: "thulium-user", password: "thulium-password",
      middlewares: [LoggingMiddleware(logger: logger)])
    await #expect(throws: APIError.self) { try await client.listWebhooks() }
    try #require(handler.entries.count == 1)
    #expect(handler.entries[0].level == .warning)
    #expect(handler.entries[0].message.description.hasPrefix("listWebhooks GET /webhooks failed after "))
    #expect(handler.entries[0].metadata["error.type"] != nil)
  }

  @Test(arguments: [LoggingMiddleware.Options(), [.headers], [.headers, .bodies]])
  func neverShowsACredential(_ options: LoggingMiddleware.Options) async throws {
    let (logger, handler) = self.logger()
    let requests = try await TestServer.with { server in
      try await Credentials.sendOneOfEach(
        to: server, middlewares: [LoggingMiddleware(logger: logger, level: .notice, options: options)])
      return server.requests
    }
    // The credentials did reach the server.
    try #require(requests.count == 4)
    #expect(requests[0].header("Authorization") == Credentials.api4comToken)
    #expect(requests[3].rawQuery.contains(Credentials.queryKey))

    let entries = handler.entries
    try #require(entries.count == 4)
    #expect(
      entries.map { $0.metadata["operation"] } == ["listIntegrations", "deleteWebhook", "listWebhooks", "getStatus"])
    #expect(entries.map(\.level).allSatisfy { $0 == .notice })
    for entry in entries {
      let shown = text(of: entry)
      for secret in Credentials.secrets {
        #expect(!shown.contains(secret), "\(secret) in \(shown)")
      }
    }
    if options.contains(.headers) {
      let headers = entries.map { "\($0.metadata["http.request.headers"] ?? "")" }
      #expect(headers[0].contains("Authorization: <redacted>"))
      #expect(headers[1].contains("Authorization: <redacted>"))
      #expect(headers[1].contains("Client: <redacted>"))
      #expect(headers[2].contains("Authorization: <redacted>"))
      #expect(headers.allSatisfy { $0.contains("Accept: application/json") })
    }
    if options.contains(.bodies) {
      #expect(entries[1].metadata["http.response.body"] == #"{"success":true}"#)
    }
  }
}
