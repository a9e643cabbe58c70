import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// Every Thulium operation over real HTTP, with the seeds' examples.
@Suite struct ThuliumClientTests {
  static let createBody = Thulium.WebhookRequest(
    actions: [.chatConversationCreated], subscriptionURL: URL(string: "https://example.pl")!)

  /// Checks every field of the documentation's created webhook.
  func expectCreatedWebhook(_ webhook: Thulium.Webhook, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(webhook.id == 5, sourceLocation: sourceLocation)
    #expect(webhook.actions == [.chatConversationCreated], sourceLocation: sourceLocation)
    #expect(webhook.subscriptionURL == "https://example.pl", sourceLocation: sourceLocation)
    #expect(webhook.httpAuthUser == "", sourceLocation: sourceLocation)
    #expect(webhook.httpAuthPassword == "", sourceLocation: sourceLocation)
  }

  @Test func serverURLFillsInTheSystemName() {
    #expect(Thulium.Client.serverURL(system: "acme") == URL(string: "https://acme.thulium.com/api")!)
    #expect(Thulium.Client.serverURL().absoluteString == "https://your-system-name.thulium.com/api")
  }

  @Test func listWebhooksDecodesTheArray() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.webhooks))

      let webhooks = try await server.thulium().listWebhooks()

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/webhooks")
      #expect(request.rawQuery == "")
      expectThuliumAuth(request)
      expectContentHeaders(request, hasBody: false)
      // No language is set by the SDK; URLSession on Linux adds its own `Accept-Language`.
      #expect(request.header("Accept-Language") != "pl")
      #expect(webhooks.count == 1)
      let webhook = try #require(webhooks.first)
      #expect(webhook.id == 1)
      #expect(webhook.actions == [.chatAgentAssigned])
      #expect(webhook.subscriptionURL == "https://example.com/")
      #expect(webhook.httpAuthUser == "")
      #expect(webhook.httpAuthPassword == "")
    }
  }

  @Test func listWebhooksSendsAcceptLanguage() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.webhooks))

      _ = try await server.thulium().listWebhooks(acceptLanguage: .pl)

      #expect(try #require(server.lastRequest).header("Accept-Language") == "pl")
    }
  }

  @Test func createWebhookSendsTheDocExample() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.webhook))

      let webhook = try await server.thulium().createWebhook(acceptLanguage: .en, body: Self.createBody)

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.path == "/webhooks")
      #expect(request.rawQuery == "")
      expectThuliumAuth(request)
      expectContentHeaders(request, hasBody: true)
      #expect(request.header("Accept-Language") == "en")
      try expectJSON(request.body, equals: ThuliumSeeds.createRequest)
      expectCreatedWebhook(webhook)
    }
  }

  @Test func getWebhookUsesTheIDInThePath() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.webhook))

      let webhook = try await server.thulium().getWebhook(webhookID: 5, acceptLanguage: .pl)

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/webhooks/5")
      #expect(request.rawQuery == "")
      expectThuliumAuth(request)
      expectContentHeaders(request, hasBody: false)
      #expect(request.header("Accept-Language") == "pl")
      expectCreatedWebhook(webhook)
    }
  }

  @Test func updateWebhookPutsTheBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.webhook))
      let body = Thulium.WebhookRequest(
        actions: [.chatConversationCreated, .unknown("CALL_ANSWERED")],
        subscriptionURL: URL(string: "https://example.pl")!,
        httpAuthUser: "hook", httpAuthPassword: "hook-pass")

      let webhook = try await server.thulium().updateWebhook(webhookID: 5, acceptLanguage: .pl, body: body)

      let request = try #require(server.lastRequest)
      #expect(request.method == "PUT")
      #expect(request.path == "/webhooks/5")
      expectThuliumAuth(request)
      expectContentHeaders(request, hasBody: true)
      #expect(request.header("Accept-Language") == "pl")
      try expectJSON(
        request.body,
        equals: #"""
          {"actions":["CHAT_CONVERSATION_CREATED","CALL_ANSWERED"],"subscription_url":"https://example.pl","http_auth_user":"hook","http_auth_password":"hook-pass"}
          """#)
      expectCreatedWebhook(webhook)
    }
  }

  @Test func deleteWebhookReturnsOn204() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204, headers: [:], body: Data()))

      try await server.thulium().deleteWebhook(webhookID: 5)

      let request = try #require(server.lastRequest)
      #expect(request.method == "DELETE")
      #expect(request.path == "/webhooks/5")
      #expect(request.rawQuery == "")
      expectThuliumAuth(request)
      expectContentHeaders(request, hasBody: false)
    }
  }

  @Test func deleteWebhookReturnsOn200WithAnEmptyBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 200, headers: [:], body: Data()))

      try await server.thulium().deleteWebhook(webhookID: 7)

      #expect(server.lastRequest?.path == "/webhooks/7")
    }
  }

  @Test func aWebhooksPasswordStaysOutOfPrintAndDump() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(
          #"{"id":5,"actions":["CHAT_CONVERSATION_CREATED"],"subscription_url":"https://example.pl","http_auth_user":"hook","http_auth_password":"hook-pass"}"#
        ))

      let webhook = try await server.thulium().getWebhook(webhookID: 5)

      #expect(webhook.httpAuthPassword?.value == "hook-pass")
      var dumped = ""
      dump(webhook, to: &dumped)
      for text in [String(describing: webhook), String(reflecting: webhook), dumped] {
        #expect(!text.contains("hook-pass"))
        #expect(text.contains("<redacted>"))
      }
      let reencoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(webhook)) as? [String: Any]
      #expect(reencoded?["http_auth_password"] as? String == "hook-pass")
    }
  }

  @Test func aServerURLWithAPathKeepsIt() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.webhooks))

      _ = try await server.thulium(path: "api").listWebhooks()

      #expect(try #require(server.lastRequest).path == "/api/webhooks")
    }
  }
}
