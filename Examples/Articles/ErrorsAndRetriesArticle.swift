import Foundation
import HTTPTypes
import TelephonyWebhooks

/// "Errors and retries": what a failed operation tells you.
public func explainFailure(_ thulium: Thulium.Client) async -> String {
  // snippet: docs-errors-catch
  do {
    try await thulium.deleteWebhook(webhookID: 42)
    return "deleted"
  } catch let error as APIError {
    switch error.kind {
    case .unexpectedStatus where error.status == 404:
      return "already gone"
    case .unexpectedStatus:
      // deleteWebhook failed: HTTP 403 Forbidden: Access denied. (request ID 53678450401cf)
      return error.description
    case .transport:
      return "no answer: \(error.underlyingError.map { "\($0)" } ?? "")"
    case .decoding:
      return "unexpected body: \(error.detail ?? "")"
    case .encoding:
      return "could not encode the request"
    }
  } catch {
    return "\(error)"
  }
  // end snippet
}

/// "Errors and retries": the provider's typed error body, and a shape the spec does not describe.
public func readErrorBodies(_ error: APIError) -> [String] {
  // snippet: docs-errors-body
  if let body = error.errorBody as? Thulium.ErrorResponse, let errors = body.errors {
    return errors.map { "\($0.code ?? 0): \($0.message ?? "")" }
  }
  struct GatewayError: Decodable { var reason: String }
  if let gateway = try? error.decodeBody(as: GatewayError.self) {
    return [gateway.reason]
  }
  return [String(decoding: error.rawBody, as: UTF8.self)]
  // end snippet
}

/// "Errors and retries": a client that retries what the server turned away for now.
public func makeRetryingClient(serverURL: URL = Plusofon.Client.defaultServerURL) -> Plusofon.Client {
  // snippet: docs-retries
  let retry = RetryMiddleware(
    maxAttempts: 5,
    initialDelay: .seconds(1),
    maxDelay: .seconds(20),
    retryableStatuses: [429, 502, 503]
  )
  let plusofon = Plusofon.Client(serverURL: serverURL, token: "your-plusofon-token", middlewares: [retry])
  // end snippet
  return plusofon
}
