import Foundation
import TelephonyWebhooks

// The snippets of the documentation catalog's articles (Sources/TelephonyWebhooks/
// TelephonyWebhooks.docc), verbatim between `// snippet:` and `// end snippet`. A test checks that
// every Swift block of an article is one of them, and the build compiles them.

/// "Getting started": a client per provider, with its own server and credentials.
public func makeGettingStartedClients() -> (Api4Com.Client, Plusofon.Client, Thulium.Client) {
  // snippet: docs-clients
  let api4com = Api4Com.Client(token: "your-api4com-token")
  let plusofon = Plusofon.Client(token: "your-plusofon-token")
  let thulium = Thulium.Client(
    serverURL: Thulium.Client.serverURL(system: "acme"), username: "api_user", password: "api_pass")
  // end snippet
  return (api4com, plusofon, thulium)
}

/// "Getting started" with Api4Com: place a call.
public func gettingStartedAPI4Com(_ api4com: Api4Com.Client) async throws -> String? {
  // snippet: docs-start-api4com
  let call = try await api4com.dial(body: Api4Com.DialRequest(extension: "1000", phone: "+554833328530"))
  print("placed call \(call.id ?? "?")")
  // end snippet
  return call.id
}

/// "Getting started" with Plusofon: list the webhooks.
public func gettingStartedPlusofon(_ plusofon: Plusofon.Client) async throws -> [Int] {
  // snippet: docs-start-plusofon
  let page = try await plusofon.listWebhooks(type: .lk)
  for webhook in page.data {
    print(webhook.id, webhook.url)
  }
  // end snippet
  return page.data.map(\.id)
}

/// "Getting started" with Thulium: subscribe to chat and customer events.
public func gettingStartedThulium(_ thulium: Thulium.Client) async throws -> Int {
  // snippet: docs-start-thulium
  let webhook = try await thulium.createWebhook(
    body: Thulium.WebhookRequest(
      actions: [.chatConversationCreated, .customerCreated],
      subscriptionURL: URL(string: "https://example.com/hooks/thulium")!,
      httpAuthUser: "hook-user", httpAuthPassword: "hook-password"))
  print("subscribed as webhook \(webhook.id)")
  // end snippet
  return webhook.id
}
