import Foundation
import TelephonyWebhooks

// Each function below holds a README snippet between `// snippet:` and `// end snippet`
// markers, verbatim. A test checks that every Swift block in the README is one of them, and
// the build compiles them, so the README cannot drift from the API.

/// Api4Com: place a call, and handle the provider's refusal.
public func api4comQuickStart(serverURL: URL = Api4Com.Client.defaultServerURL) async throws -> String? {
  // snippet: api4com
  let api4com = Api4Com.Client(serverURL: serverURL, token: "your-api4com-token")
  do {
    let call = try await api4com.dial(
      body: Api4Com.DialRequest(extension: "1000", phone: "+554833328530", metadata: ["gateway": "integration-code"])
    )
    return call.id
  } catch let error as APIError where error.status == 401 {
    // dial failed: HTTP 401 Unauthorized: Authorization Required
    print(error)
    throw error
  }
  // end snippet
}

/// Plusofon: create a webhook, then walk every page of the list.
public func plusofonQuickStart(serverURL: URL = Plusofon.Client.defaultServerURL) async throws -> [Int] {
  // snippet: plusofon
  let plusofon = Plusofon.Client(serverURL: serverURL, token: "your-plusofon-token")
  let hook = Plusofon.WebhookRequest(
    url: URL(string: "https://example.com/hooks/plusofon")!, event: .destroy, typeCall: .inbound)
  _ = try await plusofon.createWebhook(body: hook)

  var ids: [Int] = []
  for try await webhook in plusofon.allWebhooks(type: .lk) {
    ids.append(webhook.id)
  }
  // end snippet
  return ids
}

/// Thulium: create a webhook and read the provider's typed error.
public func thuliumQuickStart(serverURL: URL = Thulium.Client.serverURL(system: "acme")) async throws -> Int? {
  // snippet: thulium
  let thulium = Thulium.Client(serverURL: serverURL, username: "api_user", password: "api_pass")
  do {
    let webhook = try await thulium.createWebhook(
      body: Thulium.WebhookRequest(
        actions: [.chatConversationCreated], subscriptionURL: URL(string: "https://example.pl")!)
    )
    return webhook.id
  } catch let error as APIError {
    // createWebhook failed: HTTP 400 Bad Request: Wrong format of phone number. (request ID 53678450401cf)
    print(error)
    if let body = error.errorBody as? Thulium.ErrorResponse {
      print(body.errors?.compactMap(\.code) ?? [])
    }
    return nil
  }
  // end snippet
}
