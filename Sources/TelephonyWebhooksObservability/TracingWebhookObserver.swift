import HTTPTypes
import Instrumentation
import TelephonyWebhooks
import Tracing

/// A webhook receiver observer that makes one span per delivery with the tracer bootstrapped in
/// `InstrumentationSystem`.
///
/// The span, of kind `server`, is named `<Provider> webhook` and continues the trace whose
/// context the delivery carries (a W3C `traceparent` with swift-otel). Its attributes are
/// OpenTelemetry's HTTP server ones: `http.request.method`, `http.route` (the registered path)
/// and `http.response.status_code`, the receiver's answer. A rejected delivery also has
/// `error.type` (`unauthorized`, `too_large`, `unreadable`, `undecodable` or `handler_failed`)
/// and an error status. No header value and no credential is recorded.
///
/// ```swift
/// try Api4Com.WebhookEvent.register(
///   on: router, path: "/hooks/api4com", observer: TracingWebhookObserver()) { event in … }
/// ```
public struct TracingWebhookObserver: WebhookReceiverObserver {
  public init() {}

  public func observe(_ delivery: WebhookDelivery, next: @Sendable () async -> WebhookDeliveryOutcome) async
    -> WebhookDeliveryOutcome
  {
    let tracer = InstrumentationSystem.tracer
    var context = ServiceContext.current ?? .topLevel
    tracer.extract(delivery.headerFields, into: &context, using: HTTPFieldsExtractor())
    let span = tracer.startSpan("\(delivery.provider) webhook", context: context, ofKind: .server)
    defer { span.end() }
    span.attributes["http.request.method"] = delivery.method.rawValue
    span.attributes["http.route"] = delivery.route
    let outcome = await ServiceContext.$current.withValue(span.context) { await next() }
    span.attributes["http.response.status_code"] = outcome.status
    if let rejection = outcome.rejection {
      span.attributes["error.type"] = Self.errorType(rejection)
      span.setStatus(SpanStatus(code: .error))
    }
    return outcome
  }

  private static func errorType(_ rejection: WebhookDeliveryOutcome.Rejection) -> String {
    switch rejection {
    case .unauthorized: "unauthorized"
    case .tooLarge: "too_large"
    case .unreadable: "unreadable"
    case .undecodable: "undecodable"
    case .handlerFailed: "handler_failed"
    }
  }
}

/// Reads an instrument's context (W3C `traceparent` with swift-otel) from a delivery's headers.
struct HTTPFieldsExtractor: Extractor {
  func extract(key: String, from fields: HTTPFields) -> String? {
    HTTPField.Name(key).flatMap { fields[$0] }
  }
}
