import FixtureClients
@_spi(Generated) import FixtureClients
import Foundation
import HTTPTypes
import OpenAPIRuntime
@_spi(Generated) import TelephonyWebhooks
import TestSupport
import Testing

/// `MockTransport()` answers every operation from its spec's examples, records what it was
/// sent, and checks each request against its operation.
@Suite struct MockTransportTests {
  /// Every namespace's table: the three providers and every fixture spec.
  static let tables: [(String, OperationTable)] = [
    ("Api4Com", Api4Com.Client.operationTable), ("Plusofon", Plusofon.Client.operationTable),
    ("Thulium", Thulium.Client.operationTable), ("Callbox", Callbox.Client.operationTable),
    ("Callwire", Callwire.Client.operationTable), ("Voicegrid", Voicegrid.Client.operationTable),
    ("KitchenSink", KitchenSink.Client.operationTable), ("MediaFixture", MediaFixture.Client.operationTable),
    ("MessagingV1", MessagingV1.Client.operationTable),
    ("Relayline", Relayline.Client.operationTable),
    ("ReservedNames", ReservedNames.Client.operationTable), ("Switchboard", Switchboard.Client.operationTable),
    ("Tree", Tree.Client.operationTable), ("Voxline", Voxline.Client.operationTable),
  ]

  @Test func everyOperationOfEverySpecHasASuccessAnswerThatDecodes() throws {
    var count = 0
    for (namespace, table) in Self.tables {
      #expect(!table.operations.isEmpty, "\(namespace) has no operations")
      for operation in table.operations {
        count += 1
        let answer = operation.answer
        #expect((200..<300).contains(answer.status), "\(namespace).\(operation.operationID)")
        guard let decode = answer.decode else { continue }
        let body = try #require(answer.body, "\(namespace).\(operation.operationID) has no example body")
        #expect(throws: Never.self, "\(namespace).\(operation.operationID)") { try decode(body) }
      }
    }
    #expect(count >= 15)
  }

  @Test func everyProviderOperationAnswersThroughItsClient() async throws {
    let mock = MockTransport()
    let api4com = Api4Com.Client(token: "test-token", transport: mock)
    _ = try await api4com.listIntegrations()
    _ = try await api4com.updateIntegration(body: Api4Com.Integration(gateway: "g", webhook: true))
    _ = try await api4com.dial(body: Api4Com.DialRequest(extension: "101", phone: "79990000000"))
    _ = try await api4com.listCalls()
    _ = try await api4com.hangUpCall(callID: "c1")

    let plusofon = Plusofon.Client(token: "test-token", transport: mock)
    let request = Plusofon.WebhookRequest(url: URL(string: "https://example.com/hook")!, event: .create)
    _ = try await plusofon.listWebhooks()
    _ = try await plusofon.createWebhook(body: request)
    #expect(try await plusofon.getWebhook(webhookID: 5).id == 5)
    _ = try await plusofon.updateWebhook(webhookID: 5, body: request)
    _ = try await plusofon.deleteWebhook(webhookID: 5)

    let thulium = Thulium.Client(
      serverURL: Thulium.Client.serverURL(system: "acme"), username: "api-user", password: "api-password",
      transport: mock)
    let hook = Thulium.WebhookRequest(
      actions: [.customerCreated], subscriptionURL: URL(string: "https://example.com/hook")!)
    _ = try await thulium.listWebhooks()
    _ = try await thulium.createWebhook(body: hook)
    _ = try await thulium.getWebhook(webhookID: 1)
    _ = try await thulium.updateWebhook(webhookID: 1, body: hook)
    try await thulium.deleteWebhook(webhookID: 1)

    #expect(mock.requests.count == 15)
  }

  @Test func requestsAreRecordedWithTheirCredentialsRedacted() async throws {
    let mock = MockTransport()
    let client = Plusofon.Client(clientID: "10553", token: "secret-token", transport: mock)
    _ = try await client.listWebhooks(type: .lk, page: 2)
    _ = try await client.createWebhook(
      body: Plusofon.WebhookRequest(url: URL(string: "https://example.com/h")!, event: .create))

    let requests = mock.requests
    #expect(requests.map(\.operationID) == ["listWebhooks", "createWebhook"])
    #expect(requests[0].method == .get)
    #expect(requests[0].path == "/webhooks")
    #expect(requests[0].query == [URLQueryItem(name: "type", value: "lk"), URLQueryItem(name: "page", value: "2")])
    #expect(requests[0].headerFields[.authorization] == "<redacted>")
    #expect(requests[0].headerFields[HTTPField.Name("Client")!] == "<redacted>")
    #expect(!"\(requests)".contains("secret-token"))
    let body = try #require(requests[1].body)
    #expect(try JSONDecoder().decode([String: String].self, from: body)["url"] == "https://example.com/h")
    #expect(mock.requests(for: "createWebhook").count == 1)
  }

