import Foundation
import HandPlusofon
import OpenAPIRuntime

/// The hand-written client in Sources/HandPlusofon.
enum Hand {
  static func client(_ transport: any ClientTransport) -> HandPlusofon.Client {
    HandPlusofon.Client(token: "secret", transport: transport)
  }

  static func listWebhooks(_ client: HandPlusofon.Client) async throws -> Int {
    try await client.listWebhooks().data.count
  }

  static let request = HandPlusofon.WebhookRequest(
    url: URL(string: "https://my-url.com/hook")!, event: .create, typeCall: "all", typeStyle: .long,
    fields: [.init(before: "to", after: "dest_number")],
    headers: [.init(name: "Special-Header", value: "header_value")],
    params: [.init(name: "special_parameter", value: "123")], template: "quos")

  static func createWebhook(_ client: HandPlusofon.Client) async throws -> Int {
    try await client.createWebhook(request).success ? 1 : 0
  }
}
