import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

/// Each provider's receiver, tested in process: `WebhookTestTransport` holds the route that
/// `register(on:…)` adds and delivers a credentialed payload to it, with no server and no port.
@Suite struct ReceiverInProcessTests {
  private static let json: HTTPFields = [.contentType: "application/json"]

  @Test func api4comDeliveriesWithTheQuerySecretAreHandled() async throws {
    let server = WebhookTestTransport()
    let received = Received<Api4Com.WebhookEvent>()
    try Api4Com.WebhookEvent.register(
      on: server, path: "/hooks/api4com", verifier: .queryParameter("secret", equals: "s3cr3t")
    ) { received.append($0) }
    #expect(server.registeredRoutes == ["POST /hooks/api4com"])

    let payload = try WebhookFixtures.data("api4com-channel-answer")
    let handled = try await server.deliver(payload, to: "/hooks/api4com?secret=s3cr3t", headerFields: Self.json)
    #expect(handled.status == 200)
    guard case .channelAnswer? = received.events.first else {
      Issue.record("expected a channel-answer event, got \(received.events)")
      return
    }
    let refused = try await server.deliver(payload, to: "/hooks/api4com?secret=wrong", headerFields: Self.json)
    #expect(refused.status == 401)
    #expect(!refused.text.contains("s3cr3t"))
    #expect(received.events.count == 1)
  }

  @Test func plusofonDeliveriesWithTheHeaderCredentialAreHandled() async throws {
    let server = WebhookTestTransport()
    let received = Received<Plusofon.CallEvent>()
    try Plusofon.CallEvent.register(
      on: server, path: "/hooks/plusofon", verifier: .header("X-Hook-Token", equals: "hook-token")
    ) { received.append($0) }

    var headers = Self.json
    headers[HTTPField.Name("X-Hook-Token")!] = "hook-token"
    let payload = try WebhookFixtures.data("plusofon-answer")
    #expect(try await server.deliver(payload, to: "/hooks/plusofon", headerFields: headers).status == 200)
    #expect(received.events.count == 1)

    let garbled = try await server.deliver("{\"not\": \"a call\"", to: "/hooks/plusofon", headerFields: headers)
    #expect(garbled.status == 400)
    #expect(garbled.text.contains("Plusofon"))
    #expect(try await server.deliver(payload, to: "/hooks/plusofon", headerFields: Self.json).status == 401)
  }

  @Test func thuliumDeliveriesWithBasicAuthAreHandled() async throws {
    let server = WebhookTestTransport()
    let received = Received<Thulium.WebhookEvent>()
    try Thulium.WebhookEvent.register(
      on: server, path: "/hooks/thulium", verifier: .basicAuth(username: "hook-user", password: "hook-password")
    ) { received.append($0) }

    var headers = Self.json
    headers[.authorization] = "Basic " + Data("hook-user:hook-password".utf8).base64EncodedString()
    let payload = try WebhookFixtures.data("thulium-customer-created")
    #expect(try await server.deliver(payload, to: "/hooks/thulium", headerFields: headers).status == 200)
    guard case .customerCreated? = received.events.first else {
      Issue.record("expected a customer-created event, got \(received.events)")
      return
    }
    headers[.authorization] = "Basic " + Data("hook-user:wrong".utf8).base64EncodedString()
    #expect(try await server.deliver(payload, to: "/hooks/thulium", headerFields: headers).status == 401)
  }

  @Test func aDeliveryToAPathWithNoRouteNamesTheRoutes() async throws {
    let server = WebhookTestTransport()
    try Api4Com.WebhookEvent.register(on: server, path: "/hooks/api4com") { _ in }
    let error = await #expect(throws: WebhookTestTransport.NoRoute.self) {
      try await server.deliver("{}", to: "/hooks/other")
    }
    #expect(
      error?.description == "WebhookTestTransport: no route for POST /hooks/other; registered: POST /hooks/api4com")
  }
}

/// What a handler received, safe to read after the delivery returns.
final class Received<Event: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Event] = []

  func append(_ event: Event) {
    lock.withLock { stored.append(event) }
  }

  var events: [Event] { lock.withLock { stored } }
}
