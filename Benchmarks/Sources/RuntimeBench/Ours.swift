import Foundation
import OpenAPIRuntime
import TelephonyWebhooks

/// The client sdkgen generated from specs/plusofon.yaml, as TelephonyWebhooks ships it.
enum Ours {
  static func client(_ transport: any ClientTransport) -> Plusofon.Client {
    Plusofon.Client(token: "secret", transport: transport)
  }

  static func listWebhooks(_ client: Plusofon.Client) async throws -> Int {
    try await client.listWebhooks().data.count
  }

  static let request = Plusofon.WebhookRequest(
    url: URL(string: "https://my-url.com/hook")!, event: .create, typeCall: .all, typeStyle: .long,
    fields: [.init(before: "to", after: "dest_number")],
    headers: [.init(name: "Special-Header", value: "header_value")],
    params: [.init(name: "special_parameter", value: "123")], template: "quos")

  static func createWebhook(_ client: Plusofon.Client) async throws -> Int {
    try await client.createWebhook(body: request).success ? 1 : 0
  }
}
