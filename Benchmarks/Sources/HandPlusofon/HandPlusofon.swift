// A Plusofon client written by hand, the way a careful developer would without a generator:
// Codable structs, one method per operation, and a swift-openapi-runtime `ClientTransport`.
// It is the baseline of the compile-time and runtime benchmarks, so it does the same work as
// the generated clients (auth headers, status check, error body) and nothing more.

import Foundation
import HTTPTypes
import OpenAPIRuntime

public enum HandPlusofon {
  /// An event a webhook tracks.
  public enum Event: String, Codable, Hashable, Sendable {
    case create, answer, destroy
  }

  /// How call directions are spelled in deliveries.
  public enum DirectionStyle: String, Codable, Hashable, Sendable {
    case long, short
  }

  /// Open sets of values: the provider adds values, so they stay strings rather than enums
  /// that would fail to decode a new one.
  public typealias CallType = String
  public typealias WebhookType = String

  public struct FieldRename: Codable, Hashable, Sendable {
    public var before: String
    public var after: String
    public init(before: String, after: String) { (self.before, self.after) = (before, after) }
  }

  /// A custom header or parameter added to deliveries.
  public struct NameValue: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) { (self.name, self.value) = (name, value) }
  }

  public struct WebhookSummary: Codable, Hashable, Sendable {
    public var id: Int
    public var url: String
    public var typeCall: CallType?
    public var type: WebhookType?
    public var event: Event

    enum CodingKeys: String, CodingKey {
      case id, url, type, event
      case typeCall = "type_call"
    }
  }

  public struct Webhook: Codable, Hashable, Sendable {
    public var id: Int
    public var url: String
    public var event: Event
    public var typeCall: CallType?
    public var type: WebhookType?
    public var typeStyle: DirectionStyle?
    public var template: String?
    public var fields: [FieldRename]?
    public var headers: [NameValue]?
    public var params: [NameValue]?

    enum CodingKeys: String, CodingKey {
      case id, url, event, type, template, fields, headers, params
      case typeCall = "type_call"
      case typeStyle = "type_style"
    }
  }

  public struct WebhookPage: Codable, Hashable, Sendable {
    public var currentPage: Int
    public var data: [WebhookSummary]
    public var firstPageURL: String?
    public var from: Int?
    public var lastPage: Int
    public var lastPageURL: String?
    public var nextPageURL: String?
    public var path: String?
    public var perPage: Int
    public var prevPageURL: String?
    public var to: Int?
    public var total: Int

    enum CodingKeys: String, CodingKey {
      case data, from, path, to, total
      case currentPage = "current_page"
      case firstPageURL = "first_page_url"
      case lastPage = "last_page"
      case lastPageURL = "last_page_url"
      case nextPageURL = "next_page_url"
      case perPage = "per_page"
      case prevPageURL = "prev_page_url"
    }
  }

  public struct WebhookRequest: Codable, Hashable, Sendable {
    public var url: URL
    public var event: Event
    public var typeCall: CallType?
    public var typeStyle: DirectionStyle?
    public var fields: [FieldRename]?
    public var headers: [NameValue]?
    public var params: [NameValue]?
    public var template: String?

    public init(
      url: URL, event: Event, typeCall: CallType? = nil, typeStyle: DirectionStyle? = nil,
      fields: [FieldRename]? = nil, headers: [NameValue]? = nil, params: [NameValue]? = nil,
      template: String? = nil
    ) {
      (self.url, self.event, self.typeCall, self.typeStyle) = (url, event, typeCall, typeStyle)
      (self.fields, self.headers, self.params, self.template) = (fields, headers, params, template)
    }

    enum CodingKeys: String, CodingKey {
      case url, event, fields, headers, params, template
      case typeCall = "type_call"
      case typeStyle = "type_style"
    }
  }

  public struct SuccessResponse: Codable, Hashable, Sendable {
    public var success: Bool
    public var message: String?
  }

  struct ErrorBody: Decodable {
    var message: String?
  }

  /// A status other than 200, with the provider's message when the body has one.
  public struct APIError: Error, Sendable {
    public var status: Int
    public var message: String?
  }

  public struct Client: Sendable {
    public var serverURL = URL(string: "https://restapi.plusofon.ru/api/v1")!
    var clientID: String
    var token: String
    var transport: any ClientTransport
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()

    public init(clientID: String = "10553", token: String, transport: any ClientTransport) {
      (self.clientID, self.token, self.transport) = (clientID, token, transport)
    }

    public func listWebhooks(type: WebhookType? = nil, page: Int? = nil) async throws -> WebhookPage {
      var query: [String] = []
      if let type { query.append("type=\(type)") }
      if let page { query.append("page=\(page)") }
      let path = query.isEmpty ? "/webhooks" : "/webhooks?" + query.joined(separator: "&")
      return try await send(.get, path, body: nil, operationID: "listWebhooks")
    }

    public func createWebhook(_ body: WebhookRequest) async throws -> SuccessResponse {
      try await send(.post, "/webhooks", body: try encoder.encode(body), operationID: "createWebhook")
    }

    public func getWebhook(id: Int) async throws -> Webhook {
      try await send(.get, "/webhooks/\(id)", body: nil, operationID: "getWebhook")
    }

    public func updateWebhook(id: Int, _ body: WebhookRequest) async throws -> SuccessResponse {
      try await send(.put, "/webhooks/\(id)", body: try encoder.encode(body), operationID: "updateWebhook")
    }

    public func deleteWebhook(id: Int) async throws -> SuccessResponse {
      try await send(.delete, "/webhooks/\(id)", body: nil, operationID: "deleteWebhook")
    }

    private func send<Response: Decodable>(
      _ method: HTTPRequest.Method, _ path: String, body: Data?, operationID: String
    ) async throws -> Response {
      var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
      request.headerFields[.accept] = "application/json"
      request.headerFields[HTTPField.Name("Client")!] = clientID
      request.headerFields[.authorization] = "Bearer \(token)"
      if body != nil { request.headerFields[.contentType] = "application/json" }
      let (response, responseBody) = try await transport.send(
        request, body: body.map { HTTPBody($0) }, baseURL: serverURL, operationID: operationID)
      var data = Data()
      if let responseBody { data = try await Data(collecting: responseBody, upTo: 32 << 20) }
      guard response.status.code == 200 else {
        throw APIError(
          status: response.status.code, message: try? decoder.decode(ErrorBody.self, from: data).message)
      }
      return try decoder.decode(Response.self, from: data)
    }
  }
}
