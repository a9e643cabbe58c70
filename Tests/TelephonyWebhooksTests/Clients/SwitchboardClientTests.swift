import FixtureClients
import Foundation
import HTTPTypes
import OpenAPIRuntime
import TelephonyWebhooks
import TestSupport
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
    try await TestServer.with { server in
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

  @Test func eachPathLevelOrOperationLevelServerIsAStaticURL() {
    #expect(Switchboard.Client.voiceServerURL == URL(string: "https://voice.switchboard.example")!)
    #expect(Switchboard.Client.mediaServerURL == URL(string: "https://media.switchboard.example")!)
    // An operation-level server with a variable, at the variable's default.
    #expect(Switchboard.Client.us1VoiceServerURL == URL(string: "https://us1.voice.switchboard.example")!)
  }

  /// Without `serverURL:`, each operation goes to its own server: a middleware notes the base URL
  /// each request was given, then sends it to the local server instead.
  @Test func withoutAServerURLEachOperationGoesToItsOwnServer() async throws {
    try await TestServer.with { server in
      let redirect = RedirectingMiddleware(to: server.baseURL)
      let client = Switchboard.Client(
        username: Self.accountSid, password: Self.authToken, middlewares: [redirect])
      let call = #"{"sid":"CA42","account_sid":"AC1","to":"a","from":"b","status":"completed"}"#
      server.enqueue(.json(call))
      server.enqueue(.json(#"{"sid":"RE7","call_sid":"CA42","duration":"12"}"#))
      server.enqueue(.init(status: 204, headers: [:], body: Data()))

      _ = try await client.fetchCall(accountSid: "AC1", sid: "CA42")
      let recording = try await client.fetchRecording(sid: "RE7")
      try await client.deleteCall(accountSid: "AC1", sid: "CA42")

      #expect(recording.callSid == "CA42")
      #expect(
        redirect.baseURLs.map(\.absoluteString) == [
          "https://voice.switchboard.example", "https://media.switchboard.example",
          "https://us1.voice.switchboard.example",
        ])
      #expect(
        server.requests.map(\.path) == [
          "/2010-04-01/Accounts/AC1/Calls/CA42.json", "/v1/Recordings/RE7", "/2010-04-01/Accounts/AC1/Calls/CA42.json",
        ])
      #expect(String(describing: client).contains("serverURL: each operation's own"))
    }
  }

  /// An explicit `serverURL:` replaces every operation's own server.
  @Test func anExplicitServerURLAppliesToEveryOperation() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"sid":"RE7","call_sid":"CA42"}"#))
      server.enqueue(.init(status: 204, headers: [:], body: Data()))

      let recording = try await client(server).fetchRecording(sid: "RE7")
      try await client(server).deleteCall(accountSid: "AC1", sid: "CA42")

      #expect(recording.duration == nil)
      #expect(server.requests.map(\.method) == ["GET", "DELETE"])
      #expect(server.requests.map(\.path) == ["/v1/Recordings/RE7", "/2010-04-01/Accounts/AC1/Calls/CA42.json"])
    }
  }

  @Test func anUpdateSendsOnlyTheFieldsGiven() async throws {
    try await TestServer.with { server in
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
    try await TestServer.with { server in
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

/// Notes the base URL of every request, then sends it to `target`.
private final class RedirectingMiddleware: ClientMiddleware, @unchecked Sendable {
  let target: URL
  private let lock = NSLock()
  private var seen: [URL] = []

  init(to target: URL) { self.target = target }

  var baseURLs: [URL] { lock.withLock { seen } }

  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    lock.withLock { seen.append(baseURL) }
    return try await next(request, body, target)
  }
}
