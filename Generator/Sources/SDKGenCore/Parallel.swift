import Dispatch

/// Work split across cores whose results come back in order, so output stays deterministic.
enum Parallel {
  /// `first()` and `second()` at the same time.
  static func pair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = ResultSlots<Any>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      results[index] = index == 0 ? first() : second()
    }
    // swift-format-ignore: NeverForceUnwrap
    return (results[0] as! A, results[1] as! B)
  }

  /// `transform` of each element, computed on all cores, in the elements' order.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    guard elements.count > 1 else { return elements.map(transform) }
    let results = ResultSlots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      results[index] = transform(elements[index])
    }
    return (0..<elements.count).map { results[$0]! }
  }
}

/// One slot per task; each task writes only its own, and they are read after all have ended.
/// The storage is allocated once, so writers never touch a shared array (which exclusivity
/// checking would stop).
private final class ResultSlots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  subscript(index: Int) -> Value? {
    get { storage[index] }
    set { storage[index] = newValue }
  }
}
