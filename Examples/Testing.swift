import Foundation
import TelephonyWebhooks

// snippet: fake-api
/// Code that calls Thulium through `any Thulium.API`, so that its tests can hand it a fake.
struct SubscriptionAudit {
  let thulium: any Thulium.API

  /// The URLs Thulium delivers to.
  func subscriptionURLs() async throws -> [String] {
    try await thulium.listWebhooks(acceptLanguage: nil).map(\.subscriptionURL)
  }
}

/// A fake implements only the operations the code under test calls.
struct FakeThulium: Thulium.API {
  var webhooks: [Thulium.Webhook] = []
  func listWebhooks(acceptLanguage: Thulium.AcceptLanguage?) async throws -> [Thulium.Webhook] { webhooks }
}
// end snippet

// snippet: mock-transport
/// A real client over `MockTransport`: each operation answers with its spec's example, unless
/// a test scripts another answer, and every request is recorded with its credentials redacted.
func webhookGoneIsAnAPIError() async throws -> (error: APIError?, requests: [MockTransport.Request]) {
  let mock = MockTransport()
  let plusofon = Plusofon.Client(token: "your-plusofon-token", transport: mock)
  _ = try await plusofon.getWebhook(webhookID: 5)  // the spec's example webhook
  mock.respond(to: "getWebhook", with: .init(status: 404, body: #"{"message": "No query results"}"#))
  do {
    _ = try await plusofon.getWebhook(webhookID: 6)
    return (nil, mock.requests)
  } catch let error as APIError {
    return (error, mock.requests)  // status 404, message "No query results"
  }
}
// end snippet
