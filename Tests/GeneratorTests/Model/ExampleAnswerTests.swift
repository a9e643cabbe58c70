import Testing

@testable import SDKGenCore

/// The answer a mock transport gives each operation: the spec's documented example, else a
/// body built from the schema, decided in Model and printed as it is.
@Suite struct ExampleAnswerTests {
  static func answer(responses: String, schemas: String = "{}") throws -> ExampleAnswer {
    let model = try SnippetTests.model(
      SnippetTests.spec(
        paths: """
          /calls:
            get:
              operationId: listCalls
              responses:
          \(responses.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
          """, schemas: schemas))
    return try #require(model.operations.first?.exampleAnswer)
  }

  @Test func theDocumentedExampleIsTheAnswer() throws {
    let answer = try Self.answer(
      responses: """
        '201':
          description: Created.
          content:
            application/json:
              schema: {type: object, properties: {id: {type: integer}}}
              example: {id: 7, note: "kept as written"}
        """)
    #expect(answer.status == 201)
    #expect(answer.mediaType == "application/json")
    #expect(answer.source == .documented)
    #expect(answer.body == "{\n  \"id\": 7,\n  \"note\": \"kept as written\"\n}")
  }

  @Test func withoutAnExampleTheSchemaGivesOneFromItsExamplesDefaultsAndTypes() throws {
    let answer = try Self.answer(
      responses: """
        '200':
          description: The calls.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Call'}
        """,
      schemas: """
        Call:
          type: object
          required: [id, state, started]
          properties:
            id: {type: integer, examples: [42]}
            state: {type: string, enum: [ringing, answered]}
            started: {type: string, format: date-time}
            volume: {type: number, default: 0.5}
            parent: {$ref: '#/components/schemas/Call'}
            tags: {type: array, items: {type: string}}
        """)
    #expect(answer.source == .schema)
    // The recursive optional `parent` is left out.
    #expect(
      answer.body == """
        {
          "id": 42,
          "started": "2024-01-01T00:00:00Z",
          "state": "ringing",
          "tags": [
            "example"
          ],
          "volume": 0.5
        }
        """)
  }

  @Test func anEmptyResponseIsItsStatusAlone() throws {
    let answer = try Self.answer(responses: "'204': {description: Gone.}")
    #expect(answer == ExampleAnswer(status: 204, mediaType: nil, body: nil, source: .schema))
  }
}
