import Foundation
import HummingbirdReceiver
import TelephonyWebhooks
import Testing

/// The providers' documented payloads and every error case, POSTed over real HTTP to the
/// example's receivers on Hummingbird.
@Suite struct HummingbirdReceiverTests {
  /// Every documented payload reaches its handler as the framework-free decoder reads it.
  @Test func documentedPayloadsReachTheHandlers() async throws {
    try await ReceiverServer.with { server in
      var expected: [ReceivedWebhook] = []
      for name in Payloads.api4com {
        let body = try Payloads.data(name)
        let answer = try await server.send("/hooks/api4com?secret=s3cr3t", body: body)
        #expect(answer.status == 200, "\(name): \(answer.text)")
        expected.append(.api4com(try Api4Com.WebhookEvent(decoding: body)))
      }
      for name in Payloads.thulium {
        let body = try Payloads.data(name)
        let answer = try await server.send("/hooks/thulium", body: body, headers: Payloads.thuliumAuth)
        #expect(answer.status == 200, "\(name): \(answer.text)")
        expected.append(.thulium(try Thulium.WebhookEvent(decoding: body)))
      }
      for name in Payloads.plusofon {
        let body = try Payloads.data(name)
        let answer = try await server.send("/hooks/plusofon", body: body, headers: Payloads.plusofonSecret)
        #expect(answer.status == 200, "\(name): \(answer.text)")
        expected.append(.plusofon(try Plusofon.CallEvent(decoding: body, renamedFields: ["call_id": "my_call_id"])))
      }
      let received = await server.inbox.events
      #expect(received == expected)
      // The renamed `my_call_id` arrives as `callID`.
      guard case .plusofon(let renamed)? = received.last else {
        Issue.record("no Plusofon event last in \(received)")
        return
      }
      #expect(renamed.callID == "1234567890")
      try server.expectNoSecretLogged()
    }
  }

