import Foundation
import HTTPTypes
import TelephonyWebhooks

// Framework-free handlers: a Vapor or Hummingbird route passes the request's URL, headers and
// body, and maps the thrown errors to 401 and 400.

// snippet: receive-api4com
/// `url` is the request's URL, or the path and query a server sees (`/hooks/api4com?secret=…`);
/// `headers` is the request's `HTTPFields`; `body` is its `Data`.
public func handleAPI4ComWebhook(url: String, headers: HTTPFields, body: Data) throws -> String {
  try WebhookVerifier.queryParameter("secret", equals: "s3cr3t").verify(headers: headers, url: url)
  switch try Api4Com.WebhookEvent(decoding: body, headers: headers) {
  case .channelAnswer(let call):
    return "answered \(call.id)"
  case .channelHangup(let call):
    return "\(call.id) ended: \(call.hangupCause ?? "?") after \(call.duration ?? 0) s"
  case .unknown(let eventType, _):
    // An event this SDK does not know yet: logged, and answered 200 so it is not sent again.
    print("Api4Com sent an event this SDK does not know: \(eventType)")
    return "ignored \(eventType)"
  }
}
// end snippet

// snippet: receive-plusofon
/// `headers` is the request's `HTTPFields`; `body` is its `Data`, a JSON object.
public func handlePlusofonWebhook(headers: HTTPFields, body: Data) throws -> String {
  try WebhookVerifier.header("X-Plusofon-Secret", equals: "abc").verify(headers: headers)
  let call = try Plusofon.CallEvent(
    decoding: body, headers: headers, renamedFields: ["call_id": "my_call_id"])
  return "\(call.callID ?? "?") \(call.direction?.rawValue ?? "?") \(call.duration ?? 0) s"
}
// end snippet

// snippet: receive-thulium
/// `headers` is the request's `HTTPFields`; `body` is its `Data`.
public func handleThuliumWebhook(headers: HTTPFields, body: Data) throws -> String {
  try WebhookVerifier.basicAuth(username: "hook-user", password: "hook-password").verify(headers: headers)
  switch try Thulium.WebhookEvent(decoding: body, headers: headers) {
  case .chatConversationCreated(let chat):
    return "chat \(chat.conversationID) from \(chat.clientName ?? "?")"
  case .chatAgentAssigned(let chat):
    return "chat \(chat.conversationID) assigned to \(chat.agentLogin)"
  case .chatConversationClosed(let chat):
    return "chat \(chat.conversationID) closed"
  case .customerCreated(let customer):
    return "customer \(customer.customerID) created"
  case .unknown(let action, _):
    // An action this SDK does not know yet: logged, and answered 200 so it is not sent again.
    print("Thulium sent an action this SDK does not know: \(action)")
    return "ignored \(action)"
  }
}
// end snippet
