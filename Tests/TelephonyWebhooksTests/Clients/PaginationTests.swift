import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The `AsyncSequence` helpers that walk every page, over real HTTP.
@Suite struct PaginationTests {
  /// One page of Laravel's paginator with webhooks `ids`.
  static func plusofonPage(_ page: Int, of lastPage: Int, ids: [Int]) -> String {
    let items = ids.map {
      #"{"id":\#($0),"url":"https://test.com/hook-\#($0)","type_call":"inbound","type":"lk","event":"destroy"}"#
    }
    let next = page < lastPage ? #""http://localhost/api/v1/webhooks?page=\#(page + 1)""# : "null"
    return #"""
      {"current_page":\#(page),"data":[\#(items.joined(separator: ","))],"last_page":\#(lastPage),"per_page":2,"total":5,"next_page_url":\#(next)}
      """#
  }

  /// One page of Api4Com's /calls with calls `ids`.
  static func api4comPage(ids: [String], nextPage: Int?) -> String {
    let items = ids.map { #"{"id":"\#($0)","from":"1003","duration":1}"# }
    return #"""
      {"data":[\#(items.joined(separator: ","))],"metadata":{"itemsPerPage":2,"nextPage":\#(nextPage.map(String.init) ?? "null")}}
      """#
  }

  @Test func plusofonAllWebhooksWalksThreePages() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(Self.plusofonPage(1, of: 3, ids: [1, 2])), .json(Self.plusofonPage(2, of: 3, ids: [3, 4])),
        .json(Self.plusofonPage(3, of: 3, ids: [5])))
      let client = server.plusofon()

      var ids: [Int] = []
      for try await webhook in client.allWebhooks(type: .lk) {
        ids.append(webhook.id)
        #expect(webhook.url == "https://test.com/hook-\(webhook.id)")
      }

      #expect(ids == [1, 2, 3, 4, 5])
      #expect(server.requests.map(\.rawQuery) == ["type=lk&page=1", "type=lk&page=2", "type=lk&page=3"])
      #expect(server.requests.allSatisfy { $0.method == "GET" && $0.path == "/webhooks" })
      for request in server.requests {
        expectPlusofonAuth(request)
      }
    }
  }

  @Test func api4comAllCallsFollowsNextPage() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(Self.api4comPage(ids: ["a", "b"], nextPage: 2)), .json(Self.api4comPage(ids: ["c", "d"], nextPage: 3)),
        .json(Self.api4comPage(ids: ["e"], nextPage: nil)))
      let client = server.api4com()

      var ids: [String] = []
      for try await call in client.allCalls(pageSize: 2, filter: #"{"where":{"from":"1003"}}"#) {
        ids.append(call.id)
      }

      #expect(ids == ["a", "b", "c", "d", "e"])
      #expect(server.requests.map { $0.query.first { $0.name == "page" }?.value } == ["1", "2", "3"])
      #expect(
        server.requests.map(\.rawQuery)
          == [1, 2, 3].map {
            "page=\($0)&pageSize=2&filter=%7B%22where%22%3A%7B%22from%22%3A%221003%22%7D%7D"
          })
      for request in server.requests {
        expectApi4ComAuth(request)
      }
    }
  }

  @Test func pagesAreFetchedOnlyWhenIterationReachesThem() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Self.plusofonPage(1, of: 3, ids: [1, 2])), .json(Self.plusofonPage(2, of: 3, ids: [3, 4])))
      let client = server.plusofon()

      var iterator = client.allWebhooks().makeAsyncIterator()
      let first = try await iterator.next()
      let second = try await iterator.next()
      #expect(first?.id == 1)
      #expect(second?.id == 2)
      #expect(server.requests.count == 1)
      let third = try await iterator.next()
      #expect(third?.id == 3)
      #expect(server.requests.count == 2)
      #expect(server.requests.map(\.rawQuery) == ["page=1", "page=2"])
    }
  }

  @Test func anEmptyPageEndsTheSequence() async throws {
    try await TestServer.with { server in
      // The page says there is a next one, but has no items: iteration must stop, not loop.
      server.respond { _ in .json(Self.api4comPage(ids: [], nextPage: 2)) }
      let client = server.api4com()

      var count = 0
      for try await _ in client.allCalls() { count += 1 }

      #expect(count == 0)
      #expect(server.requests.count == 1)
    }
  }

  @Test func aNextPageThatDoesNotMoveForwardEndsTheSequence() async throws {
    try await TestServer.with { server in
      server.respond { _ in .json(Self.api4comPage(ids: ["same"], nextPage: 1)) }
      let client = server.api4com()

      var ids: [String] = []
      for try await call in client.allCalls() { ids.append(call.id) }

      #expect(ids == ["same"])
      #expect(server.requests.count == 1)
    }
  }

  @Test func aFailingPageThrowsAfterTheEarlierItems() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(Self.plusofonPage(1, of: 3, ids: [1, 2])),
        .json(#"{"success":false,"message":"Нет доступа"}"#, status: 500))
      let client = server.plusofon()

      var ids: [Int] = []
      let error = try await #require(throws: APIError.self) {
        for try await webhook in client.allWebhooks(type: .et) { ids.append(webhook.id) }
      }

      #expect(ids == [1, 2])
      #expect(error.operationID == "listWebhooks")
      #expect(error.status == 500)
      #expect(error.messages == ["Нет доступа"])
      #expect(server.requests.map(\.rawQuery) == ["type=et&page=1", "type=et&page=2"])
    }
  }
}
