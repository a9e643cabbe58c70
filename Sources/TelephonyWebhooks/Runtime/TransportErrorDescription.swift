import Foundation

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
