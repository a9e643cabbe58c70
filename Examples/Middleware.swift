import Foundation
import HTTPTypes
import TelephonyWebhooks

/// Api4Com rate-limits `/calls` with 429: opt in to retries for every page.
public func api4comWithRetries(serverURL: URL = Api4Com.Client.defaultServerURL) async throws -> Int {
  // snippet: retries
  let api4com = Api4Com.Client(
    serverURL: serverURL,
    token: "your-api4com-token",
    middlewares: [RetryMiddleware(maxAttempts: 4, initialDelay: .milliseconds(800))]
  )
  var count = 0
  for try await call in api4com.allCalls(pageSize: 50) {
    count += call.duration ?? 0
  }
  // end snippet
  return count
}

// snippet: transport
/// A middleware of your own: logs each request's method and path, never its headers.
struct RequestLogger: ClientMiddleware {
  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    print(operationID, request.method, request.path ?? "")
    return try await next(request, body, baseURL)
  }
}

func makeClient(transport: any ClientTransport) -> Plusofon.Client {
  Plusofon.Client(token: "your-plusofon-token", transport: transport, middlewares: [RequestLogger()])
}
// end snippet
