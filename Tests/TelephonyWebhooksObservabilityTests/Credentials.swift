import Foundation
@_spi(Generated) import TelephonyWebhooks
import TestSupport

/// One request with each kind of credential the runtime sends, against a test server: Api4Com's
/// bare `apiKey` header, Plusofon's `apiKey` header and bearer token, Thulium's basic auth, and
/// an `apiKey` query parameter (as a generated client of such a spec sends it).
enum Credentials {
  static let api4comToken = "a4c-token-0001"
  static let plusofonClientID = "client-id-0002"
  static let plusofonToken = "bearer-token-0003"
  static let thuliumPassword = "basic-password-0004"
  static let queryKey = "query-key-0005"

  /// Every secret above, and the forms a request carries them in.
  static let secrets = [
    api4comToken, plusofonClientID, plusofonToken, thuliumPassword, queryKey,
    Data("thulium-user:\(thuliumPassword)".utf8).base64EncodedString(),
  ]

  /// Sends one request of each kind through `middlewares` to `server`; the server answers what
  /// each operation expects.
  static func sendOneOfEach(to server: TestServer, middlewares: [any ClientMiddleware]) async throws {
    server.respond { request in
      switch request.path {
      case "/integrations", "/webhooks": TestServer.Reply(json: "[]")
      case "/webhooks/7": TestServer.Reply(json: #"{"success":true}"#)
      default: TestServer.Reply(json: "{}")
      }
    }
    _ = try await Api4Com.Client(serverURL: server.baseURL, token: api4comToken, middlewares: middlewares)
      .listIntegrations()
    _ = try await Plusofon.Client(
      serverURL: server.baseURL, clientID: plusofonClientID, token: plusofonToken, middlewares: middlewares
    ).deleteWebhook(webhookID: 7)
    _ = try await Thulium.Client(
      serverURL: server.baseURL, username: "thulium-user", password: thuliumPassword, middlewares: middlewares
    ).listWebhooks()
    let core = ClientCore(
      serverURL: server.baseURL, credentials: [("apiKeyQuery", .apiKey(queryKey, query: "key"))],
      transport: URLSessionTransport(), middlewares: middlewares)
    var request = OperationRequest(operationID: "getStatus", method: .get, path: "/status")
    request.addQuery("verbose", true)
    _ = try await core.send(request, security: [["apiKeyQuery"]])
  }
}
