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

// snippet: receiver-test
/// A receiver tested without a server: `WebhookTestTransport` keeps the route that
/// `register(on:…)` adds, and delivers a credentialed payload to it in process.
func deliverToTheApi4ComReceiver(_ payload: Data) async throws -> WebhookTestTransport.Response {
  let server = WebhookTestTransport()
  try Api4Com.WebhookEvent.register(
    on: server, path: "/hooks/api4com", verifier: .queryParameter("secret", equals: "s3cr3t")
  ) { event in
    print("received \(event)")
  }
  return try await server.deliver(payload, to: "/hooks/api4com?secret=s3cr3t")  // status 200
}
// end snippet
