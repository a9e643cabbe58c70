import Foundation
import TelephonyWebhooks

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Plusofon with a request timeout and a larger body limit: how many webhooks there are, or
/// `nil` when the task was cancelled.
public func plusofonWebhookCount(serverURL: URL = Plusofon.Client.defaultServerURL) async throws -> Int? {
  // snippet: errors
  let session = URLSessionConfiguration.default
  session.timeoutIntervalForRequest = 30  // seconds without an answer before URLError.timedOut
  let plusofon = Plusofon.Client(
    serverURL: serverURL,
    token: "your-plusofon-token",
    transport: URLSessionTransport(configuration: .init(session: URLSession(configuration: session))),
    configuration: ClientConfiguration(maximumResponseBodySize: 64 * 1024 * 1024)
  )
  do {
    return try await plusofon.listWebhooks(type: .lk).total
  } catch is CancellationError {
    return nil  // the task was cancelled: nothing went wrong
  } catch let error as APIError where error.kind == .transport {
    // listWebhooks failed: no response from the server: the request timed out (URLError -1001)
    print(error)
    throw error
  }
  // end snippet
}
