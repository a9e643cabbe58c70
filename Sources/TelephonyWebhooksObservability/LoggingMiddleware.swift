import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime
import TelephonyWebhooks

/// A client middleware that logs one line per request with swift-log: the operation ID, the
/// method, the path template (or the path, without its query), the status and the duration.
///
/// It shows no header value and no body unless ``Options`` asks for them, and even then never a
/// credential: the client's `Authorization`, its `apiKey` headers and query parameters, and
/// every secret it sends are replaced by `<redacted>`.
///
/// ```swift
/// let client = Plusofon.Client(
///   token: token, middlewares: [LoggingMiddleware(logger: Logger(label: "plusofon"))])
/// // info: listWebhooks GET /webhooks 200 84.2 ms
/// ```
public struct LoggingMiddleware: ClientMiddleware {
  /// What a line shows besides the operation, method, path, status and duration.
  public struct Options: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The request's and the response's headers, each credential's value redacted.
    public static let headers = Options(rawValue: 1 << 0)
    /// The request's and the response's bodies as text, when their length is known and at most
    /// ``LoggingMiddleware/maximumBodySize``, each secret the client knows redacted.
    public static let bodies = Options(rawValue: 1 << 1)
  }

  /// Where the lines go.
  public var logger: Logger
  /// The level of a line for a response; a request that fails without one logs at `warning`.
  public var level: Logger.Level
  /// What a line shows beyond its summary.
  public var options: Options
  /// The largest body shown with ``Options/bodies``, in bytes.
  public var maximumBodySize: Int

  /// Creates a middleware that logs one line per request to `logger`.
  public init(logger: Logger, level: Logger.Level = .info, options: Options = [], maximumBodySize: Int = 4096) {
    self.logger = logger
    self.level = level
    self.options = options
    self.maximumBodySize = maximumBodySize
  }

  public func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    let start = ContinuousClock.now
    let path = RequestDescription.path(of: request)
    var metadata: Logger.Metadata = [
      "operation": "\(operationID)", "http.request.method": "\(request.method.rawValue)", "url.path": "\(path)",
    ]
    var body = body
    if options.contains(.headers) {
      metadata["http.request.headers"] = .array(RequestDescription.headers(request.headerFields).map { "\($0)" })
    }
    if options.contains(.bodies) {
      metadata["http.request.body"] = await show(&body)
    }
    let summary = "\(operationID) \(request.method.rawValue) \(path)"
    do {
      var (response, responseBody) = try await next(request, body, baseURL)
      let elapsed = Self.milliseconds(ContinuousClock.now - start)
      metadata["http.response.status_code"] = "\(response.status.code)"
      metadata["duration_ms"] = "\(elapsed)"
      if options.contains(.headers) {
        metadata["http.response.headers"] = .array(
          RequestDescription.headers(response.headerFields).map { "\($0)" })
      }
      if options.contains(.bodies) {
        metadata["http.response.body"] = await show(&responseBody)
      }
      logger.log(level: level, "\(summary) \(response.status.code) \(elapsed) ms", metadata: metadata)
      return (response, responseBody)
    } catch {
      let elapsed = Self.milliseconds(ContinuousClock.now - start)
      metadata["duration_ms"] = "\(elapsed)"
      metadata["error.type"] = "\(String(reflecting: type(of: error)))"
      metadata["error"] = "\(ClientOperationContext.redact(String(describing: error)))"
      logger.warning("\(summary) failed after \(elapsed) ms", metadata: metadata)
      throw error
    }
  }

  /// The body as redacted text, read into memory and handed on again, when it is small and of a
  /// known length; otherwise a note of its size, the body left to stream untouched.
  private func show(_ body: inout HTTPBody?) async -> Logger.MetadataValue {
    guard let original = body else { return "<none>" }
    guard case .known(let length) = original.length, length <= maximumBodySize else {
      return "<not shown: over \(maximumBodySize) bytes or of unknown length>"
    }
    do {
      let data = try await Data(collecting: original, upTo: maximumBodySize)
      body = HTTPBody(data)
      return "\(ClientOperationContext.redact(String(decoding: data, as: UTF8.self)))"
    } catch {
      return "<not shown: \(String(reflecting: type(of: error)))>"
    }
  }

  /// A duration in milliseconds, to a tenth.
  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%.1f", value)
  }
}
