import Foundation
import HTTPTypes
import TelephonyWebhooks

// Framework-free handlers: a Vapor or Hummingbird route passes the request's headers, URL and
// body, and maps the thrown errors to 401 and 400.

/// Api4Com: the secret rides in the registered URL's query (`…/hooks/api4com?secret=…`).
public func handleAPI4ComWebhook(url: String, headers: HTTPFields, body: Data) throws -> String {
  // snippet: receive-api4com
  try WebhookVerifier.queryParameter("secret", equals: "s3cr3t").verify(headers: headers, url: url)
  switch try Api4Com.WebhookEvent(decoding: body, headers: headers) {
  case .channelAnswer(let call):
    return "answered \(call.id)"
  case .channelHangup(let call):
    return "\(call.id) ended: \(call.hangupCause ?? "?") after \(call.duration ?? 0) s"
  case .unknown(let eventType, _):
    return "ignored \(eventType)"
  }
  // end snippet
}

/// Plusofon: a custom header registered in the subscription's `headers[]`, and its renamed fields.
public func handlePlusofonWebhook(headers: HTTPFields, body: Data) throws -> String {
  // snippet: receive-plusofon
  try WebhookVerifier.header("X-Plusofon-Secret", equals: "abc").verify(headers: headers)
  let call = try Plusofon.CallEvent(
    decoding: body, headers: headers, renamedFields: ["call_id": "my_call_id"])
  return "\(call.callID ?? "?") \(call.direction?.rawValue ?? "?") \(call.duration ?? 0) s"
  // end snippet
}

/// Thulium: the HTTP Basic credentials of the subscription's `http_auth_user` and
/// `http_auth_password`.
public func handleThuliumWebhook(headers: HTTPFields, body: Data) throws -> String {
  // snippet: receive-thulium
  try WebhookVerifier.basicAuth(username: "hook-user", password: "hook-password").verify(headers: headers)
  switch try Thulium.WebhookEvent(decoding: body, headers: headers) {
  case .chatConversationCreated(let chat):
    return "chat \(chat.conversationID) from \(chat.clientName ?? "?")"
  case .unknown(let action, _):
    return "ignored \(action)"
  default:
    return "handled"
  }
  // end snippet
}
