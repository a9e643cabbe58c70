import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// Records the waits a `RetryMiddleware` asks for, instead of sleeping.
private final class SleepRecorder: Sendable {
  private let recorded = Locked<[Duration]>([])

  var delays: [Duration] { recorded.value }

  func middleware(maxAttempts: Int = 3, maxDelay: Duration = .seconds(30)) -> RetryMiddleware {
    RetryMiddleware(maxAttempts: maxAttempts, maxDelay: maxDelay) { [recorded] delay in
      recorded.withLock { $0.append(delay) }
    }
  }
}

/// `RetryMiddleware` over real HTTP.
@Suite struct RetryTests {
  @Test func tooManyRequestsWithRetryAfterThenSuccess() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(
          #"{"error":{"statusCode":429,"message":"Too Many Requests"}}"#, status: 429, headers: ["Retry-After": "1"]),
        .json(Api4ComSeeds.callPage))
      let recorder = SleepRecorder()

      let page = try await server.api4com(middlewares: [recorder.middleware()]).listCalls(page: 1)

      #expect(recorder.delays == [.seconds(1)])
      #expect(server.requests.count == 2)
      #expect(server.requests.map(\.rawQuery) == ["page=1", "page=1"])
      #expect(server.requests.allSatisfy { $0.header("Authorization") == TestCredentials.api4comToken })
      #expect(page.data.map(\.id) == [Api4ComSeeds.callID])
    }
  }

  @Test func serviceUnavailableThreeTimesThenGivingUp() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json(#"{"success":false,"message":"Maintenance"}"#, status: 503) }
      let recorder = SleepRecorder()
      let client = server.plusofon(middlewares: [recorder.middleware(maxAttempts: 3)])

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks(type: .lk) }

      #expect(server.requests.count == 3)
      #expect(error.kind == .unexpectedStatus)
      #expect(error.status == 503)
      #expect(error.messages == ["Maintenance"])
      // No Retry-After: exponential back-off from 500 ms with jitter (50–100 %).
      #expect(recorder.delays.count == 2)
      let first = try #require(recorder.delays.first)
      let second = try #require(recorder.delays.last)
      #expect(first >= .milliseconds(250) && first <= .milliseconds(500))
      #expect(second >= .milliseconds(500) && second <= .milliseconds(1000))
    }
  }

  @Test func aPostIsNotRetriedByDefault() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json(#"{"message":"busy"}"#, status: 503) }
      let recorder = SleepRecorder()
      let client = server.api4com(middlewares: [recorder.middleware()])

      let error = try await #require(throws: APIError.self) {
        try await client.dial(body: .init(extension: "1000", phone: "+554833328530"))
      }

      #expect(server.requests.count == 1)
      #expect(recorder.delays.isEmpty)
      #expect(error.status == 503)
      #expect(error.operationID == "dial")
    }
  }

  @Test func aPostIsRetriedWhenTheCallerAllowsIt() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}", status: 503, headers: ["Retry-After": "0"]), .json(Api4ComSeeds.dialResponse))
      let recorded = Locked<[Duration]>([])
      let retry = RetryMiddleware(retryableMethods: [.post]) { delay in recorded.withLock { $0.append(delay) } }

      let response = try await server.api4com(middlewares: [retry]).dial(
        body: .init(extension: "1000", phone: "+554833328530", metadata: ["gateway": "integration-code"]))

      #expect(response.id == "call-1")
      #expect(recorded.value == [.zero])
      #expect(server.requests.count == 2)
      for request in server.requests {
        try expectJSON(request.body, equals: Api4ComSeeds.dialRequest)
      }
    }
  }

  @Test func aPutIsRetriedWithItsWholeBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}", status: 429, headers: ["Retry-After": "2"]), .json(PlusofonSeeds.success))
      let recorder = SleepRecorder()
      var body = PlusofonClientTests.createBody
      body.template = "expedita"

      _ = try await server.plusofon(middlewares: [recorder.middleware()]).updateWebhook(webhookID: 42, body: body)

      #expect(recorder.delays == [.seconds(2)])
      #expect(server.requests.count == 2)
      for request in server.requests {
        #expect(request.method == "PUT")
        try expectJSON(request.body, equals: PlusofonSeeds.updateRequest)
      }
    }
  }

  @Test func anHTTPDateRetryAfter() async throws {
    try await TestServer.with { server in
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "GMT")
      formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
      let date = formatter.string(from: Date().addingTimeInterval(100))
      server.enqueue(.json("{}", status: 503, headers: ["Retry-After": date]), .json(ThuliumSeeds.webhooks))
      let recorder = SleepRecorder()

      let webhooks = try await server.thulium(middlewares: [recorder.middleware(maxDelay: .seconds(3600))])
        .listWebhooks()

      #expect(webhooks.count == 1)
      #expect(server.requests.count == 2)
      let delay = try #require(recorder.delays.first)
      #expect(recorder.delays.count == 1)
      // The date has whole seconds, and some time passes before the middleware reads it (more on
      // a loaded machine).
      #expect(delay > .seconds(80) && delay <= .seconds(100))
    }
  }

  @Test func aRetryAfterInThePastMeansNoWait() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json("{}", status: 503, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"]),
        .json(ThuliumSeeds.webhooks))
      let recorder = SleepRecorder()

      _ = try await server.thulium(middlewares: [recorder.middleware()]).listWebhooks()

      #expect(recorder.delays == [.zero])
    }
  }

  @Test func retryAfterIsCappedByMaxDelay() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}", status: 429, headers: ["Retry-After": "3600"]), .json(ThuliumSeeds.webhooks))
      let recorder = SleepRecorder()

      _ = try await server.thulium(middlewares: [recorder.middleware(maxDelay: .seconds(5))]).listWebhooks()

      #expect(recorder.delays == [.seconds(5)])
    }
  }

  @Test func otherStatusesAreNotRetried() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json(ThuliumSeeds.errors, status: 500) }
      let recorder = SleepRecorder()
      let client = server.thulium(middlewares: [recorder.middleware()])

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(server.requests.count == 1)
      #expect(recorder.delays.isEmpty)
      #expect(error.status == 500)
      #expect(error.requestID == "53678450401cf")
    }
  }

  @Test func withoutTheMiddlewareNothingIsRetried() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json("{}", status: 429, headers: ["Retry-After": "0"]) }
      let client = server.api4com()

      let error = try await #require(throws: APIError.self) { try await client.listCalls() }

      #expect(server.requests.count == 1)
      #expect(error.status == 429)
    }
  }
}
