import Foundation
import HTTPTypes

/// Retries requests that the server turned away for now: `429 Too Many Requests` and
/// `503 Service Unavailable` by default.
///
/// It waits as the server's `Retry-After` header says (seconds or an HTTP date), capped at
/// ``maxDelay`` (30 seconds by default), or else backs off exponentially with jitter. Only
/// idempotent methods are retried unless you say otherwise, so a `POST` or `PATCH` that may have
/// taken effect is never sent twice. Opt in per client:
///
/// ```swift
/// let api4com = Api4Com.Client(token: token, middlewares: [RetryMiddleware()])
/// ```
///
/// - A request is sent at most ``maxAttempts`` times in all; after that the last response is
///   returned, and the operation throws its ``APIError``.
/// - Cancelling the task ends a wait at once with `CancellationError`, and nothing is retried
///   after it.
/// - Errors from the transport (no response) are not retried: the request may have arrived.
/// - A request whose body can be sent only once (an `HTTPBody` with `iterationBehavior`
///   `.single`, such as a stream) is not sent again: a retryable status throws
///   ``OneShotBodyError`` rather than sending an empty body.
public struct RetryMiddleware: ClientMiddleware {
  /// Thrown when a response asks for a retry but the request body is a one-shot stream.
  public struct OneShotBodyError: Error, CustomStringConvertible, Hashable {
    /// The retryable status that the server answered with.
    public var status: Int

    public var description: String {
      "HTTP \(status) could be retried, but the request body is a one-shot stream (HTTPBody with iterationBehavior .single) and cannot be sent again"
    }
  }

  /// How many times to try in all, including the first attempt.
  public var maxAttempts: Int
  /// The wait before the first retry when the server gives no `Retry-After`.
  public var initialDelay: Duration
  /// The longest wait between attempts: a longer `Retry-After` waits this long, then retries.
  public var maxDelay: Duration
  /// The statuses that are retried.
  public var retryableStatuses: Set<Int>
  /// The methods that are retried.
  public var retryableMethods: Set<HTTPRequest.Method>
  private let sleep: @Sendable (Duration) async throws -> Void

  /// The methods RFC 9110 calls idempotent.
  public static let idempotentMethods: Set<HTTPRequest.Method> = [
    .get, .head, .options, .trace, .put, .delete,
  ]

  /// Creates a retry policy; the defaults retry 429 and 503 up to three attempts in all.
  ///
  /// - Parameters:
  ///   - maxAttempts: how many times to try in all; 3 means two retries.
  ///   - initialDelay: the first back-off; each retry doubles it, with jitter.
  ///   - maxDelay: the cap on any wait, including one that `Retry-After` asks for.
  ///   - retryableStatuses: the statuses to retry.
  ///   - retryableMethods: the methods to retry; add `.post` or `.patch` only for operations
  ///     that are safe to repeat.
  ///   - sleep: how to wait; tests pass a function that records the delays.
  public init(
    maxAttempts: Int = 3,
    initialDelay: Duration = .milliseconds(500),
    maxDelay: Duration = .seconds(30),
    retryableStatuses: Set<Int> = [429, 503],
    retryableMethods: Set<HTTPRequest.Method> = RetryMiddleware.idempotentMethods,
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.initialDelay = initialDelay
    self.maxDelay = maxDelay
    self.retryableStatuses = retryableStatuses
    self.retryableMethods = retryableMethods
    self.sleep = sleep
  }

  public func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    guard retryableMethods.contains(request.method) else {
      return try await next(request, body, baseURL)
    }
    let canRepeatBody = body.map { $0.iterationBehavior == .multiple } ?? true
    var attempt = 1
    while true {
      let (response, responseBody) = try await next(request, body, baseURL)
      guard attempt < maxAttempts, retryableStatuses.contains(response.status.code) else {
        return (response, responseBody)
      }
      guard canRepeatBody else {
        throw OneShotBodyError(status: response.status.code)
      }
      try Task.checkCancellation()
      try await sleep(delay(after: attempt, response: response))
      try Task.checkCancellation()
      attempt += 1
    }
  }

  /// The wait before attempt `attempt + 1`.
  func delay(after attempt: Int, response: HTTPResponse, now: Date = Date()) -> Duration {
    if let retryAfter = response.headerFields[.retryAfter],
      let seconds = Self.seconds(fromRetryAfter: retryAfter, now: now)
    {
      return min(.milliseconds(Int64(seconds * 1000)), maxDelay)
    }
    let exponential = initialDelay * (1 << min(attempt - 1, 20))
    let jittered = exponential * Double.random(in: 0.5...1.0)
    return min(jittered, maxDelay)
  }

  /// Reads `Retry-After` as delay-seconds or an HTTP date.
  static func seconds(fromRetryAfter value: String, now: Date) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Double(text) {
      return max(0, seconds)
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }
}
