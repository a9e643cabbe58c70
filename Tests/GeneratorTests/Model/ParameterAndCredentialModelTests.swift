import Testing

@testable import SDKGenCore

/// Cookies, JSON-described parameters, the matrix and label path styles, http schemes of their
/// own, mutualTLS and form or multipart responses: the values the model decides for each.
@Suite struct ParameterAndCredentialModelTests {
  static let spec = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    security:
      - certificate: []
      - session: []
    paths:
      /seats{seat}/rows{row}:
        get:
          operationId: getSeat
          parameters:
            - {name: seat, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: string}}}
            - {name: row, in: path, required: true, style: label, schema: {type: integer}}
            - {name: theme, in: cookie, schema: {type: string}}
            - name: filter
              in: query
              content:
                application/json: {schema: {type: object, properties: {tag: {type: string}}}}
            - name: note
              in: header
              content:
                text/plain: {schema: {type: string}}
          responses:
            '200':
              description: A form.
              content:
                application/x-www-form-urlencoded:
                  schema: {type: object, properties: {token: {type: string}}}
      /parts:
        get:
          operationId: getParts
          responses:
            '200':
              description: Parts.
              content:
                multipart/form-data: {schema: {type: object}}
    components:
      securitySchemes:
        session: {type: apiKey, in: cookie, name: sid}
        hoba: {type: http, scheme: hoba}
        vendor: {type: http, scheme: X-Vendor}
        certificate: {type: mutualTLS}
    """

  @Test func eachParameterGetsItsLocationStyleAndEncoding() throws {
    let model = try ModelDecisionTests.model(Self.spec)
    let parameters = try #require(model.operations.first { $0.operationID == "getSeat" }).parameters
    let byName = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0) })
    #expect(parameters.map(\.name) == ["seat", "row", "filter", "note", "theme"])
    #expect(byName["seat"]?.style == .matrix)
    #expect(byName["seat"]?.explode == true)
    #expect(byName["row"]?.style == .label)
    #expect(byName["theme"]?.location == .cookie)
    #expect(byName["theme"]?.style == .form)
    #expect(byName["filter"]?.isJSON == true)
    #expect(byName["filter"]?.type == .named("GetSeatFilter"))
    #expect(byName["note"]?.isJSON == false)
    #expect(byName["note"]?.type == .builtin(.string))
  }

  @Test func formResponsesAreDecodedAndMultipartOnesStreamed() throws {
    let model = try ModelDecisionTests.model(Self.spec)
    let form = try #require(model.operations.first { $0.operationID == "getSeat" }?.success.shape.body)
    let parts = try #require(model.operations.first { $0.operationID == "getParts" }?.success.shape.body)
    #expect(form.encoding == .form([]))
    #expect(form.mediaTypes == ["application/x-www-form-urlencoded"])
    #expect(parts.encoding == .binary)
    #expect(parts.type == .builtin(.httpBody))
    #expect(parts.mediaTypes == ["multipart/form-data"])
  }

  @Test func credentialsOfEveryKindAndMutualTLSLeftToTheTransport() throws {
    let model = try ModelDecisionTests.model(Self.spec)
    #expect(
      model.securitySchemes.map(\.kind) == [
        .apiKeyCookie(name: "sid"), .authorization(scheme: "HOBA"), .authorization(scheme: "X-Vendor"),
      ])
    #expect(model.transportSecuritySchemes == ["certificate"])
    // The mutualTLS alternative needs nothing of the client: it comes last, so that a session
    // the caller gave is still sent.
    #expect(model.operations.first?.security == [["session"], []])
  }
}

/// Names the generated code takes for itself: a property called `additionalProperties` beside
/// additional properties, and an `x-swift-name` that is reserved or a keyword.
@Suite struct ReservedCustomNameModelTests {
  @Test func aPropertyNamedLikeTheUnknownKeysMemberAndReservedCustomNamesAreRenamedWithWarnings() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Bag:
              type: object
              x-swift-name: Client
              properties:
                additionalProperties: {type: string}
                kind: {type: string, x-swift-name: default}
              additionalProperties: true
        """)
    let bag = try #require(model?.allTypes.first { $0.name == "ClientModel" })
    guard case .structure(let structure) = bag else {
      Issue.record("ClientModel is not a struct")
      return
    }
    #expect(structure.properties.map(\.swiftName) == ["additionalProperties2", "`default`"])
    #expect(structure.additionalProperties == .builtin(.json))
    #expect(diagnostics.all.count == 2)
    #expect(!diagnostics.hasErrors)
  }
}
