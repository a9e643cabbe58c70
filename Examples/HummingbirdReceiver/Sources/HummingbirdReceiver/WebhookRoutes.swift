import Hummingbird
import OpenAPIHummingbird
import TelephonyWebhooks

/// An event one of the providers delivered.
public enum ReceivedWebhook: Hashable, Sendable {
  case api4com(Api4Com.WebhookEvent)
  case thulium(Thulium.WebhookEvent)
  case plusofon(Plusofon.CallEvent)
}

/// Where the handlers put each event, to be worked on after the provider has its 200: a stand-in
/// for a queue or a database table. While it is closed it refuses events, so the receiver
/// answers 500 and the provider delivers again.
public actor WebhookInbox {
  public struct Closed: Error {}

  public private(set) var events: [ReceivedWebhook] = []
  public private(set) var isOpen = true

  public init() {}

  public func append(_ event: ReceivedWebhook) throws {
    guard isOpen else { throw Closed() }
    events.append(event)
  }

  public func setOpen(_ open: Bool) { isOpen = open }
}

/// The three providers' receivers on one Hummingbird router, each with the credential its
/// subscription was registered with.
public func makeWebhookRouter(inbox: WebhookInbox) throws -> Router<BasicRequestContext> {
  // snippet: receive-hummingbird
  let router = Router()
  try Api4Com.WebhookEvent.register(
    on: router, path: "/hooks/api4com", verifier: .queryParameter("secret", equals: "s3cr3t")
  ) { event in
    try await inbox.append(.api4com(event))
  }
  try Thulium.WebhookEvent.register(
    on: router, path: "/hooks/thulium", verifier: .basicAuth(username: "hook-user", password: "hook-password")
  ) { event in
    try await inbox.append(.thulium(event))
  }
  try Plusofon.CallEvent.register(
    on: router, path: "/hooks/plusofon", verifier: .header("X-Plusofon-Secret", equals: "abc"),
    renamedFields: ["call_id": "my_call_id"]
  ) { call in
    try await inbox.append(.plusofon(call))
  }
  // end snippet
  return router
}
