import OpenAPIKit
import Testing

@testable import SDKGenCore

/// The normalize stage alone: a located document in, one dialect out.
@Suite struct NormalizerTests {
  static func normalize(_ yaml: String, config: SpecConfig? = nil) throws -> ParsedSpec {
    var diagnostics = Diagnostics()
    let located = try #require(SpecParser.locate(text: yaml, path: "n.yaml", diagnostics: &diagnostics))
    let spec = Normalizer.normalize(located, config: config, diagnostics: &diagnostics)
    return try #require(spec, "\(diagnostics.sorted)")
  }

  @Test func aTypeListInAnySpellingBecomesAnyOf() throws {
    let spec = try Self.normalize(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths: {}
      components:
        schemas:
          Flow:
            type: [string, integer]
          Block:
            type:
              - string
              - integer
          Nullable:
            type: [string, 'null']
      """)
    let schemas = spec.document.components.schemas
    for name in ["Flow", "Block"] {
      let schema = try #require(schemas[OpenAPI.ComponentKey(stringLiteral: name)])
      guard case .any(of: let members, _) = schema.value else {
        Issue.record("\(name) is not an anyOf: \(schema)")
        continue
      }
      #expect(members.count == 2)
    }
    // One type besides null is no list of types: it stays as it is.
    let nullable = try #require(schemas["Nullable"])
    #expect(nullable.jsonType == .string)
    #expect(nullable.nullable)
  }

  @Test func theConfigIsAppliedToTheDocument() throws {
    let config = SpecConfig(namespace: "Renamed")
    let spec = try Self.normalize(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths: {}
      """, config: config)
    #expect(spec.extensions.value("x-swift-namespace", at: ["info"]) as? String == "Renamed")
  }

  @Test func onlyAReferenceTheBundlerChangesMakesItRun() throws {
    var diagnostics = Diagnostics()
    func located(_ reference: String) throws -> LocatedDocument {
      try #require(
        SpecParser.locate(text: "a: {$ref: '\(reference)'}", path: "n.yaml", diagnostics: &diagnostics))
    }
    #expect(!ReferenceBundler.isNeeded(try located("#/components/schemas/Call").root))
    #expect(ReferenceBundler.isNeeded(try located("common.yaml#/components/schemas/Call").root))
    #expect(ReferenceBundler.isNeeded(try located("#/components/schemas/Call%20Record").root))
    #expect(ReferenceBundler.isNeeded(try located("#/paths/~1calls/get").root))
  }

  @Test func oneScanFindsBothRewritesWhereverTheyAre() throws {
    var diagnostics = Diagnostics()
    func scan(_ yaml: String) throws -> DocumentScan {
      DocumentScan(try #require(SpecParser.locate(text: yaml, path: "n.yaml", diagnostics: &diagnostics)).root)
    }
    let neither = try scan("a: {$ref: '#/components/schemas/Call'}\nb: {type: [string, 'null']}")
    #expect(!neither.needsBundling && !neither.hasTypeLists)
    let both = try scan("a: [{b: {type: [string, integer]}}]\nc: {d: {$ref: 'common.yaml#/x'}}")
    #expect(both.needsBundling && both.hasTypeLists)
    // A property called `type` is a schema, not a list of types: the scan looks inside it.
    let nested = try scan("properties: {type: {type: [string, integer]}}")
    #expect(nested.hasTypeLists && !nested.needsBundling)
  }
}
