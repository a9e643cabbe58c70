import FixtureClients
import Foundation
import HTTPTypes
import OpenAPIRuntime
import TelephonyWebhooks
import TestSupport
import Testing

/// The Keyring fixture over real HTTP: cookies and a cookie credential in one `Cookie` header,
/// JSON-described parameters, the matrix and label path styles, an `Authorization` scheme of the
/// spec's own, mutualTLS left to the transport, and form and multipart responses.
@Suite struct KeyringClientTests {
  static func client(_ server: TestServer, session: String? = "s3ss10n", digest: String? = nil) -> Keyring.Client {
    Keyring.Client(serverURL: server.baseURL, session: session, digest: digest)
  }

  @Test func cookieParametersAndTheCookieCredentialGoInOneCookieHeader() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"theme":"dark"}"#))

      let preferences = try await Self.client(server).getPreferences(
        locale: "pt-BR", filter: .init(tag: "a&b"), xContext: ["x"], theme: .dark, recent: ["/a b", "/c"],
        flag: [1, 2], cart: [3, 4])

      let request = try #require(server.lastRequest)
      #expect(request.rawQuery == "locale=pt-BR&filter=%7B%22tag%22%3A%22a%26b%22%7D")
      #expect(request.header("X-Context") == #"["x"]"#)
      #expect(
        request.header("Cookie")
          == "theme=dark; recent=%2Fa%20b,%2Fc; flag=1; flag=2; cart=%5B3%2C4%5D; session_id=s3ss10n")
      #expect(request.fields[values: .cookie].count == 1)
      #expect(preferences.theme == "dark")
    }
  }

  @Test func withoutCookiesOrCredentialNoCookieHeaderIsSent() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}"))

      _ = try await Self.client(server, session: nil).getPreferences()

      #expect(server.lastRequest?.header("Cookie") == nil)
      #expect(server.lastRequest?.target == "/preferences")
    }
  }

  @Test func matrixAndLabelPathParametersAreWrittenAsTheirStylesSay() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204))

      server.enqueue(.init(status: 204))

      try await Self.client(server).getSeat(room: 5, seat: ["a", "b c"])
      try await Self.client(server).getLevel(level: .upper, tags: ["x", "y"])

      #expect(server.requests.map(\.path) == ["/rooms;room=5/seats;seat=a;seat=b%20c", "/levels.upper/tags.x.y"])
    }
  }

  @Test func objectHeadersAndCookiesAreWrittenAsTheirStylesSay() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204))
      let layout = Keyring.Layout(columns: 3, sort: .date, caption: "a b;c")

      try await Self.client(server).listViews(
        xLayout: layout, xLayoutPairs: Keyring.Layout(columns: 2), layout: layout,
        labels: ["team": "ops & support", "area": "eu"])

      let request = try #require(server.lastRequest)
      #expect(request.header("X-Layout") == "columns,3,sort,date,caption,a b;c")
      #expect(request.header("X-Layout-Pairs") == "columns=2")
      #expect(
        request.header("Cookie")
          == "layout=columns,3,sort,date,caption,a%20b%3Bc; area=eu; team=ops%20%26%20support; session_id=s3ss10n")
    }
  }

  @Test func withoutObjectParametersNothingIsSent() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204))

      try await Self.client(server, session: nil).listViews()

      let request = try #require(server.lastRequest)
      #expect(request.header("X-Layout") == nil)
      #expect(request.header("X-Layout-Pairs") == nil)
      #expect(request.header("Cookie") == nil)
    }
  }

  @Test func twoBasicSchemesEachSendTheirOwnCredentials() async throws {
    try await TestServer.with { server in
      server.enqueue(.init(status: 204))
      server.enqueue(.init(status: 204))
      server.enqueue(.init(status: 204))
      let client = Keyring.Client(
        serverURL: server.baseURL, session: nil, username: "ada", password: "m3mber", adminUsername: "root",
        adminPassword: "4dmin")

      try await client.getMember()
      try await client.getAdmin()
      try await Keyring.Client(serverURL: server.baseURL, session: nil, username: "ada", password: "m3mber")
        .getAdmin()

      #expect(
        server.requests.map { $0.header("Authorization") } == [
          "Basic " + Data("ada:m3mber".utf8).base64EncodedString(),
          "Basic " + Data("root:4dmin".utf8).base64EncodedString(),
          nil,
        ])
    }
  }

  @Test func anHTTPSchemeOfItsOwnIsSentAsAuthorizationWithItsName() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}"))

      _ = try await Self.client(server, session: nil, digest: #"username="ada", response="6629fae4""#).openVault()

      let request = try #require(server.lastRequest)
      #expect(request.header("Authorization") == #"Digest username="ada", response="6629fae4""#)
      #expect(request.header("Cookie") == nil)
    }
  }

  @Test func aSchemeNamedLikeTheTransportParameterIsRenamedAndStillSent() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}"))
      let client = Keyring.Client(serverURL: server.baseURL, transport2: "t-key")

      _ = try await client.openVault()

      #expect(server.lastRequest?.header("X-Transport-Key") == "t-key")
    }
  }

  @Test func aMutualTLSOperationSendsNoCredential() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}"))

      _ = try await Self.client(server, digest: "d").getDevice()

      let request = try #require(server.lastRequest)
      #expect(request.header("Authorization") == nil)
      #expect(request.header("Cookie") == nil)
    }
  }

  @Test func aFormResponseIsDecodedIntoItsModel() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .init(
          headers: ["Content-Type": "application/x-www-form-urlencoded"],
          body: Data("token=t%2B1&expires_in=3600&renewable=true".utf8)))

      let session = try await Self.client(server).refreshSession()

      #expect(server.lastRequest?.method == "POST")
      #expect(session == Keyring.Session(token: "t+1", expiresIn: 3600, renewable: true))
    }
  }

  @Test func aFormResponseThatDoesNotFitThrowsADecodingError() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .init(headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("token=t".utf8)))

      let error = try await #require(throws: APIError.self) { try await Self.client(server).refreshSession() }

      #expect(error.kind == .decoding)
      #expect(error.status == 200)
    }
  }

  @Test func aMultipartResponseIsHandedOverAsItsBody() async throws {
    try await TestServer.with { server in
      let body = "--b\r\nContent-Disposition: form-data; name=\"manifest\"\r\n\r\nv1\r\n--b--\r\n"
      server.enqueue(.init(headers: ["Content-Type": "multipart/form-data; boundary=b"], body: Data(body.utf8)))

      let received = try await Self.client(server).getBundle()

      #expect(String(decoding: try await Data(collecting: received, upTo: 1 << 20), as: UTF8.self) == body)
      #expect(server.lastRequest?.header("Accept") == "multipart/form-data")
    }
  }
}
