import Logging
import TelephonyWebhooks
import TelephonyWebhooksObservability

// snippet: observability
/// A log line per request and a span per operation, with the tracer your app bootstrapped
/// (swift-otel's, for example); no credential appears in either.
func makeObservedClient() -> Plusofon.Client {
  Plusofon.Client(
    token: "your-plusofon-token",
    middlewares: [TracingMiddleware(), LoggingMiddleware(logger: Logger(label: "plusofon"))]
  )
}
// end snippet
