import Testing

@testable import SDKGenCore

/// The webhook choices the model makes: which webhooks share one route and by what path, what each
/// decodes from and what its handler answers with.
@Suite struct WebhookModelTests {
  static func webhooks(_ yaml: String) throws -> Webhooks {
    try #require(try ModelDecisionTests.model(yaml).webhooks)
  }

  /// A spec with `webhooks` (the YAML under `webhooks:`) and `schemas` (under `components.schemas:`).
  static func spec(webhooks: String, schemas: String, extra: String = "") -> String {
    func indented(_ text: String) -> String { text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") }
    return """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      \(extra)
      webhooks:
      \(webhooks.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
      components:
        schemas:
      \(indented(schemas))
      """
  }

  /// A webhook `key` whose JSON payload is the schema `schema`.
  static func webhook(_ key: String, _ schema: String, responses: String = "{'200': {description: OK}}") -> String {
    """
    \(key):
      post:
        requestBody:
          content:
            application/json: {schema: {$ref: '#/components/schemas/\(schema)'}}
        responses: \(responses)
    """
  }

  @Test func callEventsWithANestedTypeShareOneRouteWithoutConfig() throws {
    let voicegrid = try #require(try ModelBuilderTests.model("Tests/Fixtures/voicegrid.yaml").webhooks)
    #expect(voicegrid.discriminator == ["data", "event_type"])
    #expect(
      voicegrid.enumEvents.map(\.values) == [
        ["call.initiated"], ["call.answered"], ["call.hangup"], ["call.dtmf.received"],
        ["call.playback.started", "call.playback.ended"],
      ])
    // `record_type` is `event` in every call event: it tells none apart.
    #expect(voicegrid.payloadDecoders.map(\.payloadType) == ["NumberOrderEvent"])
    #expect(voicegrid.eventFormats == [.json])
    #expect(voicegrid.eventAnswer == nil)
  }

