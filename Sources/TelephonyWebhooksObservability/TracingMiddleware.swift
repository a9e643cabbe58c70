import Foundation
import HTTPTypes
import OpenAPIRuntime
import TelephonyWebhooks
import Tracing

/// A client middleware that traces each operation with the tracer bootstrapped in
/// `InstrumentationSystem` (swift-otel's, in production).
///
/// Each operation is a span of kind `client` named after its operation ID, with OpenTelemetry's
/// HTTP client attributes: `http.request.method`, `url.full` (credentials in the query replaced
/// by `REDACTED`), `url.template` (the spec's path, such as `/webhooks/{webhook_id}`, from a
/// generated client), `server.address`, `server.port`, `http.response.status_code`, and
/// `error.type` for a status of 400 or more or a thrown error. The span's context is injected
/// into the request's headers, so the server joins the trace (a W3C `traceparent` with
/// swift-otel). Errors are recorded by type only: their text may quote a credential.
///
/// ```swift
/// let client = Plusofon.Client(token: token, middlewares: [TracingMiddleware()])
/// ```
public struct TracingMiddleware: ClientMiddleware {
  /// Creates a middleware that traces each operation with the bootstrapped tracer.
  public init() {}

  public func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    let tracer = InstrumentationSystem.tracer
    let span = tracer.startSpan(operationID, context: ServiceContext.current ?? .topLevel, ofKind: .client)
    defer { span.end() }
    span.attributes["http.request.method"] = request.method.rawValue
    span.attributes["url.full"] = RequestDescription.fullURL(of: request, baseURL: baseURL)
    if let template = ClientOperationContext.current?.pathTemplate {
      // OpenTelemetry's low-cardinality path of a client request: `/webhooks/{webhook_id}`.
      span.attributes["url.template"] = template
    }
    if let host = baseURL.host() {
      span.attributes["server.address"] = host
    }
    if let port = baseURL.port ?? (baseURL.scheme == "https" ? 443 : baseURL.scheme == "http" ? 80 : nil) {
      span.attributes["server.port"] = port
    }
    var request = request
    tracer.inject(span.context, into: &request.headerFields, using: HTTPFieldsInjector())
    do {
      let (response, responseBody) = try await ServiceContext.$current.withValue(span.context) {
        try await next(request, body, baseURL)
      }
      span.attributes["http.response.status_code"] = response.status.code
      if response.status.code >= 400 {
        span.attributes["error.type"] = String(response.status.code)
        span.setStatus(SpanStatus(code: .error))
      }
      return (response, responseBody)
    } catch {
      span.attributes["error.type"] = String(reflecting: type(of: error))
      span.setStatus(SpanStatus(code: .error))
      throw error
    }
  }
}
