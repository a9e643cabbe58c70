import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import TelephonyWebhooks

/// Object header and cookie parameters: what a member that nests, a `nil` member and a secret
/// member do (the Keyring client tests send the plain ones over HTTP).
@Suite struct ObjectParameterTests {
  struct Filter: Encodable {
    var status: String
    var tags: [String]? = nil
    var note: String? = nil
  }

  struct Login: Encodable {
    var user: String
    var key: Secret
  }

  @Test func aMemberThatNestsIsAnEncodingErrorNamingTheParameter() throws {
    var request = OperationRequest(operationID: "listViews", method: .get, path: "/views")
    let error = try #require(throws: APIError.self) {
      try request.setHeaderObject("X-Filter", Filter(status: "done", tags: ["a"]), explode: false)
    }
    #expect(error.kind == .encoding)
    #expect("\(error)".contains("X-Filter"))
    #expect(request.headerFields[HTTPField.Name("X-Filter")!] == nil)
  }

  @Test func membersWithoutAValueAreLeftOut() throws {
    var request = OperationRequest(operationID: "listViews", method: .get, path: "/views")
    try request.setHeaderObject("X-Filter", Filter(status: "done"), explode: true)
    try request.addCookieObject("filter", Filter(status: "done"), explode: false)
    #expect(request.headerFields[HTTPField.Name("X-Filter")!] == "status=done")
    #expect(request.cookies == ["filter=status,done"])
  }

  @Test func aSecretMemberIsScrubbedFromErrors() throws {
    var request = OperationRequest(operationID: "login", method: .get, path: "/login")
    try request.setHeaderObject("X-Login", Login(user: "ada", key: Secret("k3y-value")), explode: true)
    #expect(request.headerFields[HTTPField.Name("X-Login")!] == "user=ada,key=k3y-value")
    #expect(request.secretValues == ["k3y-value"])
  }
}
