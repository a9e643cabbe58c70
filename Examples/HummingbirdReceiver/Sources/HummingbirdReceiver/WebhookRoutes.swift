import Foundation
import Hummingbird
import OpenAPIHummingbird
import TelephonyWebhooks

/// An event one of the providers delivered.
public enum ReceivedWebhook: Hashable, Sendable {
  case api4com(Api4Com.WebhookEvent)
  case thulium(Thulium.WebhookEvent)
  case plusofon(Plusofon.CallEvent)
  /// A Twilio-shaped voice call (the `Callbox` fixture spec, in Fixtures/).
  case callbox(Callbox.IncomingCall)
  /// A Telnyx-shaped call event (the `Voicegrid` fixture spec, in Fixtures/).
  case voicegrid(Voicegrid.WebhookEvent)
}

/// What the signed providers' subscriptions were set up with: Callbox's auth token and the public
/// URL it calls, and the base64 of Voicegrid's Ed25519 public key.
public struct SigningKeys: Sendable {
  public var authToken: String
  public var voiceURL: URL
  public var publicKey: String

  public init(authToken: String, voiceURL: URL, publicKey: String) {
    self.authToken = authToken
    self.voiceURL = voiceURL
    self.publicKey = publicKey
  }
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

/// The providers' receivers on one Hummingbird router, each with the credential its subscription
/// was registered with, or the key it signs with.
public func makeWebhookRouter(inbox: WebhookInbox, keys: SigningKeys) throws -> Router<BasicRequestContext> {
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
  // Signed providers: a form-encoded voice webhook answered with XML, and every call event on one route.
  try Callbox.IncomingCall.register(
    on: router, path: "/hooks/voice", verifier: .twilio(authToken: keys.authToken, publicURL: keys.voiceURL)
  ) { call in
    try await inbox.append(.callbox(call))
    return "<Response><Say>Hello</Say></Response>"
  }
  try Voicegrid.WebhookEvent.register(
    on: router, path: "/hooks/voicegrid", verifier: .telnyx(publicKey: keys.publicKey)
  ) { event in
    try await inbox.append(.voicegrid(event))
  }
  // end snippet
  return router
}
