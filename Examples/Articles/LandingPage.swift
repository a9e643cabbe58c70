import Foundation
import HTTPTypes
import TelephonyWebhooks

/// The landing page's example: subscribe to Plusofon's hang-ups, then read one.
public func overviewExample(headers: HTTPFields, body: Data) async throws -> Int? {
  // snippet: docs-overview
  let plusofon = Plusofon.Client(token: "your-plusofon-token")
  _ = try await plusofon.createWebhook(
    body: Plusofon.WebhookRequest(
      url: URL(string: "https://example.com/hooks/plusofon")!, event: .destroy))

  // Later, in the handler of POST /hooks/plusofon:
  let call = try Plusofon.CallEvent(decoding: body, headers: headers)
  print("call \(call.callID ?? "?") lasted \(call.duration ?? 0) s")
  // end snippet
  return call.duration
}
