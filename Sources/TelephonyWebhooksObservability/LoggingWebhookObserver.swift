import Logging
import TelephonyWebhooks

/// A webhook receiver observer that logs one line per delivery with swift-log: the provider, the
/// route, the status the receiver answered and the duration.
///
/// A rejected delivery is a `warning` with its reason (a failed verification names the
/// credential it checked, never its value; a body that does not decode gives the one-line reason
/// the provider was sent), and a handler that threw is an `error`. No header and no body is ever
/// logged.
///
/// ```swift
/// try Api4Com.WebhookEvent.register(
///   on: router, path: "/hooks/api4com", verifier: verifier,
///   observer: LoggingWebhookObserver(logger: Logger(label: "webhooks"))
/// ) { event in … }
/// // info: Api4Com webhook POST /hooks/api4com 200 1.2 ms
/// ```
public struct LoggingWebhookObserver: WebhookReceiverObserver {
  /// Where the lines go.
  public var logger: Logger
  /// The level of a line for a delivery that was handled.
  public var level: Logger.Level

  public init(logger: Logger, level: Logger.Level = .info) {
    self.logger = logger
    self.level = level
  }

  public func observe(_ delivery: WebhookDelivery, next: @Sendable () async -> WebhookDeliveryOutcome) async
    -> WebhookDeliveryOutcome
  {
    let start = ContinuousClock.now
    let outcome = await next()
    let elapsed = LoggingMiddleware.milliseconds(ContinuousClock.now - start)
    var metadata: Logger.Metadata = [
      "webhook.provider": "\(delivery.provider)", "http.request.method": "\(delivery.method.rawValue)",
      "http.route": "\(delivery.route)", "http.response.status_code": "\(outcome.status)",
      "duration_ms": "\(elapsed)",
    ]
    let summary = "\(delivery.provider) webhook \(delivery.method.rawValue) \(delivery.route) \(outcome.status)"
    guard let rejection = outcome.rejection else {
      logger.log(level: level, "\(summary) \(elapsed) ms", metadata: metadata)
      return outcome
    }
    metadata["rejection"] = "\(rejection.description)"
    logger.log(
      level: rejection == .handlerFailed ? .error : .warning, "\(summary) rejected: \(rejection.description)",
      metadata: metadata)
    return outcome
  }
}
