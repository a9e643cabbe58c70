import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Many concurrent requests through one client, some turned away with 503: each is answered, and
/// each reaches the server's success path exactly once.
@Suite struct RetryLoadTests {
  static let requestCount = 2000
  static let concurrency = 64

  /// Webhook ids whose first attempt gets a 503, and those whose first two do.
  static func rejections(for id: Int) -> Int {
    id % 50 == 0 ? 2 : id % 10 == 0 ? 1 : 0
  }

  @Test func twoThousandRequestsWithInjected503sAreEachDeliveredOnce() async throws {
    try await TestServer.with { server in
      let attempts = Locked<[Int: Int]>([:])
      let delivered = Locked<[Int: Int]>([:])
      server.respond { request in
        guard let id = Int(request.path.split(separator: "/").last ?? "") else { return .json("{}", status: 400) }
        let attempt = attempts.withLock { counts -> Int in
          counts[id, default: 0] += 1
          return counts[id]!
        }
        if attempt <= Self.rejections(for: id) {
          return .json(#"{"success":false,"message":"busy"}"#, status: 503, headers: ["Retry-After": "0"])
        }
        delivered.withLock { $0[id, default: 0] += 1 }
        return .json(#"{"id":\#(id),"url":"https://example.com/\#(id)","event":"create"}"#)
      }
      let configuration = URLSessionConfiguration.default
      configuration.httpMaximumConnectionsPerHost = Self.concurrency
      let session = URLSession(configuration: configuration)
      defer { session.finishTasksAndInvalidate() }
      let client = Plusofon.Client(
        serverURL: server.baseURL, token: TestCredentials.plusofonToken,
        transport: URLSessionTransport(configuration: .init(session: session)),
        middlewares: [RetryMiddleware(maxAttempts: 3, initialDelay: .milliseconds(1))])

      let received = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
        var next = 1
        var received: [Int: Int] = [:]
        func submit() {
          let id = next
          next += 1
          group.addTask { (id, try await client.getWebhook(webhookID: id).id) }
        }
        while next <= Self.concurrency { submit() }
        while let (requested, answered) = try await group.next() {
          received[requested] = answered
          if next <= Self.requestCount { submit() }
        }
        return received
      }

      let ids = Array(1...Self.requestCount)
      #expect(received.count == Self.requestCount)
      #expect(ids.allSatisfy { received[$0] == $0 }, "every caller got its own webhook")
      #expect(ids.allSatisfy { delivered.value[$0] == 1 }, "each request reached the server's success path once")
      let injected = ids.map(Self.rejections(for:)).reduce(0, +)
      #expect(injected == 240)
      #expect(server.requests.count == Self.requestCount + injected)
    }
  }
}
