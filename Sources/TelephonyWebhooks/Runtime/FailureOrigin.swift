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
