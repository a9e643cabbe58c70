import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// 4xx and 5xx answers with each provider's own error body become an `APIError` with its
/// messages, request id, raw body and typed error body.
@Suite struct ProviderErrorTests {
  @Test func thuliumBadRequestCarriesEveryMessageAndTheRequestID() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(ThuliumSeeds.errors, status: 400))
      let client = server.thulium()

      let error = try await #require(throws: APIError.self) {
        try await client.createWebhook(body: ThuliumClientTests.createBody)
      }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "createWebhook")
      #expect(error.status == 400)
      #expect(error.messages == ["Wrong format of phone number.", "Duplicated customer name."])
      #expect(error.message == "Wrong format of phone number.")
      #expect(error.requestID == "53678450401cf")
      try expectJSON(error.rawBody, equals: ThuliumSeeds.errors)
      #expect(error.responseHeaders?[.contentType] == "application/json")
      #expect(error.underlyingError == nil)
      let body = try #require(error.errorBody as? Thulium.ErrorResponse)
      #expect(body.requestID == "53678450401cf")
      #expect(
        body.errors == [
          .init(message: "Wrong format of phone number.", code: 111_111),
          .init(message: "Duplicated customer name.", code: 222_222),
        ])
      #expect(
        error.description
          == "createWebhook failed: HTTP 400 Bad Request: Wrong format of phone number.; Duplicated customer name. (request ID 53678450401cf)"
      )
      expectOneLine(error)
      expectNoSecrets(in: error, TestCredentials.thuliumSecrets)
    }
  }

  @Test func thuliumServerErrorInPolish() async throws {
    try await TestServer.with { server in
      let json = #"{"request_id":"5367aa","errors":[{"message":"Błąd wewnętrzny serwera.","code":500001}]}"#
      server.enqueue(.json(json, status: 500))
      let client = server.thulium()

      let error = try await #require(throws: APIError.self) {
        try await client.deleteWebhook(webhookID: 5, acceptLanguage: .pl)
      }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "deleteWebhook")
      #expect(error.status == 500)
      #expect(error.messages == ["Błąd wewnętrzny serwera."])
      #expect(error.requestID == "5367aa")
      #expect(error.rawBody == Data(json.utf8))
      #expect((error.errorBody as? Thulium.ErrorResponse)?.errors?.first?.code == 500_001)
      #expect(error.description.contains("500"))
      #expect(error.description.contains("Błąd wewnętrzny serwera."))
      #expect(error.description.contains("5367aa"))
      expectOneLine(error)
      expectNoSecrets(in: error, TestCredentials.thuliumSecrets)
    }
  }

  @Test func plusofonUnauthorizedCarriesTheMessage() async throws {
    try await TestServer.with { server in
      let json = #"{"success":false,"message":"Unauthenticated."}"#
      server.enqueue(.json(json, status: 401))
      let client = server.plusofon()

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks(type: .lk) }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "listWebhooks")
      #expect(error.status == 401)
      #expect(error.messages == ["Unauthenticated."])
      #expect(error.requestID == nil)
      #expect(error.rawBody == Data(json.utf8))
      #expect(error.errorBody as? Plusofon.ErrorResponse == .init(success: false, message: "Unauthenticated."))
      #expect(error.description == "listWebhooks failed: HTTP 401 Unauthorized: Unauthenticated.")
      expectOneLine(error)
      expectNoSecrets(in: error, TestCredentials.plusofonSecrets)
    }
  }

  @Test func plusofonValidationErrorKeepsTheFieldErrors() async throws {
    try await TestServer.with { server in
      let json = #"{"message":"The given data was invalid.","errors":{"url":["The url format is invalid."]}}"#
      server.enqueue(.json(json, status: 422))
      let client = server.plusofon()

      let error = try await #require(throws: APIError.self) {
        try await client.createWebhook(body: PlusofonClientTests.createBody)
      }

      #expect(error.status == 422)
      // Laravel's field errors first (the spec's `errors{}[]`), then the summary.
      #expect(error.messages == ["The url format is invalid.", "The given data was invalid."])
      let body = try #require(error.errorBody as? Plusofon.ErrorResponse)
      #expect(body.errors == ["url": ["The url format is invalid."]])
      #expect(body.success == nil)
    }
  }

  @Test func aMessageTheProviderRepeatsIsShownOnce() async throws {
    try await TestServer.with { server in
      // Laravel's summary of a single field error is that error's own text.
      let json = #"{"message":"The url format is invalid.","errors":{"url":["The url format is invalid."]}}"#
      server.enqueue(.json(json, status: 422))
      let client = server.plusofon()

      let error = try await #require(throws: APIError.self) {
        try await client.createWebhook(body: PlusofonClientTests.createBody)
      }

      #expect(error.messages == ["The url format is invalid."])
      #expect(error.description == "createWebhook failed: HTTP 422 Unprocessable Content: The url format is invalid.")
      #expect(error.rawBody == Data(json.utf8))
    }
  }

  @Test func plusofonNoAccessServerError() async throws {
    try await TestServer.with { server in
      let json = #"{"success":false,"message":"Нет доступа"}"#
      server.enqueue(.json(json, status: 500))
      let client = server.plusofon()

      let error = try await #require(throws: APIError.self) { try await client.getWebhook(webhookID: 42) }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "getWebhook")
      #expect(error.status == 500)
      #expect(error.messages == ["Нет доступа"])
      #expect(error.rawBody == Data(json.utf8))
      #expect((error.errorBody as? Plusofon.ErrorResponse)?.success == false)
      #expect(error.description == "getWebhook failed: HTTP 500 Internal Server Error: Нет доступа")
      expectNoSecrets(in: error, TestCredentials.plusofonSecrets)
    }
  }

  @Test func api4comLoopBackErrorCarriesTheNestedMessage() async throws {
    try await TestServer.with { server in
      let json = #"{"error":{"statusCode":401,"name":"Error","message":"Authorization Required"}}"#
      server.enqueue(.json(json, status: 401))
      let client = server.api4com()

      let error = try await #require(throws: APIError.self) { try await client.listIntegrations() }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "listIntegrations")
      #expect(error.status == 401)
      #expect(error.messages == ["Authorization Required"])
      #expect(error.requestID == nil)
      #expect(error.rawBody == Data(json.utf8))
      let body = try #require(error.errorBody as? Api4Com.ErrorResponse)
      #expect(body.error == .init(statusCode: 401, name: "Error", message: "Authorization Required"))
      #expect(body.message == nil)
      #expect(error.description == "listIntegrations failed: HTTP 401 Unauthorized: Authorization Required")
      expectOneLine(error)
      expectNoSecrets(in: error, TestCredentials.api4comSecrets)
    }
  }

  @Test func api4comTopLevelMessageOnAServerError() async throws {
    try await TestServer.with { server in
      let json = #"{"message":"user not registered"}"#
      server.enqueue(.json(json, status: 500))
      let client = server.api4com()

      let error = try await #require(throws: APIError.self) {
        try await client.dial(body: .init(extension: "1000", phone: "+554833328530"))
      }

      #expect(error.kind == .unexpectedStatus)
      #expect(error.operationID == "dial")
      #expect(error.status == 500)
      #expect(error.messages == ["user not registered"])
      #expect((error.errorBody as? Api4Com.ErrorResponse) == .init(message: "user not registered"))
      #expect(error.description == "dial failed: HTTP 500 Internal Server Error: user not registered")
      expectNoSecrets(in: error, TestCredentials.api4comSecrets)
    }
  }

  @Test func api4comNotFoundOnHangUp() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"error":{"statusCode":404,"name":"Error","message":"Call not found"}}"#, status: 404))
      let client = server.api4com()

      let error = try await #require(throws: APIError.self) { try await client.hangUpCall(callID: "gone") }

      #expect(error.operationID == "hangUpCall")
      #expect(error.status == 404)
      #expect(error.messages == ["Call not found"])
    }
  }

  @Test func aRequestIDHeaderIsUsedWhenTheBodyHasNone() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"errors":[{"message":"Forbidden."}]}"#, status: 403, headers: ["X-Request-Id": "hdr-77"]))
      let client = server.thulium()

      let error = try await #require(throws: APIError.self) { try await client.listWebhooks() }

      #expect(error.status == 403)
      #expect(error.messages == ["Forbidden."])
      #expect(error.requestID == "hdr-77")
    }
  }
}
