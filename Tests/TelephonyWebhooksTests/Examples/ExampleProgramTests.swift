import Foundation
import TelephonyWebhooks
import TelephonyWebhooksExamples
import TestSupport
import Testing

/// The example program and the README's snippets, run against a local server that answers as
/// each provider does.
@Suite struct ExampleProgramTests {
  @Test func listsAndCreatesAWebhookWithEachProvider() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    server.respond { request in
      switch (request.method, request.path) {
      case ("GET", "/api4com/integrations"):
        .init(
          json:
            #"[{"id":1,"gateway":"integration-code","webhook":true,"webhookConstraint":{"gateway":"integration-code"},"metadata":{"api_token":"123456"}}]"#
        )
      case ("PATCH", "/api4com/integrations"):
        .init(json: #"{"id":1,"gateway":"integration-code","webhook":true}"#)
      case ("GET", "/plusofon/webhooks"):
        .init(json: #"{"current_page":1,"data":[],"last_page":1,"per_page":15,"total":0,"next_page_url":null}"#)
      case ("POST", "/plusofon/webhooks"):
        .init(json: #"{"success":true}"#)
      case ("GET", "/thulium/webhooks"):
        .init(json: #"[]"#)
      case ("POST", "/thulium/webhooks"):
        .init(
          json:
            #"{"id":5,"actions":["CHAT_CONVERSATION_CREATED"],"subscription_url":"https://example.pl","http_auth_user":"","http_auth_password":""}"#
        )
      default:
        .init(status: 404, json: #"{"message":"no route"}"#)
      }
    }

    let report = try await listAndCreateWebhooks(
      api4com: server.baseURL.appendingPathComponent("api4com"),
      plusofon: server.baseURL.appendingPathComponent("plusofon"),
      thulium: server.baseURL.appendingPathComponent("thulium"))

    #expect(
      report == [
        "Api4Com: 1 integration(s)", "Api4Com: saved integration integration-code", "Plusofon: 0 webhook(s)",
        "Plusofon: created true", "Thulium: 0 webhook(s)", "Thulium: created webhook 5",
      ])
    let patch = try #require(server.requests.first { $0.method == "PATCH" })
    #expect(patch.header("Authorization") == "your-api4com-token")
    #expect(
      patch.json
        == (try JSONSerialization.jsonObject(
          with: Data(
            #"{"gateway":"integration-code","webhook":true,"metadata":{"webhookUrl":"https://example.com/hooks/api4com?secret=s3cr3t","webhookVersion":"1.8","webhookTypes":["channel-answer","channel-hangup"]}}"#
              .utf8)) as? NSObject))
  }

  @Test func readmeQuickStartsRunAgainstALocalServer() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    server.enqueue(
      .init(json: #"{"id":"call-1","message":"successfull"}"#),
      .init(json: #"{"success":true}"#),
      .init(
        json:
          #"{"current_page":1,"data":[{"id":5,"url":"https://test.com/hook-in","type_call":"inbound","type":"lk","event":"destroy"}],"last_page":2,"per_page":1,"total":2,"next_page_url":"http://localhost/api/v1/webhooks?page=2"}"#
      ),
      .init(
        json:
          #"{"current_page":2,"data":[{"id":6,"url":"https://test.com/hook-out","type_call":"outbound","type":"lk","event":"create"}],"last_page":2,"per_page":1,"total":2,"next_page_url":null}"#
      ),
      .init(
        status: 400,
        json: #"{"request_id":"53678450401cf","errors":[{"message":"Wrong format of phone number.","code":111111}]}"#)
    )

    #expect(try await api4comQuickStart(serverURL: server.baseURL) == "call-1")
    #expect(try await plusofonQuickStart(serverURL: server.baseURL) == [5, 6])
    #expect(try await thuliumQuickStart(serverURL: server.baseURL) == nil)
    #expect(server.requests.map(\.path) == ["/dialer", "/webhooks", "/webhooks", "/webhooks", "/webhooks"])
    #expect(server.requests[3].rawQuery == "type=lk&page=2")
  }

  @Test func readmeWebhookHandlersVerifyAndDecode() throws {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    let hangup = Data(
      #"{"version":"v1.4","eventType":"channel-hangup","id":"2ee13fa4","hangupCause":"NORMAL_CLEARING","duration":5}"#
        .utf8)
    #expect(
      try handleAPI4ComWebhook(url: "/hooks/api4com?secret=s3cr3t", headers: headers, body: hangup)
        == "2ee13fa4 ended: NORMAL_CLEARING after 5 s")
    #expect(throws: WebhookVerificationError.self) {
      try handleAPI4ComWebhook(url: "/hooks/api4com?secret=wrong", headers: headers, body: hangup)
    }

    var plusofonHeaders = headers
    plusofonHeaders[HTTPField.Name("X-Plusofon-Secret")!] = "abc"
    let call = Data(#"{"my_call_id":"c-1","direction":"in","duration":42}"#.utf8)
    #expect(try handlePlusofonWebhook(headers: plusofonHeaders, body: call) == "c-1 in 42 s")

    var thuliumHeaders = headers
    thuliumHeaders[.authorization] = "Basic " + Data("hook-user:hook-password".utf8).base64EncodedString()
    let chat = Data(
      #"{"action":"CHAT_CONVERSATION_CREATED","conversation_id":"83a3f676","client_name":"John Smith","date":"2016-04-20 09:46:24","chat_queue_id":1}"#
        .utf8)
    #expect(try handleThuliumWebhook(headers: thuliumHeaders, body: chat) == "chat 83a3f676 from John Smith")
  }
}
