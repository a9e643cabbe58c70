import Foundation

/// A value behind a lock, for state shared with the server's tasks.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: Value

  public init(_ value: Value) { storage = value }

  public var value: Value {
    get { withLock { $0 } }
    set { withLock { $0 = newValue } }
  }

  public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&storage)
  }
}
