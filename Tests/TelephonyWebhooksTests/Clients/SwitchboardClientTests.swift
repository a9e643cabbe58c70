import FixtureClients
import Foundation
import TelephonyWebhooks
import Testing

/// The Twilio-shaped fixture, an OpenAPI 3.0 spec, over real HTTP: a form body with PascalCase
/// fields, a path-level server, HTTP Basic with the account SID and token, and a JSON answer
/// whose `nullable` fields are null.
@Suite struct SwitchboardClientTests {
  static let accountSid = "AC0123456789abcdef"
  static let authToken = "sb-auth-token-9Zq"

  func client(_ server: TestServer) -> Switchboard.Client {
    Switchboard.Client(serverURL: server.baseURL, username: Self.accountSid, password: Self.authToken)
  }

  @Test func createCallPostsTheFormAndDecodesNullFields() async throws {
    try await withServer { server in
      server.enqueue(
        .json(
          #"{"sid":"CA42","account_sid":"AC0123456789abcdef","to":"+15558675310","from":"+15017122661","status":"queued","duration":null,"price":null,"answered_by":null,"parent_call_sid":null,"start_time":null}"#,
          status: 201))

      let call = try await client(server).createCall(
        accountSid: Self.accountSid,
        body: .init(
          to: "+15558675310", from: "+15017122661", url: URL(string: "https://example.com/twiml?step=1")!,
          statusCallback: URL(string: "https://example.com/status")!,
          statusCallbackEvent: [.initiated, .ringing, .answered, .completed], record: true, timeout: 20))

      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.path == "/2010-04-01/Accounts/AC0123456789abcdef/Calls.json")
      let basic = Data("\(Self.accountSid):\(Self.authToken)".utf8).base64EncodedString()
      #expect(request.header("Authorization") == "Basic \(basic)")
      #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
      #expect(
        String(decoding: request.body, as: UTF8.self)
          == "To=%2B15558675310&From=%2B15017122661&Url=https%3A%2F%2Fexample.com%2Ftwiml%3Fstep%3D1"
          + "&StatusCallback=https%3A%2F%2Fexample.com%2Fstatus&StatusCallbackEvent=initiated"
          + "&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed"
          + "&Record=true&Timeout=20")
      #expect(call.sid == "CA42")
      #expect(call.status == .queued)
      #expect(call.duration == nil)
      #expect(call.answeredBy == nil)
    }
  }

  @Test func thePathLevelServerIsTheDefault() {
    #expect(Switchboard.Client.defaultServerURL == URL(string: "https://voice.switchboard.example")!)
  }

  @Test func anUpdateSendsOnlyTheFieldsGiven() async throws {
    try await withServer { server in
      server.enqueue(
        .json(#"{"sid":"CA42","account_sid":"AC1","to":"a","from":"b","status":"completed","duration":"61"}"#))

      let call = try await client(server).updateCall(
        accountSid: "AC1", sid: "CA42", body: .init(status: "completed"))

      #expect(call.duration == "61")
      let request = try #require(server.lastRequest)
      #expect(String(decoding: request.body, as: UTF8.self) == "Status=completed")
    }
  }

  @Test func aProviderErrorCarriesItsMessage() async throws {
    try await withServer { server in
      server.enqueue(
        .json(#"{"code":21211,"message":"The 'To' number is not a valid phone number.","status":400}"#, status: 400))

      let error = try await #require(throws: APIError.self) {
        _ = try await client(server).createCall(accountSid: "AC1", body: .init(to: "x", from: "y"))
      }
      #expect(error.status == 400)
      #expect(error.messages == ["The 'To' number is not a valid phone number."])
      expectNoSecrets(in: error, [Self.authToken])
    }
  }
}
