import Testing

@testable import SDKGenCore

/// The naming rules as the model applies them: nested types, one type per repeated enum, and
/// names that do not depend on the order of a spec's properties.
@Suite struct NamingModelTests {
  static func spec(properties: [String]) -> String {
    """
    openapi: 3.0.3
    info: {title: Acme, version: '1'}
    paths: {}
    components:
      schemas:
        Call:
          type: object
          properties:
    \(properties.map { "          " + $0 }.joined(separator: "\n"))
        Trunk:
          type: object
          properties:
            voice_method: {type: string, enum: [GET, POST], description: How the voice URL is called.}
            status_callback_method: {type: string, enum: [GET, POST], description: How the callback is called.}
            tier: {type: string, enum: [low, high], x-enum-descriptions: [Cheap., Fast.]}
            level: {type: string, enum: [low, high], x-enum-descriptions: [Quiet., Loud.]}
    """
  }

  static let properties = [
    "message: {type: object, properties: {text: {type: string}}}",
    "messages: {type: array, items: {type: object, properties: {count: {type: integer}}}}",
    "legs: {type: array, items: {type: object, properties: {to: {type: string}}}}",
    "fallback_method: {type: string, enum: [GET, POST], description: How the fallback is called.}",
  ]

  static func names(_ model: APIModel) -> [String] {
    model.allTypes.map(\.name).sorted()
  }

  @Test func inlineTypesNestInTheirParentAndRepeatedEnumsAreOneType() throws {
    let (model, diagnostics) = ModelBuilderTests.model(yaml: Self.spec(properties: Self.properties))
    let built = try #require(model, "\(diagnostics.sorted)")
    #expect(
      Self.names(built) == [
        "Call", "Call.Leg", "Call.Message", "Call.Message2", "Method", "Trunk", "Trunk.Level", "Trunk.Tier",
      ])
    let call = try #require(built.types.first { $0.name == "Call" })
    #expect(call.nestedTypes.map(\.name) == ["Call.Leg", "Call.Message", "Call.Message2"])
    // The shared enum is declared once, in the namespace; each property keeps its description.
    guard case .structure(let trunk) = try #require(built.types.first { $0.name == "Trunk" }) else {
      Issue.record("Trunk is not a struct")
      return
    }
    #expect(trunk.properties.prefix(2).map(\.type) == [.named("Method"), .named("Method")])
    #expect(trunk.properties[0].documentation.summary == "How the voice URL is called.")
    #expect(diagnostics.all.map(\.message).contains { $0.contains("Call.Message is already used") })
  }

  @Test func reorderingPropertiesRenamesNoType() throws {
    let (forward, _) = ModelBuilderTests.model(yaml: Self.spec(properties: Self.properties))
    let (backward, _) = ModelBuilderTests.model(yaml: Self.spec(properties: Self.properties.reversed()))
    let first = try #require(forward)
    let second = try #require(backward)
    #expect(Self.names(first) == Self.names(second))
    // `message` comes first in JSON-key order either way, so it keeps `Message`.
    guard case .structure(let call) = try #require(second.types.first { $0.name == "Call" }) else {
      Issue.record("Call is not a struct")
      return
    }
    #expect(call.properties.first { $0.jsonName == "message" }?.type == .named("Call.Message"))
  }

  @Test func oneOfMembersOfOneTypeTakeTheFirstFreeNumber() throws {
    let model = try SnippetTests.model(
      SnippetTests.spec(
        schemas: """
          Value:
            oneOf:
              - {type: string}
              - {type: integer}
              - {type: string, pattern: '^[0-9]+$'}
              - {type: string, format: email}
              - {type: string, maxLength: 3}
          """))
    let declaration = try #require(model.types.first { $0.name == "Value" })
    guard case .oneOf(let oneOf) = declaration else {
      Issue.record("Value is not a oneOf enum: \(declaration)")
      return
    }
    #expect(oneOf.cases.map(\.swiftName) == ["string", "int", "string2", "email", "string3"])
  }
}
