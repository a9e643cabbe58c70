import Foundation
import HTTPTypes
import TelephonyWebhooks
import TestSupport
import Testing

/// A transport that fails as URLSession does when its task is cancelled underneath it.
private struct CancelledTransport: ClientTransport {
  func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
    HTTPResponse, HTTPBody?
  ) {
    throw URLError(.cancelled)
  }
}

/// A middleware that gives up as a cancelled task does.
private struct CancellingMiddleware: ClientMiddleware {
  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    throw CancellationError()
  }
}

/// Cancellation surfaces as `CancellationError`, unwrapped, whichever layer sees it first.
@Suite struct CancellationTests {
  /// Generous next to what cancellation takes (milliseconds), so that a loaded machine does not
  /// fail it, and well below the server's delay (8 s) and the retry wait (30 s).
  static let bound = Duration.seconds(3)
  /// How long the slow endpoint takes to answer; under FlyingFox's 10-second handler timeout.
  static let serverDelay = Duration.seconds(8)

  @Test func cancellingARequestInFlight() async throws {
    try await TestServer.with { server in
      server.respond { _ in
        var reply = TestServer.Reply.json(ThuliumSeeds.webhooks)
        reply.delay = Self.serverDelay
        return reply
      }
      let client = server.thulium()
      let task = Task { try await client.listWebhooks() }
      try await waitUntil { server.requests.count == 1 }

      let start = ContinuousClock.now
      task.cancel()
      let result = await task.result

      #expect(ContinuousClock.now - start < Self.bound)
      #expect(throws: CancellationError.self) { try result.get() }
    }
  }

  @Test func cancellingDuringARetryWait() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json("{}", status: 503, headers: ["Retry-After": "30"]) }
      let client = server.thulium(middlewares: [RetryMiddleware()])
      let task = Task { try await client.listWebhooks() }
      try await waitUntil { server.requests.count == 1 }
      // The response has arrived; the middleware is now in its 30-second wait.
      try await Task.sleep(for: .milliseconds(100))

      let start = ContinuousClock.now
      task.cancel()
      let result = await task.result

      #expect(ContinuousClock.now - start < Self.bound)
      #expect(throws: CancellationError.self) { try result.get() }
      try await Task.sleep(for: .milliseconds(100))
      #expect(server.requests.count == 1, "a cancelled request is never retried")
    }
  }

  @Test func aCancelledTaskSendsNothing() async throws {
    try await TestServer.with { server in
      let client = server.thulium(middlewares: [RetryMiddleware()])
      let task = Task {
        try? await Task.sleep(for: .seconds(10))
        return try await client.listWebhooks()
      }
      task.cancel()

      await #expect(throws: CancellationError.self) { try await task.value }
      #expect(server.requests.isEmpty)
    }
  }

  @Test func aTransportsURLErrorCancelledIsACancellationError() async throws {
    let client = Thulium.Client(
      serverURL: URL(string: "http://127.0.0.1:9")!, username: "u", password: "p", transport: CancelledTransport())

    await #expect(throws: CancellationError.self) { try await client.listWebhooks() }
  }

  @Test func aMiddlewaresCancellationErrorIsNotWrapped() async throws {
    try await TestServer.with { server in
      let client = server.plusofon(middlewares: [RetryMiddleware(), CancellingMiddleware()])

      await #expect(throws: CancellationError.self) { try await client.listWebhooks() }
      #expect(server.requests.isEmpty)
    }
  }

  @Test func cancellationIsCaughtAsSwiftCodeExpects() async throws {
    try await TestServer.with { server in
      server.respond { _ in
        var reply = TestServer.Reply.json(ThuliumSeeds.webhooks)
        reply.delay = Self.serverDelay
        return reply
      }
      let client = server.thulium()
      let task = Task { () -> String in
        do {
          _ = try await client.listWebhooks()
          return "finished"
        } catch is CancellationError {
          return "cancelled"
        } catch {
          return "failed: \(error)"
        }
      }
      try await waitUntil { server.requests.count == 1 }
      task.cancel()

      #expect(await task.value == "cancelled")
    }
  }
}

/// Polls `condition` every 10 ms for up to 30 seconds: a wait, not a measurement, so it allows for
/// a machine loaded by the other tests.
func waitUntil(
  _ condition: @Sendable () -> Bool, sourceLocation: SourceLocation = #_sourceLocation
) async throws {
  let deadline = ContinuousClock.now + .seconds(30)
  while !condition() {
    guard ContinuousClock.now < deadline else {
      Issue.record("the condition did not hold within 30 seconds", sourceLocation: sourceLocation)
      return
    }
    try await Task.sleep(for: .milliseconds(10))
  }
}
