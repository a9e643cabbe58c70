import Foundation
import HTTPTypes
import TelephonyWebhooks

/// "Receiving webhooks": the status to answer an Api4Com delivery with.
public func answerAPI4ComDelivery(url: String, headers: HTTPFields, body: Data) -> Int {
  // snippet: docs-receive-answer
  let verifier = WebhookVerifier.queryParameter("secret", equals: "s3cr3t")
  do {
    try verifier.verify(headers: headers, url: url)
    let event = try Api4Com.WebhookEvent(decoding: body, headers: headers)
    record(event)
    return 200
  } catch let error as WebhookVerificationError {
    print(error)  // webhook rejected: the secret query parameter does not match
    return 401
  } catch {
    print(error)  // Api4Com webhook: the payload does not match ChannelEvent at id: …
    return 400
  }
  // end snippet
}

/// Where the example keeps what it received.
func record(_ event: Api4Com.WebhookEvent) {
  // snippet: docs-receive-switch
  switch event {
  case .channelAnswer(let call):
    print("\(call.id) answered at \(call.answeredAt?.rawValue ?? "?")")
  case .channelHangup(let call):
    print("\(call.id) ended: \(call.hangupCause ?? "?") after \(call.duration ?? 0) s")
  case .unknown(let eventType, let payload):
    print("not yet known: \(eventType), \(payload)")
  }
  // end snippet
}

/// "Receiving webhooks" with Plusofon: a payload whose fields the subscription renamed.
public func readPlusofonDelivery(headers: HTTPFields, body: Data) throws -> String? {
  // snippet: docs-receive-plusofon
  try WebhookVerifier.header("X-Plusofon-Secret", equals: "abc").verify(headers: headers)
  let call = try Plusofon.CallEvent(
    decoding: body, headers: headers, renamedFields: ["call_id": "my_call_id"])
  print(call.callID ?? "?", call.direction?.rawValue ?? "?", call.additionalProperties)
  // end snippet
  return call.callID
}

/// "Receiving webhooks" with Thulium: dates without a time zone.
public func readThuliumDelivery(headers: HTTPFields, body: Data) throws -> Date? {
  // snippet: docs-receive-thulium
  try WebhookVerifier.basicAuth(username: "hook-user", password: "hook-password").verify(headers: headers)
  guard case .chatConversationCreated(let chat) = try Thulium.WebhookEvent(decoding: body, headers: headers) else {
    return nil
  }
  let warsaw = TimeZone(identifier: "Europe/Warsaw")!
  return chat.date?.date(in: warsaw)
  // end snippet
}

/// "Receiving webhooks" with a signed provider: a Telnyx-shaped delivery, checked by its
/// signature, which covers the body.
public func verifyTelnyxDelivery(headers: HTTPFields, body: Data, publicKey: String) throws {
  let verifier = WebhookVerifier.telnyx(publicKey: publicKey)
  // snippet: docs-receive-signed
  try verifier.verify(headers: headers, url: "/hooks/telnyx", body: body)
  // end snippet
}

/// "Receiving webhooks": a valid delivery for testing a receiver, signed with a fresh key.
public func signAndVerifyTelnyxDelivery(body: Data) throws -> HTTPFields {
  // snippet: docs-receive-signer
  let signer = WebhookSigner.telnyx()  // a fresh Ed25519 key pair
  let verifier = WebhookVerifier.telnyx(publicKey: signer.publicKey!)
  let headers = try signer.sign(body: body)
  try verifier.verify(headers: headers, url: "/hooks/telnyx", body: body)
  // end snippet
  return headers
}