  @Test func formPayloadsDecodeAsFormsAndTheVoiceWebhookAnswersWithXML() throws {
    let callbox = try #require(try ModelBuilderTests.model("Tests/Fixtures/callbox.yaml").webhooks)
    // Every payload's `CallStatus` allows the same values: they discriminate nothing.
    #expect(callbox.discriminator == nil)
    #expect(
      callbox.payloadDecoders == [
        WebhookPayloadDecoder(
          payloadType: "IncomingCall", keys: ["incoming-call"], formats: [.form],
          answer: ResponseBody(type: .builtin(.string), encoding: .text, mediaTypes: ["application/xml"])),
        WebhookPayloadDecoder(payloadType: "CallStatusCallback", keys: ["call-status"], formats: [.form], answer: nil),
      ])
  }

  @Test func aJSONAnswerIsTheGeneratedType() throws {
    let webhooks = try Self.webhooks(
      Self.spec(
        webhooks: Self.webhook(
          "answer", "Call",
          responses:
            "{'200': {description: NCCO, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Action'}}}}}}"
        ),
        schemas: """
          Call: {type: object, properties: {from: {type: string}}}
          Action: {type: object, properties: {action: {type: string}}}
          """))
    #expect(
      webhooks.payloadDecoders.first?.answer
        == ResponseBody(type: .array(.named("Action")), encoding: .json, mediaTypes: ["application/json"]))
  }

  /// `state` has three webhooks but shares a value; `type` has two of its own; `kind` has one.
  @Test func theLargestGroupFormsTheEnumAndTheRestKeepTheirOwnRoute() throws {
    let webhooks = try Self.webhooks(
      Self.spec(
        webhooks: [
          Self.webhook("a", "A"), Self.webhook("b", "B"), Self.webhook("c", "C"), Self.webhook("d", "D"),
        ].joined(separator: "\n"),
        schemas: """
          A: {type: object, properties: {type: {const: a}, state: {enum: [x]}}}
          B: {type: object, properties: {type: {enum: [b1, b2]}, state: {enum: [x, y]}}}
          C: {type: object, properties: {state: {enum: [z]}}}
          D: {type: object, properties: {kind: {const: d}}}
          """))
    #expect(webhooks.discriminator == ["type"])
    #expect(webhooks.events.map(\.values) == [["a"], ["b1", "b2"], [], []])
    #expect(webhooks.payloadDecoders.map(\.payloadType) == ["C", "D"])
  }

  @Test func sharedValuesDiscriminateNothing() throws {
    let webhooks = try Self.webhooks(
      Self.spec(
        webhooks: [Self.webhook("a", "A"), Self.webhook("b", "B")].joined(separator: "\n"),
        schemas: """
          A: {type: object, properties: {status: {enum: [ringing, completed]}}}
          B: {type: object, properties: {status: {enum: [completed]}}}
          """))
    #expect(webhooks.discriminator == nil)
    #expect(webhooks.payloadDecoders.map(\.payloadType) == ["A", "B"])
  }

  @Test func webhooksThatAnswerDifferentlyDoNotShareARoute() throws {
    let xml = "{'200': {description: OK, content: {application/xml: {schema: {type: string}}}}}"
    let webhooks = try Self.webhooks(
      Self.spec(
        webhooks: [
          Self.webhook("a", "A", responses: xml), Self.webhook("b", "B"), Self.webhook("c", "C", responses: xml),
        ].joined(separator: "\n"),
        schemas: """
          A: {type: object, properties: {type: {const: a}}}
          B: {type: object, properties: {type: {const: b}}}
          C: {type: object, properties: {type: {const: c}}}
          """))
    #expect(webhooks.discriminator == ["type"])
    #expect(webhooks.enumEvents.map(\.key) == ["a", "c"])
    #expect(webhooks.eventAnswer?.mediaTypes == ["application/xml"])
    #expect(webhooks.payloadDecoders.map(\.payloadType) == ["B"])
  }

  /// A named path gathers every webhook; one whose payload has no values of its own is chosen by
  /// its key, as the three providers' are.
  @Test func xWebhooksDiscriminatorIsADottedPath() throws {
    let webhooks = try Self.webhooks(
      Self.spec(
        webhooks: [Self.webhook("started", "Started"), Self.webhook("ended", "Ended")].joined(separator: "\n"),
        schemas: """
          Envelope: {type: object, properties: {event: {type: object, properties: {name: {type: string}}}}}
          Started: {allOf: [{$ref: '#/components/schemas/Envelope'}, {type: object, properties: {at: {type: string}}}]}
          Ended:
            allOf:
              - $ref: '#/components/schemas/Envelope'
              - {type: object, properties: {event: {type: object, properties: {name: {const: call.ended}}}}}
          """, extra: "x-webhooks-discriminator: event.name"))
    #expect(webhooks.discriminator == ["event", "name"])
    #expect(webhooks.events.map(\.values) == [["started"], ["call.ended"]])
    #expect(webhooks.payloadDecoders.isEmpty)
  }

  /// A named path puts every webhook on one route, which answers with one type.
  @Test func aNamedRouteWhoseWebhooksAnswerDifferentlyIsAnError() throws {
    let xml = "{'200': {description: OK, content: {application/xml: {schema: {type: string}}}}}"
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        webhooks: [Self.webhook("a", "A"), Self.webhook("b", "A", responses: xml)].joined(separator: "\n"),
        schemas: "A: {type: object, properties: {type: {type: string}}}", extra: "x-webhooks-discriminator: type"))
    #expect(model == nil)
    #expect(
      diagnostics.sorted.map(\.message).contains(
        "the webhooks \"a\" and \"b\" share one route but answer with different content; a route answers with one type (--skip-unsupported skips this webhook)"
      ))
  }

  @Test func aNamedPathThePayloadLacksIsAnError() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: Self.spec(
        webhooks: Self.webhook("started", "Started"),
        schemas: "Started: {type: object, properties: {event: {type: object}}}",
        extra: "x-webhooks-discriminator: event.name"))
    #expect(model == nil)
    #expect(
      diagnostics.sorted.contains {
        $0.message.contains("the payload Started of webhook \"started\" has no property \"event.name\"")
      })
  }

  @Test func aFormWebhookWithAnotherMediaTypeIsAnError() throws {
    let (model, diagnostics) = ModelBuilderTests.model(
      yaml: """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        webhooks:
          upload:
            post:
              requestBody:
                content:
                  application/octet-stream: {schema: {type: string, format: binary}}
              responses: {'200': {description: OK}}
        """)
    #expect(model == nil)
    #expect(
      diagnostics.sorted.contains {
        $0.message.contains(
          "unsupported: a webhook payload of type application/octet-stream; only JSON and application/x-www-form-urlencoded are supported"
        )
      })
  }
}
