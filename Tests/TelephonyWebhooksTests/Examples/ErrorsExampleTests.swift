import Foundation
import TelephonyWebhooks
import TelephonyWebhooksExamples
import TestSupport
import Testing

/// The README's "Errors" snippet, run against a local server.
@Suite struct ErrorsExampleTests {
  @Test func countsTheWebhooks() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"current_page":1,"data":[],"last_page":1,"per_page":15,"total":7}"#))

      let count = try await plusofonWebhookCount(serverURL: server.baseURL)
      #expect(count == 7)
      #expect(server.lastRequest?.rawQuery == "type=lk")
    }
  }

  @Test func aCancelledTaskIsNotAFailure() async throws {
    try await TestServer.with { server in
      server.respond { _ in
        var reply = TestServer.Reply.json(#"{"current_page":1,"data":[],"last_page":1,"per_page":15,"total":7}"#)
        reply.delay = .seconds(8)
        return reply
      }
      let task = Task { try await plusofonWebhookCount(serverURL: server.baseURL) }
      try await waitUntil { server.requests.count == 1 }
      task.cancel()

      let count = try await task.value
      #expect(count == nil)
    }
  }
}
