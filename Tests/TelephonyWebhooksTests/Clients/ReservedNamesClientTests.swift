import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The fixture whose schemas are called `Error`, `Data`, `URL`, `UUID`, `String`, `Type`, `Client`
/// and so on: its generated client works like any other, over real HTTP.
@Suite struct ReservedNamesClientTests {
  static let thing = #"""
    {"id":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","type":"large","protocol":"sip","link":"https://example.com/t",
     "data":{"bytes":"AQI="},"url":{"href":"/t"},"string":{"text":"hi"},"client":{"name":"Ada"},"extra":true,
     "additionalProperties":"declared"}
    """#

  @Test func aClientWhoseSchemasShadowSwiftAndFoundationNamesCallsAndDecodes() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"items":["# + Self.thing + #"],"next":null}"#))
      let client = ReservedNames.Client(serverURL: server.baseURL, token: "reserved-token")

      var things: [ReservedNames.Thing] = []
      for try await thing in client.allThings(type: .large) { things.append(thing) }

      let request = try #require(server.lastRequest)
      #expect(request.path == "/things")
      #expect(request.rawQuery == "type=large&page=1")
      #expect(request.header("Authorization") == "Bearer reserved-token")
      let thing = try #require(things.first)
      #expect(thing.id == UUID(uuidString: "0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0"))
      #expect(thing.type == .large)
      #expect(thing.protocol == .sip)
      #expect(thing.link == URL(string: "https://example.com/t"))
      #expect(thing.data == ReservedNames.Data(bytes: "AQI="))
      #expect(thing.url == ReservedNames.URL(href: "/t"))
      #expect(thing.string == ReservedNames.String(text: "hi"))
      #expect(thing.client == ReservedNames.ClientModel(name: "Ada"))
      #expect(thing.additionalProperties == ["extra": .bool(true)])
      #expect(thing.additionalProperties2 == "declared")
    }
  }

  @Test func schemasPropertiesAndAnOperationNamedLikeSwiftsOwnTypesAndKeywordsWork() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .json(
          #"{"Array":{"value":"a"},"Result":{"value":"r"},"Any":{"value":"y"},"PageSequence":{"value":"p"},"#
            + #""Foundation":{"value":"f"},"self":"s","init":"i","1st":"1","":"e","spelling":"Type"}"#))
      let client = ReservedNames.Client(serverURL: server.baseURL, token: "reserved-token")

      let names = try await client.`init`()

      #expect(server.lastRequest?.path == "/spellings")
      #expect(names.array == ReservedNames.Array(value: "a"))
      #expect(names.result == ReservedNames.Result(value: "r"))
      #expect(names.any == ReservedNames.`Any`(value: "y"))
      #expect(names.pageSequence == ReservedNames.PageSequence(value: "p"))
      #expect(names.foundation == ReservedNames.FoundationModel(value: "f"))
      #expect(names.selfValue == "s")
      #expect(names.`init` == "i")
      #expect(names.value1st == "1")
      #expect(names.value == "e")
      #expect(names.spelling == .type)
    }
  }

  @Test func anErrorSchemaCalledErrorIsTheTypedErrorBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"message":"no such type"}"#, status: 400))
      let client = ReservedNames.Client(serverURL: server.baseURL, token: "reserved-token")

      let error = try await #require(throws: APIError.self) {
        try await client.createThing(body: .init(name: "Ada"))
      }

      #expect(error.messages == ["no such type"])
      #expect(error.errorBody as? ReservedNames.Error == .init(message: "no such type"))
      #expect(
        try #require(server.lastRequest).json
          == (try JSONSerialization.jsonObject(with: Data(#"{"name":"Ada"}"#.utf8)) as? NSObject))
    }
  }

  @Test func webhookPayloadsDecodeThoughTheSchemaIsCalledWebhookPayload() throws {
    let body = Data(
      #"{"event":"thing.created","thing":{"id":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","type":"small"}}"#.utf8)
    guard case .thingCreated(let payload) = try ReservedNames.WebhookEvent(decoding: body) else {
      Issue.record("not thing.created")
      return
    }
    #expect(payload.thing?.type == .small)
    #expect(ReservedNames.Client.serverURL(region: "us") == Foundation.URL(string: "https://us.reserved.example/v1"))
  }
}
