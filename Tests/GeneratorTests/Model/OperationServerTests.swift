import Foundation
import Testing

@testable import SDKGenCore

/// Path- and operation-level `servers`: which operations keep a server of their own, and the
/// names of the client's properties that hold them.
@Suite struct OperationServerTests {
  static func spec(servers: String, paths: String) -> String {
    """
    openapi: 3.1.0
    info: {title: Servers, version: '1'}
    \(servers)
    paths:
    \(paths)
    """
  }

  static let ok = "responses: {'204': {description: done}}"

  @Test func anOperationOverridingTheTopLevelServerKeepsItsOwnAndTheRestUseTheClients() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        servers: "servers: [{url: 'https://api.example.com/v1'}]",
        paths: """
            /a:
              get: {operationId: getA, \(Self.ok)}
            /b:
              servers: [{url: 'https://api.example.com/v1'}]
              get: {operationId: getB, \(Self.ok)}
            /c:
              get:
                operationId: getC
                servers: [{url: 'https://uploads.example.com'}]
                \(Self.ok)
          """))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(built.servers.map(\.url) == ["https://api.example.com/v1"])
    #expect(built.operations.map(\.serverName) == [nil, nil, "uploadsServerURL"])
    #expect(built.operationServers.map(\.url) == ["https://uploads.example.com"])
    #expect(built.operationServers.map(\.operations) == [["getC"]])
  }

  @Test func operationsThatNameDifferentServersEachKeepTheirOwn() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        servers: "",
        paths: """
            /a:
              servers: [{url: 'https://eu.api.example.com/v2'}]
              get: {operationId: getA, \(Self.ok)}
            /b:
              servers: [{url: 'https://example.com'}]
              get: {operationId: getB, \(Self.ok)}
            /c:
              servers: [{url: 'https://example.com'}]
              get: {operationId: getC, \(Self.ok)}
          """))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(built.servers.isEmpty)
    #expect(built.operations.map(\.serverName) == ["euAPIV2ServerURL", "exampleServerURL", "exampleServerURL"])
    #expect(built.operationServers.map(\.operations) == [["getA"], ["getB", "getC"]])
  }

  @Test func whenAnOperationHasNoServerAtAllTheClientNeedsOneForEvery() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        servers: "",
        paths: """
            /a:
              servers: [{url: 'https://a.example.com'}]
              get: {operationId: getA, \(Self.ok)}
            /b:
              get: {operationId: getB, \(Self.ok)}
          """))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(built.servers.isEmpty)
    #expect(built.operationServers.isEmpty)
    #expect(built.operations.allSatisfy { $0.serverName == nil })
  }

  @Test func aRelativeOperationServerResolvesAgainstTheFirstAbsoluteServer() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        servers: "servers: [{url: 'https://api.example.com/v1'}]",
        paths: """
            /a:
              servers: [{url: '/v2'}]
              get: {operationId: getA, \(Self.ok)}
          """))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(
      built.operationServers == [
        OperationServer(swiftName: "apiV2ServerURL", url: "https://api.example.com/v2", operations: ["getA"])
      ])
    #expect(diagnostics.sorted.isEmpty)
  }

  @Test func aRelativeOperationServerWithNothingToResolveAgainstIsLeftOutWithAWarning() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        servers: "",
        paths: """
            /a:
              servers: [{url: '/v2'}]
              get: {operationId: getA, \(Self.ok)}
            /b:
              get: {operationId: getB, \(Self.ok)}
          """))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(built.operationServers.isEmpty)
    #expect(
      diagnostics.sorted.map(\.description).contains { $0.contains("warning: the server URL \"/v2\" is not absolute") })
  }

  @Test func topLevelServersAfterTheFirstAreNamedAndOperationServersAvoidTheirNames() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        servers: "servers: [{url: 'https://api.example.com'}, {url: 'https://eu.example.com'}]",
        paths: """
            /a:
              servers: [{url: 'https://eu.example.com/uploads'}]
              get: {operationId: getA, \(Self.ok)}
            /b:
              servers: [{url: 'https://eu.example.com'}]
              get: {operationId: getB, \(Self.ok)}
          """))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(built.servers.map(\.swiftName) == [nil, "euServerURL"])
    // getB's servers are not the client's list, so it keeps its own, under the name the client gives that server.
    #expect(built.operations.map(\.serverName) == ["euUploadsServerURL", "euServerURL"])
  }

  @Test func namesComeFromTheHostAndPathAndNeverCollide() {
    #expect(ModelBuilder.serverName("https://media.switchboard.example") == "mediaServerURL")
    #expect(ModelBuilder.serverName("https://api.twilio.com/2010-04-01") == "api20100401ServerURL")
    #expect(ModelBuilder.serverName("https://twilio.com") == "twilioServerURL")
    #expect(ModelBuilder.serverName("https://media.example.com", suffix: 2) == "media2ServerURL")
  }
}
