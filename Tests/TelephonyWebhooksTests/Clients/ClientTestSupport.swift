import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The credentials the client tests use; none of them may ever show up in a description or dump.
enum TestCredentials {
  static let api4comToken = "a4c-token-Q7mZ2xv9"
  static let plusofonToken = "plf-token-K3r8Wn5p"
  static let thuliumUsername = "api_user"
  static let thuliumPassword = "api_pass"
  /// `base64("api_user:api_pass")`.
  static let thuliumBasic = "YXBpX3VzZXI6YXBpX3Bhc3M="
  static let voxlineKey = "vox-key-H4d6Ty1s"

  static let api4comSecrets = [api4comToken]
  static let plusofonSecrets = [plusofonToken]
  static let thuliumSecrets = [thuliumPassword, thuliumBasic]
  static let voxlineSecrets = [voxlineKey]
}

extension TestServer {
  /// The server's URL, with `path` (such as `api/v1`) as the client's base path.
  func url(_ path: String) -> URL {
    path.isEmpty ? baseURL : baseURL.appending(path: path)
  }

  func api4com(path: String = "", middlewares: [any ClientMiddleware] = []) -> Api4Com.Client {
    Api4Com.Client(
      serverURL: url(path), token: TestCredentials.api4comToken, middlewares: middlewares)
  }

  func plusofon(clientID: String? = nil, middlewares: [any ClientMiddleware] = []) -> Plusofon.Client {
    if let clientID {
      return Plusofon.Client(
        serverURL: baseURL, clientID: clientID, token: TestCredentials.plusofonToken, middlewares: middlewares)
    }
    return Plusofon.Client(serverURL: baseURL, token: TestCredentials.plusofonToken, middlewares: middlewares)
  }

  func thulium(path: String = "", middlewares: [any ClientMiddleware] = []) -> Thulium.Client {
    Thulium.Client(
      serverURL: url(path), username: TestCredentials.thuliumUsername,
      password: TestCredentials.thuliumPassword, middlewares: middlewares)
  }

  func voxline(middlewares: [any ClientMiddleware] = []) -> Voxline.Client {
    Voxline.Client(serverURL: baseURL, apiKey: TestCredentials.voxlineKey, middlewares: middlewares)
  }
}

extension TestServer.Reply {
  /// A JSON reply.
  static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Self {
    .init(status: status, headers: ["Content-Type": "application/json"].merging(headers) { $1 }, json: text)
  }

  /// A reply with a raw body of any type.
  static func text(_ text: String, status: Int, contentType: String = "text/html") -> Self {
    .init(status: status, headers: ["Content-Type": contentType], body: Data(text.utf8))
  }
}

/// Expects the headers every request carries: `Accept: application/json`, and
/// `Content-Type: application/json` exactly when there is a body.
func expectContentHeaders(
  _ request: TestServer.Request, hasBody: Bool, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(request.header("Accept") == "application/json", sourceLocation: sourceLocation)
  if hasBody {
    #expect(request.header("Content-Type") == "application/json", sourceLocation: sourceLocation)
    #expect(!request.body.isEmpty, sourceLocation: sourceLocation)
  } else {
    #expect(request.header("Content-Type") == nil, sourceLocation: sourceLocation)
    #expect(request.body.isEmpty, sourceLocation: sourceLocation)
  }
}

/// Api4Com: the bare token in `Authorization`.
func expectApi4ComAuth(_ request: TestServer.Request, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(request.header("Authorization") == TestCredentials.api4comToken, sourceLocation: sourceLocation)
}

/// Plusofon: `Authorization: Bearer <token>` and `Client: <clientID>`.
func expectPlusofonAuth(
  _ request: TestServer.Request, clientID: String = "10553", sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    request.header("Authorization") == "Bearer \(TestCredentials.plusofonToken)", sourceLocation: sourceLocation)
  #expect(request.header("Client") == clientID, sourceLocation: sourceLocation)
}

/// Thulium: HTTP Basic with `api_user:api_pass`.
func expectThuliumAuth(_ request: TestServer.Request, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(request.header("Authorization") == "Basic \(TestCredentials.thuliumBasic)", sourceLocation: sourceLocation)
}

/// Everything a person or a log could see of `value`: `print`, `debugPrint`/`String(reflecting:)`
/// and `dump`.
func everyRendering(of value: Any) -> [String] {
  var printed = ""
  print(value, to: &printed)
  var dumped = ""
  dump(value, to: &dumped)
  return [String(describing: value), String(reflecting: value), printed, dumped]
}

/// Expects none of `secrets` in any rendering of `value`.
func expectNoSecrets(
  in value: Any, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  for text in everyRendering(of: value) {
    for secret in secrets {
      #expect(!text.contains(secret), "\(secret) leaked in: \(text)", sourceLocation: sourceLocation)
    }
  }
}

/// Expects `error.description` to be one line.
func expectOneLine(_ error: APIError, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
  #expect(!error.description.isEmpty, sourceLocation: sourceLocation)
}