  /// An event the SDK does not know is accepted, with its whole payload, so the provider does
  /// not retry it forever.
  @Test func unknownEventsAreAcceptedWithTheirPayload() async throws {
    try await ReceiverServer.with { server in
      let create = try Payloads.data("api4com-channel-create")
      let callStarted = try Payloads.data("thulium-call-started")
      #expect(try await server.send("/hooks/api4com?secret=s3cr3t", body: create).status == 200)
      #expect(try await server.send("/hooks/thulium", body: callStarted, headers: Payloads.thuliumAuth).status == 200)
      let received = await server.inbox.events
      #expect(
        received == [
          .api4com(.unknown("channel-create", try JSONDecoder().decode(JSONValue.self, from: create))),
          .thulium(.unknown("CALL_STARTED", try JSONDecoder().decode(JSONValue.self, from: callStarted))),
        ])
    }
  }

  @Test func rejectedCredentialsAnswer401WhateverTheBody() async throws {
    let valid = try Payloads.data("api4com-channel-answer")
    let oversized = Data(repeating: UInt8(ascii: "x"), count: 2 << 20)
    try await ReceiverServer.with { server in
      let answers = [
        try await server.send("/hooks/api4com?secret=wrong", body: valid),
        try await server.send("/hooks/api4com", body: Data("not json".utf8)),
        try await server.send("/hooks/api4com?secret=s3cr3", body: oversized),
        try await server.send(
          "/hooks/thulium", body: try Payloads.data("thulium-customer-created"),
          headers: Payloads.basic("hook-user", "wrong")),
        try await server.send("/hooks/thulium", body: Data("[]".utf8), headers: Payloads.json),
        try await server.send(
          "/hooks/plusofon", body: try Payloads.data("plusofon-create"),
          headers: Payloads.json.merging(["X-Plusofon-Secret": "abd"]) { $1 }),
        try await server.send("/hooks/plusofon", body: oversized, streamed: true),
      ]
      #expect(answers.map(\.status) == Array(repeating: 401, count: answers.count))
      #expect(answers.allSatisfy { $0.text == "unauthorized" })
      #expect(await server.inbox.events.isEmpty)
      try server.expectNoSecretLogged()
    }
  }

  @Test func bodiesThatAreNotThePayloadAnswer400NamingTheProvider() async throws {
    let form = Payloads.plusofonSecret.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }
    try await ReceiverServer.with { server in
      let answers: [(provider: String, answer: ReceiverServer.Answer)] = [
        ("Api4Com", try await server.send("/hooks/api4com?secret=s3cr3t", body: Data("{\"eventType\":".utf8))),
        ("Api4Com", try await server.send("/hooks/api4com?secret=s3cr3t", body: Data(#"{"id":"1"}"#.utf8))),
        ("Thulium", try await server.send("/hooks/thulium", body: Data(), headers: Payloads.thuliumAuth)),
        (
          "Thulium",
          try await server.send(
            "/hooks/thulium", body: Data(#"{"action":"CHAT_CONVERSATION_CLOSED","chat_queue_id":"one"}"#.utf8),
            headers: Payloads.thuliumAuth)
        ),
        ("Plusofon", try await server.send("/hooks/plusofon", body: Data("call_id=1".utf8), headers: form)),
        (
          "Plusofon", try await server.send("/hooks/plusofon", body: Data("[1]".utf8), headers: Payloads.plusofonSecret)
        ),
      ]
      for (provider, answer) in answers {
        #expect(answer.status == 400)
        #expect(answer.contentType?.hasPrefix("text/plain") == true)
        #expect(answer.text.hasPrefix("\(provider) webhook: "), "\(answer.text)")
        #expect(!answer.text.contains("\n"))
      }
      #expect(await server.inbox.events.isEmpty)
    }
  }

  @Test func bodiesOverOneMebibyteAnswer413() async throws {
    let overLimit = Data(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
    try await ReceiverServer.with { server in
      let answers = [
        try await server.send("/hooks/api4com?secret=s3cr3t", body: overLimit),
        try await server.send("/hooks/thulium", body: overLimit, headers: Payloads.thuliumAuth, streamed: true),
        try await server.send("/hooks/plusofon", body: overLimit, headers: Payloads.plusofonSecret),
      ]
      #expect(answers.map(\.status) == [413, 413, 413])
      #expect(await server.inbox.events.isEmpty)
      // The server still answers afterwards.
      let body = try Payloads.data("plusofon-create")
      #expect(try await server.send("/hooks/plusofon", body: body, headers: Payloads.plusofonSecret).status == 200)
    }
  }

  /// A handler that throws gets 500 and a body that says nothing of why; the provider's next
  /// attempt, once the handler works again, is accepted.
  @Test func aThrowingHandlerAnswers500AndTheRetryIsAccepted() async throws {
    try await ReceiverServer.with { server in
      let body = try Payloads.data("thulium-chat-conversation-created")
      await server.inbox.setOpen(false)
      let failed = try await server.send("/hooks/thulium", body: body, headers: Payloads.thuliumAuth)
      #expect(failed.status == 500)
      #expect(failed.text == "the webhook could not be handled; deliver it again")
      await server.inbox.setOpen(true)
      #expect(try await server.send("/hooks/thulium", body: body, headers: Payloads.thuliumAuth).status == 200)
      #expect(await server.inbox.events == [.thulium(try Thulium.WebhookEvent(decoding: body))])
      try server.expectNoSecretLogged()
    }
  }

  /// Only POST is routed: Hummingbird answers 404 for any other method on the path.
  @Test func otherMethodsAreNotAccepted() async throws {
    try await ReceiverServer.with { server in
      for method in ["GET", "PUT", "DELETE"] {
        let answer = try await server.send(
          "/hooks/api4com?secret=s3cr3t", method: method, body: try Payloads.data("api4com-channel-answer"))
        #expect([404, 405].contains(answer.status), "\(method) answered \(answer.status)")
      }
      #expect(await server.inbox.events.isEmpty)
    }
  }

  /// 200 deliveries at once, across the three providers: each answered 200 and handled once.
  @Test func concurrentDeliveriesAreEachHandledExactlyOnce() async throws {
    let count = 200
    try await ReceiverServer.with { server in
      let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<count {
          group.addTask {
            let id = "call-\(index)"
            switch index % 3 {
            case 0:
              let body = #"{"eventType":"channel-answer","id":"\#(id)","version":"1.8"}"#
              return try await server.send("/hooks/api4com?secret=s3cr3t", body: Data(body.utf8)).status
            case 1:
              let body = #"{"action":"CUSTOMER_CREATED","customer_id":\#(index)}"#
              return try await server.send("/hooks/thulium", body: Data(body.utf8), headers: Payloads.thuliumAuth)
                .status
            default:
              let body = #"{"my_call_id":"\#(id)","direction":"in"}"#
              return try await server.send("/hooks/plusofon", body: Data(body.utf8), headers: Payloads.plusofonSecret)
                .status
            }
          }
        }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
      }
      #expect(statuses == Array(repeating: 200, count: count))
      let ids = await server.inbox.events.compactMap { event -> String? in
        switch event {
        case .api4com(.channelAnswer(let call)): call.id
        case .thulium(.customerCreated(let customer)): "call-\(customer.customerID)"
        case .plusofon(let call): call.callID
        default: nil
        }
      }
      #expect(ids.count == count)
      #expect(Set(ids) == Set((0..<count).map { "call-\($0)" }))
    }
  }
}

extension ReceiverServer {
  /// No credential, nor the Basic header that carries one, in any line the server logged.
  func expectNoSecretLogged() throws {
    let secrets = [
      "s3cr3t", "hook-password", Payloads.basic("hook-user", "hook-password")["Authorization"]!,
      ReceiverServer.authToken,
    ]
    // The server's own logger, at trace level: it logged at least that it started.
    #expect(logs.lines.contains { $0.contains("127.0.0.1") }, "\(logs.lines)")
    for line in logs.lines {
      for secret in secrets {
        #expect(!line.contains(secret), "logged: \(line)")
      }
    }
  }
}
