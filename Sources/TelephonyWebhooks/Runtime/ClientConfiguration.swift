/// The limits a client applies, besides its server, credentials, transport and middlewares.
///
/// Every generated client takes one as its last initializer argument:
///
/// ```swift
/// let plusofon = Plusofon.Client(
///   token: token, configuration: ClientConfiguration(maximumResponseBodySize: 64 * 1024 * 1024))
/// ```
public struct ClientConfiguration: Sendable, Hashable {
  /// 32 MiB.
  public static let defaultMaximumResponseBodySize = 32 * 1024 * 1024

  /// The largest response body, in bytes, that the client reads into memory.
  ///
  /// A larger body throws an ``APIError`` with the response's status: of kind
  /// ``APIError/Kind/decoding`` for a success status, with the detail
  /// "the response body is over the 32 MiB limit". Binary (`HTTPBody`) responses stream and are
  /// not subject to it.
  public var maximumResponseBodySize: Int

  /// Creates the limits a client applies.
  ///
  /// - Parameter maximumResponseBodySize: the largest response body read into memory, in bytes;
  ///   32 MiB by default.
  public init(maximumResponseBodySize: Int = ClientConfiguration.defaultMaximumResponseBodySize) {
    self.maximumResponseBodySize = max(0, maximumResponseBodySize)
  }
}
