import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// Path and query values are percent-encoded so that they arrive intact, over real HTTP.
@Suite struct PercentEncodingTests {
  @Test func aPathParameterIsOneSegment() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.hangupResponse))

      _ = try await server.api4com().hangUpCall(callID: "a/b c?d#e%f")

      let request = try #require(server.lastRequest)
      #expect(request.path == "/calls/a%2Fb%20c%3Fd%23e%25f/hangup")
      #expect(request.rawQuery == "")
      #expect(request.path.removingPercentEncoding == "/calls/a/b c?d#e%f/hangup")
    }
  }

  @Test func unicodeInAPathParameter() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Api4ComSeeds.hangupResponse))

      _ = try await server.api4com().hangUpCall(callID: "звонок-1")

      let request = try #require(server.lastRequest)
      #expect(request.path == "/calls/%D0%B7%D0%B2%D0%BE%D0%BD%D0%BE%D0%BA-1/hangup")
    }
  }

  @Test func aJSONQueryValueArrivesIntact() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"data":[]}"#))
      let filter = #"{"where":{"from":"1003"}}"#

      _ = try await server.api4com().listCalls(filter: filter)

      let request = try #require(server.lastRequest)
      #expect(request.rawQuery == "filter=%7B%22where%22%3A%7B%22from%22%3A%221003%22%7D%7D")
      #expect(request.query.count == 1)
      #expect(request.query.first?.name == "filter")
      #expect(request.query.first?.value == filter)
    }
  }

  @Test func reservedCharactersInAQueryValueAreEncoded() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"data":[]}"#))
      let filter = "a+b&c=d e/f?g"

      _ = try await server.api4com().listCalls(page: 2, filter: filter)

      let request = try #require(server.lastRequest)
      #expect(request.rawQuery == "page=2&filter=a%2Bb%26c%3Dd%20e%2Ff%3Fg")
      #expect(request.query.map(\.name) == ["page", "filter"])
      #expect(request.query.last?.value == filter)
    }
  }

  @Test func anUnknownEnumValueIsSentAsIs() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(PlusofonSeeds.webhookPage))

      _ = try await server.plusofon().listWebhooks(type: .unknown("crm&x"), page: 3)

      #expect(try #require(server.lastRequest).rawQuery == "type=crm%26x&page=3")
    }
  }
}
