import Foundation
import Testing

/// A config file beside a vendor's spec: namespace, filter, renames and skipUnsupported, without
/// editing the spec; a folder of specs never takes it for a spec.
@Suite struct ConfigFileTests {
  static let spec = """
    {
      "openapi": "3.0.0",
      "info": {"title": "Vendor", "version": "1"},
      "servers": [{"url": "https://api.vendor.example"}],
      "paths": {
        "/calls": {
          "get": {"operationId": "ListCalls", "tags": ["Calls"], "responses": {"200": {"description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/vendor.call"}}}}}},
          "post": {"operationId": "CreateCall", "tags": ["Calls"], "responses": {"204": {"description": "OK"}}}
        },
        "/numbers": {
          "get": {"operationId": "ListNumbers", "tags": ["Numbers"], "responses": {"204": {"description": "OK"}}}
        },
        "/sessions/{s}": {
          "get": {"operationId": "ListSessions", "tags": ["Calls"],
            "parameters": [{"name": "s", "in": "path", "required": true, "schema": {"type": "object"}}],
            "responses": {"204": {"description": "OK"}}}
        }
      },
      "components": {"schemas": {"vendor.call": {"type": "object", "properties": {"id": {"type": "string"}}}}}
    }
    """

  static let config = """
    namespace: Vendorly
    skipUnsupported: true
    filter:
      tags: [Calls]
    renames:
      schemas: {vendor.call: PhoneCall}
      operations: {ListCalls: allCalls, "POST /calls": placeCall}
    """

  @Test func theConfigBesideASpecShapesTheClientAndIsNotASpec() throws {
    let folder = try SDKGenProcess.temporaryFolder()
    try Self.spec.write(to: folder.appendingPathComponent("vendor.json"), atomically: true, encoding: .utf8)
    try Self.config.write(to: folder.appendingPathComponent("vendor.config.yaml"), atomically: true, encoding: .utf8)
    let output = try SDKGenProcess.temporaryFolder()

    let result = try SDKGenProcess.run(["generate", folder.path, "--output", output.path])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["Vendorly.swift"])
    let code = try String(contentsOf: output.appendingPathComponent("Vendorly.swift"), encoding: .utf8)
    #expect(code.contains("public enum Vendorly {}"))
    #expect(code.contains("public func allCalls() async throws -> PhoneCall"))
    #expect(code.contains("public func placeCall() async throws"))
    #expect(!code.contains("listNumbers"))
    #expect(!code.contains("listSessions"))
    #expect(
      result.standardError.contains(
        "warning: skipped operation GET /sessions/{s}: unsupported: an object path parameter")
    )
    #expect(
      result.standardOutput.contains("Vendorly.swift: 2 of 3 operations, 1 type, 0 webhooks; skipped 1 operation"))
  }

  /// A misspelt key would otherwise do nothing and say nothing.
  @Test func aMisspeltKeyIsALocatedErrorNamingTheAllowedKeys() throws {
    let folder = try SDKGenProcess.temporaryFolder()
    try Self.spec.write(to: folder.appendingPathComponent("vendor.json"), atomically: true, encoding: .utf8)
    let config = folder.appendingPathComponent("vendor.config.yaml")
    try "namespace: Vendorly\nrenmes:\n  schemas: {vendor.call: PhoneCall}\nfilter:\n  tag: [Calls]\n".write(
      to: config, atomically: true, encoding: .utf8)
    let output = try SDKGenProcess.temporaryFolder()

    let result = try SDKGenProcess.run(["generate", folder.path, "--output", output.path])

    #expect(result.status == 1)
    #expect(
      result.standardError.split(separator: "\n").map(String.init) == [
        "\(config.path):2:1: error: unknown key \"renmes\" in a config file; the allowed keys are namespace, skipUnsupported, linesPerFile, houseStyle, filter, renames, webhooks",
        "\(config.path):5:3: error: unknown key \"tag\" in filter; the allowed keys are operations, tags, paths",
      ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
  }

  /// A vendor's webhooks whose payloads name their event where no `const` or `enum` says so.
  static let webhookSpec = """
    openapi: 3.1.0
    info: {title: Vendor, version: '1'}
    webhooks:
      call.started:
        post:
          requestBody:
            content:
              application/json: {schema: {$ref: '#/components/schemas/Started'}}
          responses: {'200': {description: OK}}
      call.ended:
        post:
          requestBody:
            content:
              application/json: {schema: {$ref: '#/components/schemas/Ended'}}
          responses: {'200': {description: OK}}
    components:
      schemas:
        Event:
          type: object
          properties:
            kind: {type: string}
        Started:
          type: object
          properties:
            event: {$ref: '#/components/schemas/Event'}
        Ended:
          type: object
          properties:
            event: {$ref: '#/components/schemas/Event'}
            duration: {type: integer}
    """

  @Test func theConfigNamesTheWebhooksDiscriminatorPath() throws {
    let folder = try SDKGenProcess.temporaryFolder()
    try Self.webhookSpec.write(to: folder.appendingPathComponent("vendor.yaml"), atomically: true, encoding: .utf8)
    try "namespace: Vendorly\nwebhooks:\n  discriminator: event.kind\n".write(
      to: folder.appendingPathComponent("vendor.config.yaml"), atomically: true, encoding: .utf8)
    let output = try SDKGenProcess.temporaryFolder()

    let result = try SDKGenProcess.run(["generate", folder.path, "--output", output.path])

    #expect(result.status == 0, "\(result.standardError)")
    let code = try String(contentsOf: output.appendingPathComponent("Vendorly.swift"), encoding: .utf8)
    #expect(code.contains("switch try payload.discriminator(at: [\"event\", \"kind\"]) {"))
    #expect(code.contains("case \"call.started\":\n        self = .callStarted(try payload.decode(Started.self))"))
    #expect(code.contains("public static func register("))
  }

  @Test func aDiscriminatorPathWithAnEmptyNameIsAnError() throws {
    let folder = try SDKGenProcess.temporaryFolder()
    try Self.webhookSpec.write(to: folder.appendingPathComponent("vendor.yaml"), atomically: true, encoding: .utf8)
    let config = folder.appendingPathComponent("vendor.config.yaml")
    try "webhooks:\n  discriminator: event..kind\n".write(to: config, atomically: true, encoding: .utf8)

    let result = try SDKGenProcess.run(["validate", folder.path])

    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "\(config.path):1:1: error: webhooks.discriminator must name a payload property, or a dotted path of them such as data.event_type"
      ))
  }

  @Test func houseStyleIsAKeyOfItsOwn() throws {
    let folder = try SDKGenProcess.temporaryFolder()
    try Self.spec.write(to: folder.appendingPathComponent("vendor.json"), atomically: true, encoding: .utf8)
    try "houseStyle: false\nskipUnsupported: true\n".write(
      to: folder.appendingPathComponent("vendor.config.yaml"), atomically: true, encoding: .utf8)

    let result = try SDKGenProcess.run(["validate", folder.path])

    #expect(result.status == 0, "\(result.standardError)")
  }
}
