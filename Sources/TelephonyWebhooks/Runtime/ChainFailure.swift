import Foundation

/// Which layer of a request's chain threw an error: the transport, or a middleware by its type
/// name.
///
/// Each layer notes what it throws. An error passed up unchanged keeps the innermost layer that
/// threw it; an error a middleware throws in its place is the middleware's.
final class FailureOrigin: @unchecked Sendable {
  enum Layer: Equatable {
    case transport
    case middleware(String)
  }

  private let lock = NSLock()
  private var noted: (layer: Layer, signature: String)?

  func note(_ error: any Error, thrownBy layer: Layer) {
    let signature = Self.signature(of: error)
    lock.withLock {
      if noted?.signature != signature {
        noted = (layer, signature)
      }
    }
  }

  /// The layer that threw `error`, if one noted it.
  func layer(of error: any Error) -> Layer? {
    let signature = Self.signature(of: error)
    return lock.withLock { noted?.signature == signature ? noted?.layer : nil }
  }

  private static func signature(of error: any Error) -> String {
    String(reflecting: type(of: error)) + ": " + String(describing: error)
  }
}

/// Turns the transport's errors into a sentence a person can act on.
enum TransportErrorDescription {
  static func describe(_ error: any Error) -> String {
    if let error = error as? URLError {
      let reason =
        switch error.code {
        case .cannotConnectToHost: "could not connect to the server (connection refused)"
        case .timedOut: "the request timed out"
        case .cannotFindHost, .dnsLookupFailed: "the server's host name could not be resolved"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "there is no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
          .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
          "the TLS connection failed"
        case .cancelled: "the request was cancelled"
        default: "URL error \(error.code.rawValue)"
        }
      return "\(reason) (URLError \(error.code.rawValue))"
    }
    return String(describing: error)
  }
}

/// A byte count as a limit reads: `32 MiB`, `512 KiB`, `1000-byte`.
enum ByteCountText {
  static func describe(_ count: Int) -> String {
    let mebibyte = 1024 * 1024
    if count >= mebibyte, count % mebibyte == 0 { return "\(count / mebibyte) MiB" }
    if count >= 1024, count % 1024 == 0 { return "\(count / 1024) KiB" }
    return "\(count)-byte"
  }
}
