import Testing

@testable import SDKGenCore

/// The model's rules for constructs of published specs that must never fail a spec: success
/// responses of any shape, `allOf` of any kind, object query parameters, relative servers and
/// repeated enum values.
@Suite struct PublishedConstructTests {
  static func json(_ type: String) -> String {
    "content: {application/json: {schema: {$ref: '#/components/schemas/\(type)'}}}"
  }

  /// A spec's model and its diagnostics, which must hold no error.
  static func model(_ yaml: String) throws -> (APIModel, [Diagnostic]) {
    let (model, diagnostics) = ModelBuilderTests.model(yaml: yaml)
    return (try #require(model, "\(diagnostics.sorted)"), diagnostics.sorted)
  }

  static func schemas(_ yaml: String, openapi: String = "3.1.0") throws -> (APIModel, [Diagnostic]) {
    try model(
      """
      openapi: \(openapi)
      info: {title: T, version: '1'}
      paths: {}
      components:
        schemas:
      \(yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
      """)
  }

  /// The operation of ``ModelDecisionTests/operation(responses:)``, given one response a line.
  static func operation(responses: String) throws -> Operation {
    try ModelDecisionTests.operation(
      responses: responses.split(separator: "\n").map { "      " + $0.drop { $0 == " " } }.joined(separator: "\n"))
  }

  static func structure(_ name: String, in model: APIModel) throws -> StructDeclaration {
    guard case .structure(let value)? = model.types.first(where: { $0.name == name }) else {
      Issue.record("no struct \(name) in \(model.types.map(\.name))")
      throw CancellationError()
    }
    return value
  }

  @Test func differentSuccessBodiesAreAnOutcomeEnumWithACasePerStatus() throws {
    let operation = try Self.operation(
      responses: """
            '204': {description: Nothing new.}
            '200': {description: The notes., \(Self.json("Problem"))}
            '202': {description: Queued., \(Self.json("Other"))}
            '2XX': {description: Anything else., content: {text/plain: {}}}
            '404': {description: Missing., \(Self.json("Problem"))}
        """)
    let json = { (name: String) in ResponseBody(type: .named(name), encoding: .json, mediaTypes: ["application/json"]) }
    #expect(
      operation.success.shape
        == .outcomes(
          ResponseOutcomes(
            name: "GetNotesOutcome",
            cases: [
              ResponseOutcome(
                status: .code(204), swiftName: "noContent", body: nil,
                documentation: Documentation(summary: "Nothing new.")),
              ResponseOutcome(
                status: .code(200), swiftName: "ok", body: json("Problem"),
                documentation: Documentation(summary: "The notes.")),
              ResponseOutcome(
                status: .code(202), swiftName: "accepted", body: json("Other"),
                documentation: Documentation(summary: "Queued.")),
              ResponseOutcome(
                status: .range(2), swiftName: "success",
                body: ResponseBody(type: .builtin(.string), encoding: .text, mediaTypes: ["text/plain"]),
                documentation: Documentation(summary: "Anything else.")),
            ], isHashable: true)))
    #expect(
      operation.errorHandling
        == ErrorHandling(cases: [ErrorCase(statuses: [.code(404)], errorBody: .named("Problem"))]))
  }

  @Test func successBodiesOfOneTypeAreThatType() throws {
    let operation = try Self.operation(
      responses: """
            '200': {description: The notes., \(Self.json("Problem"))}
            '201': {description: New notes., \(Self.json("Problem"))}
        """)
    #expect(operation.success.statuses == [.code(200), .code(201)])
    #expect(operation.success.shape.body?.type == .named("Problem"))
  }

  @Test func theOutcomeEnumIsNumberedPastASchemaOfItsName() throws {
    let (model, _) = try Self.model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /a:
          get:
            operationId: getA
            responses:
              '200': {description: A., \(Self.json("GetAOutcome"))}
              '204': {description: None.}
      components:
        schemas:
          GetAOutcome: {type: object, properties: {a: {type: string}}}
      """)
    guard case .outcomes(let outcomes) = model.operations[0].success.shape else {
      Issue.record("not an outcome enum")
      return
    }
    #expect(outcomes.name == "GetAOutcome2")
  }

  @Test func aDefaultResponseAloneIsTheSuccessAndTheErrorBody() throws {
    let operation = try Self.operation(
      responses: """
            default: {description: The notes or why not., \(Self.json("Problem"))}
        """)
    #expect(operation.success.statuses == [.range(2)])
    #expect(operation.success.shape.body?.type == .named("Problem"))
    #expect(operation.errorHandling == ErrorHandling(cases: [], fallbackErrorBody: .named("Problem")))
    // Beside a 2xx, `default` is an error only.
    let both = try Self.operation(
      responses: """
            '200': {description: Notes., content: {application/json: {schema: {type: string}}}}
            default: {description: Why not., \(Self.json("Problem"))}
        """)
    #expect(both.success.statuses == [.code(200)])
    #expect(both.success.shape.body?.type == .builtin(.string))
  }

  @Test func jsonWithoutASchemaIsAnyJSON() throws {
    let operation = try Self.operation(
      responses: """
            '200': {description: Anything., content: {application/json: {}}}
            '400': {description: Bad., content: {application/json: {}}}
        """)
    #expect(operation.success.shape.body?.type == .builtin(.json))
    #expect(operation.errors.map(\.type) == [nil])
  }

  @Test func anAllOfOfOneMemberIsThatMemberWithItsDescriptionAndNullable() throws {
    let (model, _) = try Self.schemas(
      """
      Priority: {type: integer, enum: [1, 2]}
      Call:
        type: object
        required: [priority]
        properties:
          priority:
            description: How urgent.
            nullable: true
            allOf: [{$ref: '#/components/schemas/Priority'}]
      """, openapi: "3.0.3")
    let call = try Self.structure("Call", in: model)
    #expect(call.properties.map(\.type) == [.named("Priority")])
    #expect(call.properties.map(\.isOptional) == [true])
    #expect(call.properties.map(\.documentation.summary) == ["How urgent."])
  }

  @Test func anEnumOrPrimitiveMemberOfAnAllOfConstrainsTheProperty() throws {
    let (model, diagnostics) = try Self.schemas(
      """
      Status: {type: string, enum: [queued, done]}
      Call:
        type: object
        properties:
          status:
            allOf: [{type: string}, {$ref: '#/components/schemas/Status'}]
          code:
            allOf: [{type: integer}, {minimum: 1}]
      Tagged:
        allOf:
          - {$ref: '#/components/schemas/Call'}
          - {$ref: '#/components/schemas/Status'}
      """)
    let call = try Self.structure("Call", in: model)
    #expect(call.properties.map(\.type) == [.named("Status"), .builtin(.int)])
    // Beside an object, a member that is not one adds nothing, with a warning where it is.
    #expect(try Self.structure("Tagged", in: model).properties.map(\.jsonName) == ["status", "code"])
    #expect(diagnostics.map(\.severity) == [.warning])
    #expect(diagnostics.first?.message.hasPrefix("an allOf member that is not an object schema") == true)
  }

  @Test func aFreeFormMapInTheQueryIsAMapOfStrings() throws {
    let (model, _) = try Self.model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /calls:
          get:
            operationId: listCalls
            parameters:
              - {name: labels, in: query, schema: {type: object, additionalProperties: true}}
              - {name: tags, in: query, style: deepObject, schema: {type: object}}
            responses:
              '204': {description: None.}
      """)
    let parameters = model.operations[0].parameters
    #expect(parameters.map(\.type) == [.dictionary(.builtin(.string)), .dictionary(.builtin(.string))])
    #expect(parameters.map(\.isObject) == [true, true])
    #expect(parameters.map(\.style) == [.form, .deepObject])
  }

  @Test func serversWithoutASchemeOrHostAreResolvedAgainstTheFirstAbsoluteOne() throws {
    let (model, _) = try Self.model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      servers:
        - url: /sandbox
        - url: //api.example.com/v1
        - url: https://eu.example.com/v1
      paths: {}
      """)
    #expect(
      model.servers.map(\.url) == [
        "https://api.example.com/sandbox", "https://api.example.com/v1", "https://eu.example.com/v1",
      ])
    #expect(model.defaultServer?.url == "https://api.example.com/sandbox")
  }

  @Test func aRelativeServerWithNothingToResolveAgainstLeavesTheServerURLToTheCaller() throws {
    let (model, diagnostics) = try Self.model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      servers:
        - url: /api/v1
      paths: {}
      """)
    #expect(model.servers.isEmpty)
    #expect(model.defaultServer == nil)
    #expect(
      diagnostics.map(\.description) == [
        "inline.yaml:4:5: warning: the server URL \"/api/v1\" is relative and the spec has no absolute server to resolve it against; the client takes a serverURL"
      ])
  }

  @Test func anEnumValueListedTwiceIsOneCase() throws {
    let (model, diagnostics) = try Self.schemas(
      """
      Bank: {type: string, enum: [ITAU, SAFRA_BR, BRADESCO, SAFRA_BR]}
      """)
    guard case .enumeration(let bank)? = model.types.first else {
      Issue.record("no enum")
      return
    }
    #expect(bank.cases.map(\.swiftName) == ["itau", "safraBr", "bradesco"])
    #expect(
      diagnostics.map(\.description) == [
        "inline.yaml:6:59: warning: the enum value \"SAFRA_BR\" is listed again (first at index 1); it is one case"
      ])
  }

  @Test func aDeprecatedSchemaWarnsWhereTheUserCreatesOrNamesItNeverInGeneratedCode() throws {
    let (model, _) = try Self.schemas(
      """
      Route: {type: object, deprecated: true, properties: {trunk: {type: string}}}
      Tier: {type: string, deprecated: true, description: The tier., enum: [basic, premium]}
      Unused: {type: string, deprecated: true, enum: [a]}
      Call:
        type: object
        properties:
          route: {$ref: '#/components/schemas/Route'}
          tier: {$ref: '#/components/schemas/Tier'}
      """)
    // A struct keeps the mark, which its initializer carries.
    #expect(try Self.structure("Route", in: model).isDeprecated)
    func enumeration(_ name: String) -> EnumDeclaration? {
      guard case .enumeration(let value)? = model.types.first(where: { $0.name == name }) else { return nil }
      return value
    }
    // An enum that generated code names is documented as deprecated instead; one nothing names keeps it.
    #expect(enumeration("Tier")?.isDeprecated == false)
    #expect(
      enumeration("Tier")?.documentation == Documentation(summary: "The tier.", details: "Deprecated in the spec."))
    #expect(enumeration("Unused")?.isDeprecated == true)
  }

  @Test func aParameterCalledBodyBesideARequestBodyIsRenamedWithAWarning() throws {
    let (model, diagnostics) = try Self.model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /notes:
          post:
            operationId: addNote
            parameters:
              - {name: body, in: query, schema: {type: string}}
            requestBody: {content: {text/plain: {schema: {type: string}}}}
            responses:
              '204': {description: None.}
      """)
    #expect(model.operations[0].parameters.map(\.swiftName) == ["bodyParameter"])
    #expect(
      diagnostics.map(\.description) == [
        "inline.yaml:7:7: warning: the parameter \"body\" becomes bodyParameter in Swift: body is the request body's label (set x-swift-name to choose)"
      ])
  }

  @Test func aNotSchemaIsAnyJSONWithAWarning() throws {
    let (model, diagnostics) = try Self.schemas(
      """
      Call:
        type: object
        properties:
          to: {not: {type: integer}}
      """)
    #expect(try Self.structure("Call", in: model).properties.map(\.type) == [.builtin(.json)])
    #expect(diagnostics.map(\.severity) == [.warning])
  }
}
