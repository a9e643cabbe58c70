import HTTPTypes

/// Watches each delivery to a webhook route, as a server middleware would: logging, tracing or
/// metrics for receivers.
///
/// Pass one to a generated `register(on:path:verifier:observer:…)`. It is called once per
/// delivery, around the receiver's work, and is told how the delivery was answered and, for a
/// rejected one, why. `TelephonyWebhooksObservability` has two: `LoggingWebhookObserver` and
/// `TracingWebhookObserver`.
///
/// ```swift
/// struct CountingObserver: WebhookReceiverObserver {
///   func observe(
///     _ delivery: WebhookDelivery, next: @Sendable () async -> WebhookDeliveryOutcome
///   ) async -> WebhookDeliveryOutcome {
///     let outcome = await next()
///     metrics.count(delivery.provider, outcome.status)
///     return outcome
///   }
/// }
/// ```
public protocol WebhookReceiverObserver: Sendable {
  /// Called for each delivery; `next` runs the receiver (verification, decoding, the handler)
  /// and gives its outcome, which the observer returns. The answer sent is the receiver's.
  func observe(_ delivery: WebhookDelivery, next: @Sendable () async -> WebhookDeliveryOutcome) async
    -> WebhookDeliveryOutcome
}

/// A delivery as an observer sees it, before the receiver reads it.
public struct WebhookDelivery: Sendable {
  /// The provider's namespace, such as `Api4Com`.
  public var provider: String
  /// The method, `POST`.
  public var method: HTTPRequest.Method
  /// The route's path as it was registered, such as `/hooks/api4com`.
  public var route: String
  /// The request's headers, for propagating a trace context. They may hold the credential the
  /// verifier checks: never log them.
  public var headerFields: HTTPFields
}

/// How a delivery was answered, and why it was rejected if it was.
public struct WebhookDeliveryOutcome: Sendable, Hashable {
  /// Why a delivery was not handled.
  public enum Rejection: Sendable, Hashable, CustomStringConvertible {
    /// The verifier rejected it (401); the reason names the credential, never its value.
    case unauthorized(reason: String)
    /// The body was longer than the route accepts (413).
    case tooLarge(limit: Int)
    /// The body could not be read (400).
    case unreadable
    /// The body did not decode as the provider's payload (400), with the one-line reason sent.
    case undecodable(reason: String)
    /// The handler threw, or its answer could not be encoded (500).
    case handlerFailed

    public var description: String {
      switch self {
      case .unauthorized(let reason): reason
      case .tooLarge(let limit): "the body is larger than \(limit) bytes"
      case .unreadable: "the body could not be read"
      case .undecodable(let reason): reason
      case .handlerFailed: "the handler failed"
      }
    }
  }

  /// The status the receiver answered with.
  public var status: Int
  /// Why the delivery was not handled; `nil` when the handler returned.
  public var rejection: Rejection?

  public init(status: Int, rejection: Rejection? = nil) {
    self.status = status
    self.rejection = rejection
  }
}
