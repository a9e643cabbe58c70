import Foundation
import TelephonyWebhooks
import Testing

/// One operation of each provider, for the failure tests that are the same for all of them.
struct ProviderCall: Sendable, CustomTestStringConvertible {
  var provider: String
  var operationID: String
  var secrets: [String]
  /// A success body of the operation whose first item's `id` is a string instead of an integer,
  /// and the JSON path the decoding error must name.
  var malformedBody: String
  var malformedPath: String
  /// Calls the operation on a client of `serverURL`.
  var call: @Sendable (URL) async throws -> Void

  var testDescription: String { "\(provider).\(operationID)" }

  static let all: [ProviderCall] = [
    ProviderCall(
      provider: "Api4Com", operationID: "listCalls", secrets: TestCredentials.api4comSecrets,
      malformedBody: #"{"data":[{"id":7}]}"#, malformedPath: "data[0].id",
      call: { url in
        _ = try await Api4Com.Client(serverURL: url, token: TestCredentials.api4comToken).listCalls(page: 1)
      }),
    ProviderCall(
      provider: "Plusofon", operationID: "listWebhooks", secrets: TestCredentials.plusofonSecrets,
      malformedBody:
        #"{"current_page":1,"data":[{"id":"5","url":"u","event":"create"}],"last_page":1,"per_page":15,"total":1}"#,
      malformedPath: "data[0].id",
      call: { url in
        _ = try await Plusofon.Client(serverURL: url, token: TestCredentials.plusofonToken).listWebhooks(type: .lk)
      }),
    ProviderCall(
      provider: "Thulium", operationID: "listWebhooks", secrets: TestCredentials.thuliumSecrets,
      malformedBody: #"[{"id":"1","actions":[],"subscription_url":"https://example.com/"}]"#, malformedPath: "[0].id",
      call: { url in
        _ = try await Thulium.Client(
          serverURL: url, username: TestCredentials.thuliumUsername, password: TestCredentials.thuliumPassword
        ).listWebhooks()
      }),
  ]
}
