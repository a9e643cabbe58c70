import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// Every Api4Com operation over real HTTP, with the seeds' examples.
@Suite struct Api4ComClientTests {
  /// Checks every field of the documentation's integration.
  func expectDocIntegration(_ integration: Api4Com.Integration, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(integration.id == 1, sourceLocation: sourceLocation)
    #expect(integration.gateway == "integration-code", sourceLocation: sourceLocation)
    #expect(integration.webhook == true, sourceLocation: sourceLocation)
    #expect(integration.webhookConstraint == ["gateway": .string("integration-code")], sourceLocation: sourceLocation)
    #expect(integration.metadata?.webhookURL == nil, sourceLocation: sourceLocation)
    #expect(integration.metadata?.webhookVersion == nil, sourceLocation: sourceLocation)
    #expect(integration.metadata?.webhookTypes == nil, sourceLocation: sourceLocation)
    #expect(
      integration.metadata?.additionalProperties == ["api_token": .string("123456")], sourceLocation: sourceLocation)
  }

  @Test func updateIntegrationSendsTheDocExampleAndDecodesTheStoredIntegration() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.integration))
      let body = Api4Com.Integration(
        id: 1, gateway: "integration-code", webhook: true, webhookConstraint: ["gateway": "integration-code"],
        metadata: .init(additionalProperties: ["api_token": "123456"]))

      let stored = try await server.api4com().updateIntegration(body: body)

      let request = try #require(server.lastRequest)
      #expect(server.requests.count == 1)
      #expect(request.method == "PATCH")
      #expect(request.path == "/integrations")
      #expect(request.rawQuery == "")
      expectApi4ComAuth(request)
      expectContentHeaders(request, hasBody: true)
      try expectJSON(request.body, equals: Api4ComSeeds.integration)
      expectDocIntegration(stored)
      #expect(stored == body)
    }
  }

  @Test func updateIntegrationSendsTheWebhookSettings() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.webhookIntegration))
      let body = Api4Com.Integration(
        gateway: "integration-code", webhook: true, webhookConstraint: ["gateway": "integration-code"],
        metadata: .init(
          webhookURL: URL(string: "https://example.com/api4com/webhook")!, webhookVersion: "1.8",
          webhookTypes: [.channelAnswer, .channelHangup]))

      let stored = try await server.api4com().updateIntegration(body: body)

      let request = try #require(server.lastRequest)
      try expectJSON(request.body, equals: Api4ComSeeds.webhookIntegration)
      #expect(stored.id == nil)
      #expect(stored.gateway == "integration-code")
      #expect(stored.webhook == true)
      #expect(stored.webhookConstraint == ["gateway": "integration-code"])
      #expect(stored.metadata?.webhookURL?.absoluteString == "https://example.com/api4com/webhook")
      #expect(stored.metadata?.webhookVersion == "1.8")
      #expect(stored.metadata?.webhookTypes == [.channelAnswer, .channelHangup])
      #expect(stored.metadata?.additionalProperties == [:])
    }
  }

  @Test func listIntegrationsDecodesTheArray() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.integrations))

      let integrations = try await server.api4com().listIntegrations()

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/integrations")
      #expect(request.rawQuery == "")
      expectApi4ComAuth(request)
      expectContentHeaders(request, hasBody: false)
      #expect(integrations.count == 1)
      expectDocIntegration(try #require(integrations.first))
    }
  }

  @Test func dialSendsTheDocExample() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.dialResponse))

      let response = try await server.api4com().dial(
        body: .init(extension: "1000", phone: "+554833328530", metadata: ["gateway": "integration-code"]))

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.path == "/dialer")
      #expect(request.rawQuery == "")
      expectApi4ComAuth(request)
      expectContentHeaders(request, hasBody: true)
      try expectJSON(request.body, equals: Api4ComSeeds.dialRequest)
      #expect(response.id == "call-1")
      #expect(response.message == "successfull")
    }
  }

  @Test func listCallsSendsEveryQueryParameterAndDecodesThePage() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.callPage))

      let page = try await server.api4com().listCalls(page: 1, pageSize: 50, filter: Api4ComSeeds.callsFilter)

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/calls")
      #expect(
        request.rawQuery
          == "page=1&pageSize=50&filter=%7B%22where%22%3A%7B%22from%22%3A%221003%22%2C%22duration%22%3A%7B%22gt%22%3A30%7D%7D%7D"
      )
      #expect(request.query.map(\.name) == ["page", "pageSize", "filter"])
      #expect(request.query.last?.value == Api4ComSeeds.callsFilter)
      expectApi4ComAuth(request)
      expectContentHeaders(request, hasBody: false)

      #expect(page.data.count == 1)
      let call = try #require(page.data.first)
      #expect(call.id == "2ee13fa4-975c-499d-bbb8-5177ff418316")
      #expect(call.domain == "seudominio.api4com.com")
      #expect(call.callType == .outbound)
      #expect(call.startedAt == Timestamp("2025-01-01 00:00:00"))
      #expect(call.endedAt?.rawValue == "2025-01-01 00:00:42")
      #expect(call.from == "1003")
      #expect(call.to == "04833328530")
      #expect(call.duration == 42)
      #expect(call.hangupCause == "NORMAL_CLEARING")
      #expect(call.recordURL == nil)
      #expect(call.email == nil)
      #expect(call.firstName == nil)
      #expect(call.lastName == nil)
      #expect(call.bina == nil)
      #expect(call.minutePrice == nil)
      #expect(call.callPrice == nil)
      #expect(call.metadata == [:])
      let metadata = try #require(page.metadata)
      #expect(metadata.totalItemCount == 1)
      #expect(metadata.totalPageCount == 1)
      #expect(metadata.itemsPerPage == 50)
      #expect(metadata.currentPage == 1)
      #expect(metadata.nextPage == nil)
      #expect(metadata.previousPage == nil)
    }
  }

  @Test func listCallsWithoutParametersSendsNoQuery() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"data":[]}"#))

      let page = try await server.api4com().listCalls()

      #expect(try #require(server.lastRequest).rawQuery == "")
      #expect(page.data.isEmpty)
      #expect(page.metadata == nil)
    }
  }

  @Test func hangUpCallPostsWithoutABody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.hangupResponse))

      let response = try await server.api4com().hangUpCall(callID: Api4ComSeeds.callID)

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.path == "/calls/2ee13fa4-975c-499d-bbb8-5177ff418316/hangup")
      #expect(request.rawQuery == "")
      expectApi4ComAuth(request)
      expectContentHeaders(request, hasBody: false)
      #expect(response.status == "ok")
      #expect(response.message == "Call hung up")
      #expect(response.id == Api4ComSeeds.callID)
    }
  }

  @Test func aServerURLWithAPathKeepsIt() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.integrations))

      _ = try await server.api4com(path: "api/v1").listIntegrations()

      #expect(try #require(server.lastRequest).path == "/api/v1/integrations")
    }
  }

  @Test func theDefaultServerIsTheSpecsServer() {
    #expect(Api4Com.Client.defaultServerURL.absoluteString == "https://api.api4com.com/api/v1")
  }
}
