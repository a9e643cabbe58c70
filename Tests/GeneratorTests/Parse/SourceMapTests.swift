import Testing

@testable import SDKGenCore

@Suite struct SourceMapTests {
  static let yaml = """
    openapi: 3.1.0
    paths:
      /webhooks:
        get:
          operationId: listWebhooks
          parameters:
            - name: page
              in: query
              schema: {type: integer}
          responses:
            '200': {description: OK}
    info: {title: T, version: '1'}
    """

  @Test func keysAndValuesHaveLinesAndColumns() throws {
    var diagnostics = Diagnostics()
    let spec = try #require(SpecParser.parse(text: Self.yaml, path: "a.yaml", diagnostics: &diagnostics))
    let map = spec.sourceMap
    #expect(map.key(["paths", "/webhooks", "get"]) == SourceLocation(file: "a.yaml", line: 4, column: 5))
    #expect(
      map.value(["paths", "/webhooks", "get", "operationId"]) == SourceLocation(file: "a.yaml", line: 5, column: 20))
    #expect(
      map.key(["paths", "/webhooks", "get", "parameters", "0", "in"])
        == SourceLocation(file: "a.yaml", line: 8, column: 11))
  }

  @Test func aMissingPathFallsBackToItsNearestAncestor() throws {
    var diagnostics = Diagnostics()
    let spec = try #require(SpecParser.parse(text: Self.yaml, path: "a.yaml", diagnostics: &diagnostics))
    #expect(
      spec.sourceMap.key(["paths", "/webhooks", "get", "requestBody"])
        == SourceLocation(file: "a.yaml", line: 4, column: 5))
  }
}
