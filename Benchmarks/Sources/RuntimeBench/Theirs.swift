import Foundation
import OpenAPIRuntime
import TheirPlusofon

/// The client swift-openapi-generator generated from specs/plusofon.yaml, with the middleware
/// that sets Plusofon's auth headers.
enum Theirs {
  static func client(_ transport: any ClientTransport) -> Client {
    Client(
      serverURL: URL(string: "https://restapi.plusofon.ru/api/v1")!, transport: transport,
      middlewares: [PlusofonAuthMiddleware(clientID: "10553", token: "secret")])
  }

  static func listWebhooks(_ client: Client) async throws -> Int {
    try await client.listWebhooks().ok.body.json.data.count
  }

  static let request = Components.Schemas.WebhookRequest(
    url: "https://my-url.com/hook", event: .create, typeCall: "all", typeStyle: .long,
    fields: [.init(before: "to", after: "dest_number")],
    headers: [.init(name: "Special-Header", value: "header_value")],
    params: [.init(name: "special_parameter", value: "123")], template: "quos")

  static func createWebhook(_ client: Client) async throws -> Int {
    try await client.createWebhook(body: .json(request)).ok.body.json.success ? 1 : 0
  }
}
