/// Every item of a paginated list operation, fetched one page at a time as you iterate.
///
/// ```swift
/// for try await webhook in plusofon.allWebhooks(type: .lk) {
///   print(webhook.url)
/// }
/// ```
///
/// The next page is requested only when the current one is used up. Iteration ends after a
/// page that says it is the last, or a page with no items.
public struct PageSequence<Element: Sendable>: AsyncSequence, Sendable {
  /// One page: its items and the number of the next page, `nil` after the last.
  @_spi(Generated) public typealias Page = (items: [Element], nextPage: Int?)

  private let firstPage: Int
  private let fetch: @Sendable (Int) async throws -> Page

  @_spi(Generated) public init(firstPage: Int = 1, fetch: @escaping @Sendable (Int) async throws -> Page) {
    self.firstPage = firstPage
    self.fetch = fetch
  }

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(nextPage: firstPage, fetch: fetch)
  }

  /// Fetches the pages of a ``PageSequence``.
  public struct AsyncIterator: AsyncIteratorProtocol {
    private var nextPage: Int?
    private var buffer: [Element] = []
    private var index = 0
    private let fetch: @Sendable (Int) async throws -> Page

    init(nextPage: Int, fetch: @escaping @Sendable (Int) async throws -> Page) {
      self.nextPage = nextPage
      self.fetch = fetch
    }

    public mutating func next() async throws -> Element? {
      while index == buffer.count {
        guard let page = nextPage else { return nil }
        let result = try await fetch(page)
        buffer = result.items
        index = 0
        // A next page that does not move forward would loop forever.
        nextPage = result.items.isEmpty ? nil : result.nextPage.flatMap { $0 > page ? $0 : nil }
      }
      defer { index += 1 }
      return buffer[index]
    }
  }
}
