import Testing

@testable import SDKGenCore

/// The choices the model makes for the renderers, asserted on values: the renderers print
/// these and decide nothing themselves.
@Suite struct ModelDecisionTests {
  static func model(_ yaml: String) throws -> APIModel {
    let (model, diagnostics) = ModelBuilderTests.model(yaml: yaml)
    return try #require(model, "\(diagnostics.sorted)")
  }

  /// A spec with one operation whose `responses:` are `responses`.
  static func operation(responses: String) throws -> Operation {
    // The responses' lines, under `responses:`.
    let responses = responses.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    let model = try model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /calls/{call_id}/notes:
          get:
            operationId: getNotes
            parameters:
              - {name: call_id, in: path, required: true, schema: {type: string}}
            responses:
      \(responses)
      components:
        schemas:
          Problem:
            type: object
            properties:
              message: {type: string}
          Other:
            type: object
            properties:
              message: {type: string}
      """)
    return try #require(model.operations.first)
  }

  /// A 200 response with a JSON string, as the YAML under `responses:`.
  static let jsonSuccess = """
          '200':
            description: Notes.
            content:
              application/json: {schema: {type: string}}
    """

  @Test func theDefaultServerIsTheFirstServerWithoutVariables() throws {
    let plusofon = try ModelBuilderTests.model("specs/plusofon.yaml")
    #expect(plusofon.defaultServer?.url == "https://restapi.plusofon.ru/api/v1")
    // A first server with variables is a function of them, so there is no default.
    let reserved = try ModelBuilderTests.model("Tests/Fixtures/reserved-names.yaml")
    #expect(reserved.servers.first?.variables.isEmpty == false)
    #expect(reserved.defaultServer == nil)
  }

  @Test func credentialParametersAreOptionalWhereSomeOperationGoesWithout() throws {
    let plusofon = try ModelBuilderTests.model("specs/plusofon.yaml")
    #expect(
      plusofon.securitySchemes.map(\.parameters) == [
        [CredentialParameter(swiftName: "clientID", isOptional: false, defaultValue: "10553")],
        [CredentialParameter(swiftName: "token", isOptional: false, defaultValue: nil)],
      ])
    // createThing takes the bearer token or HTTP Basic: each is optional, and Basic is both halves.
    let reserved = try ModelBuilderTests.model("Tests/Fixtures/reserved-names.yaml")
    #expect(
      reserved.securitySchemes.map(\.parameters) == [
        [CredentialParameter(swiftName: "token", isOptional: true, defaultValue: nil)],
        [
          CredentialParameter(swiftName: "username", isOptional: true, defaultValue: nil),
          CredentialParameter(swiftName: "password", isOptional: true, defaultValue: nil),
        ],
      ])
  }

  @Test func acceptListsTheResponsesMediaTypesUnlessTheyAreJSONAlone() throws {
    let json = try Self.operation(responses: Self.jsonSuccess)
    #expect(json.accept == nil)
    let mixed = try Self.operation(
      responses: """
              '200':
                description: Notes.
                content:
                  text/plain: {schema: {type: string}}
              '404':
                description: None.
                content:
                  application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
        """)
    #expect(mixed.accept == "text/plain, application/problem+json")
  }

  @Test func theResponseShapeIsEmptyOrOneBody() throws {
    let empty = try Self.operation(
      responses: """
              '204':
                description: Done.
        """)
    #expect(empty.success.shape == .empty)
    let text = try Self.operation(
      responses: """
              '200':
                description: Notes.
                content:
                  text/plain: {schema: {type: string}}
                  text/csv: {schema: {type: string}}
        """)
    #expect(
      text.success.shape
        == .body(ResponseBody(type: .builtin(.string), encoding: .text, mediaTypes: ["text/plain", "text/csv"])))
  }

  @Test func errorStatusesAreGroupedByTheBodyTheyThrowWith() throws {
    let operation = try Self.operation(
      responses: Self.jsonSuccess + """

              '400':
                description: Bad.
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Problem'}}
              '401':
                description: No body.
              '404':
                description: Missing.
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Other'}}
              '422':
                description: Invalid.
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Problem'}}
              default:
                description: Anything else.
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Other'}}
        """)
    // 404 throws as `default` does, so it is left to `default`.
    #expect(
      operation.errorHandling
        == ErrorHandling(
          cases: [
            ErrorCase(statuses: [.code(400), .code(422)], errorBody: .named("Problem")),
            ErrorCase(statuses: [.code(401)], errorBody: nil),
          ],
          fallbackErrorBody: .named("Other")))
  }

  @Test func thePathIsTextAndParameters() throws {
    let operation = try Self.operation(
      responses: """
              '204':
                description: Done.
        """)
    #expect(operation.pathSegments == [.literal("/calls/"), .parameter(swiftName: "callID"), .literal("/notes")])
  }

  @Test func aRecursivePropertyIsBoxedAndADeprecatedOneHidden() throws {
    let tree = try ModelBuilderTests.model("Tests/Fixtures/tree.yaml")
    guard case .structure(let node)? = tree.types.first(where: { $0.name == "Node" }) else {
      Issue.record("no Node struct")
      return
    }
    #expect(node.properties.first { $0.jsonName == "parent" }?.storage == .boxed(name: "_parent"))
    let model = try Self.model(
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths: {}
      components:
        schemas:
          Call:
            type: object
            properties:
              id: {type: string}
              old_id: {type: string, deprecated: true}
      """)
    guard case .structure(let call)? = model.types.first else {
      Issue.record("no Call struct")
      return
    }
    #expect(call.properties.map(\.storage) == [.direct, .hidden(name: "_oldID")])
  }

  @Test func aReceiverAcceptsOneMebibyteByDefault() throws {
    let webhooks = try #require(try ModelBuilderTests.model("specs/plusofon.yaml").webhooks)
    #expect(webhooks.maximumBodySize == 1_048_576)
  }

  @Test func onlyJSONSentAsApplicationJSONNamesNoContentType() throws {
    func body(_ mediaType: String) throws -> RequestBody? {
      try Self.model(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /calls:
            patch:
              operationId: updateCall
              requestBody:
                content:
                  \(mediaType): {schema: {type: object, properties: {id: {type: string}}}}
              responses:
                '204': {description: Done.}
        """
      ).operations.first?.requestBody
    }
    #expect(try body("application/json")?.isPlainJSON == true)
    #expect(try body("application/merge-patch+json")?.isPlainJSON == false)
    #expect(try body("text/plain")?.isPlainJSON == false)
  }
}
