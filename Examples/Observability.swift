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

// snippet: observed-receiver
/// A log line per delivery; a rejected delivery is a `warning` with its reason, never the
/// credential. `TracingWebhookObserver()` in its place makes a span per delivery instead.
func registerObservedReceiver(on server: any ServerTransport) throws {
  try Api4Com.WebhookEvent.register(
    on: server, path: "/hooks/api4com", verifier: .queryParameter("secret", equals: "s3cr3t"),
    observer: LoggingWebhookObserver(logger: Logger(label: "webhooks"))
  ) { event in
    print("received \(event)")
  }
}
// end snippet
