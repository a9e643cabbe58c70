import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// Every Plusofon operation over real HTTP, with the seeds' examples.
@Suite struct PlusofonClientTests {
  /// The body of the documentation's create example.
  static let createBody = Plusofon.WebhookRequest(
    url: URL(string: "http://my-url.com")!, event: .create, typeCall: .all, typeStyle: .long,
    fields: [.init(before: "to", after: "dest_number")],
    headers: [.init(name: "Special-Header", value: "header_value")],
    params: [.init(name: "special_parameter", value: "123")], template: "quos")

  @Test func listWebhooksSendsTypeAndPageAsQueryAndDecodesThePage() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.webhookPage))

      let page = try await server.plusofon().listWebhooks(type: .et, page: 1)

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/webhooks")
      #expect(request.rawQuery == "type=et&page=1")
      expectPlusofonAuth(request)
      expectContentHeaders(request, hasBody: false)

      #expect(page.currentPage == 1)
      #expect(page.firstPageURL == "http://localhost/api/v1/webhooks?page=1")
      #expect(page.from == 1)
      #expect(page.lastPage == 1)
      #expect(page.lastPageURL == "http://localhost/api/v1/webhooks?page=1")
      #expect(page.nextPageURL == nil)
      #expect(page.path == "http://localhost/api/v1/webhooks")
      #expect(page.perPage == 15)
      #expect(page.prevPageURL == nil)
      #expect(page.to == 2)
      #expect(page.total == 2)
      #expect(
        page.data == [
          .init(id: 5, url: "https://test.com/hook-in", typeCall: .inbound, type: .lk, event: .destroy),
          .init(id: 6, url: "https://test.com/hook-out", typeCall: .outbound, type: .lk, event: .create),
        ])
      #expect(page.data.map(\.id) == [5, 6])
      #expect(page.data.map(\.typeCall?.rawValue) == ["inbound", "outbound"])
    }
  }

  @Test func listWebhooksWithoutParametersSendsNoQuery() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.webhookPage))

      _ = try await server.plusofon().listWebhooks()

      let request = try #require(server.lastRequest)
      #expect(request.rawQuery == "")
      #expect(request.body.isEmpty)
    }
  }

  @Test func getWebhookDecodesEveryField() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.webhook))

      let webhook = try await server.plusofon().getWebhook(webhookID: PlusofonSeeds.webhookID)

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/webhooks/42")
      #expect(request.rawQuery == "")
      expectPlusofonAuth(request)
      expectContentHeaders(request, hasBody: false)

      #expect(webhook.id == 5)
      #expect(webhook.url == "https://test.com/hook")
      #expect(webhook.event == .destroy)
      #expect(webhook.typeCall == .inbound)
      #expect(webhook.type == .lk)
      #expect(webhook.typeStyle == .short)
      #expect(webhook.template == nil)
      #expect(
        webhook.fields == [
          .init(before: "call_id", after: "my_call_id"), .init(before: "direction", after: "my_direction"),
        ])
      #expect(webhook.headers == [.init(name: "my-header", value: "my_header_value")])
      #expect(webhook.params == [.init(name: "my-param", value: "my-param value")])
    }
  }

  @Test func createWebhookSendsTheDocExample() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.success))

      let result = try await server.plusofon().createWebhook(body: Self.createBody)

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.path == "/webhooks")
      #expect(request.rawQuery == "")
      expectPlusofonAuth(request)
      expectContentHeaders(request, hasBody: true)
      try expectJSON(request.body, equals: PlusofonSeeds.createRequest)
      #expect(result.success == true)
      #expect(result.message == nil)
    }
  }

  @Test func updateWebhookPutsTheDocExample() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.success))
      var body = Self.createBody
      body.template = "expedita"

      let result = try await server.plusofon().updateWebhook(webhookID: PlusofonSeeds.webhookID, body: body)

      let request = try #require(server.lastRequest)
      #expect(request.method == "PUT")
      #expect(request.path == "/webhooks/42")
      #expect(request.rawQuery == "")
      expectPlusofonAuth(request)
      expectContentHeaders(request, hasBody: true)
      try expectJSON(request.body, equals: PlusofonSeeds.updateRequest)
      #expect(result.success == true)
    }
  }

  @Test func deleteWebhookSendsNoBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"success":true,"message":"deleted"}"#))

      let result = try await server.plusofon().deleteWebhook(webhookID: PlusofonSeeds.webhookID)

      let request = try #require(server.lastRequest)
      #expect(request.method == "DELETE")
      #expect(request.path == "/webhooks/42")
      #expect(request.rawQuery == "")
      expectPlusofonAuth(request)
      expectContentHeaders(request, hasBody: false)
      #expect(result.success == true)
      #expect(result.message == "deleted")
    }
  }

  @Test func anOverriddenClientIDIsSent() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.success))

      _ = try await server.plusofon(clientID: "20017").deleteWebhook(webhookID: 7)

      let request = try #require(server.lastRequest)
      expectPlusofonAuth(request, clientID: "20017")
      #expect(request.path == "/webhooks/7")
    }
  }

  @Test func theDefaultServerIsTheSpecsServer() {
    #expect(Plusofon.Client.defaultServerURL.absoluteString == "https://restapi.plusofon.ru/api/v1")
  }
}
