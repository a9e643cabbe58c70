import Foundation
import HTTPTypes
import TelephonyWebhooks
import TelephonyWebhooksExamples
import TestSupport
import Testing

/// The documentation articles' examples, run: against a local server that answers as each
/// provider does, and on webhook deliveries as the providers send them.
@Suite struct ArticleExampleTests {
  static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

  @Test func gettingStartedMakesOneCallPerProvider() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    server.enqueue(
      .init(json: #"{"id":"call-1","message":"successfull"}"#),
      .init(
        json:
          #"{"current_page":1,"data":[{"id":5,"url":"https://test.com/hook-in","event":"destroy"}],"last_page":1,"per_page":15,"total":1}"#
      ),
      .init(
        json:
          #"{"id":7,"actions":["CHAT_CONVERSATION_CREATED","CUSTOMER_CREATED"],"subscription_url":"https://example.com/hooks/thulium"}"#
      ))

    let url = server.baseURL
    #expect(try await gettingStartedAPI4Com(Api4Com.Client(serverURL: url, token: "t")) == "call-1")
    #expect(try await gettingStartedPlusofon(Plusofon.Client(serverURL: url, token: "t")) == [5])
    #expect(try await gettingStartedThulium(Thulium.Client(serverURL: url, username: "u", password: "p")) == 7)

    #expect(server.requests.map { "\($0.method) \($0.path)" } == ["POST /dialer", "GET /webhooks", "POST /webhooks"])
    #expect(server.requests[1].rawQuery == "type=lk")
    let subscription = try #require(server.requests[2].json as? [String: Any])
    #expect(subscription["http_auth_user"] as? String == "hook-user")
    #expect(subscription["http_auth_password"] as? String == "hook-password")
  }

  @Test func theGettingStartedClientsUseEachProvidersServer() {
    let (api4com, plusofon, thulium) = makeGettingStartedClients()
    #expect(String(describing: api4com).contains("api.api4com.com"))
    #expect(String(describing: plusofon).contains("restapi.plusofon.ru"))
    #expect(String(describing: thulium).contains("acme.thulium.com"))
  }

  @Test func aDeliveryIsAnsweredWith200401Or400() {
    let hangup = Data(#"{"version":"v1.4","eventType":"channel-hangup","id":"2ee13fa4","duration":5}"#.utf8)
    #expect(answerAPI4ComDelivery(url: "/hooks?secret=s3cr3t", headers: Self.jsonHeaders, body: hangup) == 200)
    #expect(answerAPI4ComDelivery(url: "/hooks?secret=wrong", headers: Self.jsonHeaders, body: hangup) == 401)
    #expect(answerAPI4ComDelivery(url: "/hooks", headers: Self.jsonHeaders, body: hangup) == 401)
    let broken = Data(#"{"version":"v1.4","eventType":"channel-hangup","id":5}"#.utf8)
    #expect(answerAPI4ComDelivery(url: "/hooks?secret=s3cr3t", headers: Self.jsonHeaders, body: broken) == 400)
  }

  @Test func plusofonRenamedFieldsAndThuliumDatesDecode() throws {
    var plusofon = Self.jsonHeaders
    plusofon[HTTPField.Name("X-Plusofon-Secret")!] = "abc"
    let call = Data(#"{"my_call_id":"c-1","direction":"inbound","crm_id":"42"}"#.utf8)
    #expect(try readPlusofonDelivery(headers: plusofon, body: call) == "c-1")

    var thulium = Self.jsonHeaders
    thulium[.authorization] = "Basic " + Data("hook-user:hook-password".utf8).base64EncodedString()
    let chat = Data(
      #"{"action":"CHAT_CONVERSATION_CREATED","conversation_id":"83a3f676","date":"2016-04-20 09:46:24","chat_queue_id":1}"#
        .utf8)
    // Warsaw is two hours ahead of UTC in April (CEST).
    #expect(try readThuliumDelivery(headers: thulium, body: chat) == Date(timeIntervalSince1970: 1_461_138_384))
    thulium[.authorization] = "Basic " + Data("hook-user:wrong".utf8).base64EncodedString()
    #expect(throws: WebhookVerificationError.self) { try readThuliumDelivery(headers: thulium, body: chat) }
  }

  @Test func errorsAreToldApartByKind() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    server.enqueue(
      .init(status: 404, json: #"{"errors":[{"message":"Not found.","code":404}]}"#),
      .init(
        status: 403,
        json: #"{"request_id":"53678450401cf","errors":[{"message":"Access denied.","code":403}]}"#))
    let thulium = Thulium.Client(serverURL: server.baseURL, username: "u", password: "p")
    #expect(await explainFailure(thulium) == "already gone")
    #expect(
      await explainFailure(thulium)
        == "deleteWebhook failed: HTTP 403 Forbidden: Access denied. (request ID 53678450401cf)")

    let refused = Thulium.Client(serverURL: URL(string: "http://127.0.0.1:1")!, username: "u", password: "p")
    #expect(await explainFailure(refused).hasPrefix("no answer: "))
  }

  @Test func errorBodiesAreReadTypedOrAsYourOwnType() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    server.enqueue(
      .init(status: 400, json: #"{"errors":[{"message":"Wrong format of phone number.","code":111111}]}"#),
      .init(status: 502, json: #"{"reason":"upstream timeout"}"#))
    let thulium = Thulium.Client(serverURL: server.baseURL, username: "u", password: "p")
    for expected in [["111111: Wrong format of phone number."], ["upstream timeout"]] {
      do {
        try await thulium.deleteWebhook(webhookID: 1)
        Issue.record("expected an APIError")
      } catch let error as APIError {
        #expect(readErrorBodies(error) == expected)
      }
    }
  }

  @Test func theRetryingClientRetriesWhatTheServerTurnedAwayForNow() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    server.enqueue(
      .init(status: 502, headers: ["Retry-After": "0"], json: "{}"),
      .init(status: 429, headers: ["Retry-After": "0"], json: "{}"),
      .init(json: #"{"current_page":1,"data":[],"last_page":1,"per_page":15,"total":0}"#),
      .init(status: 503, headers: ["Retry-After": "0"], json: #"{"message":"busy"}"#))
    let plusofon = makeRetryingClient(serverURL: server.baseURL)
    #expect(try await plusofon.listWebhooks().total == 0)
    #expect(server.requests.count == 3)
    // A POST is not idempotent: it is sent once.
    await #expect(throws: APIError.self) {
      try await plusofon.createWebhook(
        body: Plusofon.WebhookRequest(url: URL(string: "https://example.com")!, event: .create))
    }
    #expect(server.requests.count == 4)
  }

  @Test func theSignedProviderExamplesVerifyWhatTheSignerSigned() throws {
    let body = Data(#"{"data":{"event_type":"call.initiated"}}"#.utf8)
    let headers = try signAndVerifyTelnyxDelivery(body: body)
    #expect(headers[HTTPField.Name("telnyx-signature-ed25519")!] != nil)
    let signer = WebhookSigner.telnyx()
    try verifyTelnyxDelivery(headers: try signer.sign(body: body), body: body, publicKey: signer.publicKey!)
    #expect(throws: WebhookVerificationError.self) {
      try verifyTelnyxDelivery(headers: headers, body: body, publicKey: signer.publicKey!)
    }
  }
}
