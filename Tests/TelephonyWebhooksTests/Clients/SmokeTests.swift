import Foundation
import Testing
import TelephonyWebhooks

@Test func plusofonListOverRealHTTP() async throws {
  let server = try await TestServer.start()
  server.enqueue(.init(json: #"{"current_page":1,"data":[{"id":5,"url":"https://test.com/hook-in","type_call":"inbound","type":"lk","event":"destroy"}],"last_page":1,"per_page":15,"total":1,"next_page_url":null}"#))
  let client = Plusofon.Client(serverURL: server.baseURL, token: "secret-token")
  let page = try await client.listWebhooks(type: .lk, page: 1)
  #expect(page.data.first?.id == 5)
  let request = try #require(server.lastRequest)
  #expect(request.path == "/webhooks")
  #expect(request.rawQuery == "type=lk&page=1")
  #expect(request.header("Authorization") == "Bearer secret-token")
  #expect(request.header("Client") == "10553")
  #expect(request.header("Accept") == "application/json")
  print(client)
  await server.stop()
}