  @Test func aScriptedErrorIsTheSameAPIErrorAServerGives() async throws {
    let body = #"{"message": "No query results for model [Webhook] 9"}"#
    let fromServer = try await TestServer.with { server in
      server.enqueue(.init(status: 404, json: body))
      let client = Plusofon.Client(serverURL: server.baseURL, token: "test-token")
      return await #expect(throws: APIError.self) { try await client.getWebhook(webhookID: 9) }
    }
    let mock = MockTransport()
    mock.respond(to: "getWebhook", with: .init(status: 404, body: body))
    let fromMock = await #expect(throws: APIError.self) {
      try await Plusofon.Client(token: "test-token", transport: mock).getWebhook(webhookID: 9)
    }
    let server = try #require(fromServer)
    let scripted = try #require(fromMock)
    #expect(scripted.kind == server.kind)
    #expect(scripted.status == 404)
    #expect(scripted.messages == server.messages)
    #expect(scripted.messages == ["No query results for model [Webhook] 9"])
    #expect(scripted.rawBody == server.rawBody)
    #expect(scripted.description == server.description)
  }

  @Test func aScriptedTransportErrorReachesTheCallerAsATransportFailure() async throws {
    let mock = MockTransport()
    mock.fail("listIntegrations", with: URLError(.timedOut))
    let error = await #expect(throws: APIError.self) {
      try await Api4Com.Client(token: "test-token", transport: mock).listIntegrations()
    }
    #expect(error?.kind == .transport)
    #expect(error?.operationID == "listIntegrations")
    #expect(error?.description.contains("timed out") == true)
  }

  @Test func anUnknownOperationIsA404APIError() async throws {
    let mock = MockTransport()
    // A transport used without a generated client has no table: every operation is unknown.
    let (response, _) = try await mock.send(
      HTTPTypes.HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/nowhere"), body: nil,
      baseURL: URL(string: "https://example.com")!, operationID: "nowhere")
    #expect(response.status.code == 404)
  }

  @Test func aWrongPathIsReportedWithItsOperation() async throws {
    let mock = MockTransport()
    let client = Plusofon.Client(token: "test-token", transport: mock, middlewares: [PathRewriter(path: "/webhook/5")])
    let error = await #expect(throws: APIError.self) { try await client.getWebhook(webhookID: 5) }
    #expect(error?.kind == .transport)
    #expect(error?.operationID == "getWebhook")
    let validation = try #require(error?.underlyingError as? MockTransport.ValidationError)
    #expect(validation.field == "path")
    #expect(
      validation.description
        == "MockTransport: getWebhook: path: /webhook/5 does not match the path template /webhooks/{webhook_id}")
  }

  @Test func aMissingRequiredHeaderIsReportedWithItsOperation() async throws {
    let mock = MockTransport()
    let core = ClientCore(
      serverURL: URL(string: "https://example.com")!, credentials: [], transport: mock, middlewares: [],
      operations: KitchenSink.Client.operationTable)
    let request = OperationRequest(operationID: "deleteItem", method: .delete, path: "/items/abc")
    let error = await #expect(throws: APIError.self) { try await core.send(request, security: []) }
    let validation = try #require(error?.underlyingError as? MockTransport.ValidationError)
    #expect(validation.operationID == "deleteItem")
    #expect(validation.field == "header If-Match")
    #expect(error?.description.contains("If-Match") == true)
  }

  @Test func aBodyThatIsNotTheDeclaredTypeIsReportedWithItsOperation() async throws {
    let mock = MockTransport()
    let core = ClientCore(
      serverURL: URL(string: "https://example.com")!, credentials: [], transport: mock, middlewares: [],
      operations: Plusofon.Client.operationTable)
    var request = OperationRequest(operationID: "createWebhook", method: .post, path: "/webhooks")
    try request.setBody(["url": 5])
    let error = await #expect(throws: APIError.self) { try await core.send(request, security: []) }
    let validation = try #require(error?.underlyingError as? MockTransport.ValidationError)
    #expect(validation.operationID == "createWebhook")
    #expect(validation.field == "body")
  }
}

/// Sends every request to another path, as a broken client would.
private struct PathRewriter: ClientMiddleware {
  let path: String

  func intercept(
    _ request: HTTPTypes.HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: (HTTPTypes.HTTPRequest, HTTPBody?, URL) async throws -> (HTTPTypes.HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPTypes.HTTPResponse, HTTPBody?) {
    var request = request
    request.path = path
    return try await next(request, body, baseURL)
  }
}
