import Foundation
import Testing

@testable import SDKGenCore

/// The model stage, asserted on values: what the renderer will be told, not how it prints it.
@Suite struct ModelBuilderTests {
  static func model(_ relativePath: String) throws -> APIModel {
    let path = SDKGenProcess.packageRoot.appendingPathComponent(relativePath).path
    var diagnostics = Diagnostics()
    let spec = try #require(SpecParser.parse(path: path, diagnostics: &diagnostics))
    return try #require(ModelBuilder.build(spec, diagnostics: &diagnostics), "\(diagnostics.sorted)")
  }

  static func model(yaml: String) -> (APIModel?, Diagnostics) {
    var diagnostics = Diagnostics()
    guard let spec = SpecParser.parse(text: yaml, path: "inline.yaml", diagnostics: &diagnostics) else {
      return (nil, diagnostics)
    }
    return (ModelBuilder.build(spec, diagnostics: &diagnostics), diagnostics)
  }

  @Test func plusofonNamespaceServerAndSecurity() throws {
    let model = try Self.model("specs/plusofon.yaml")
    #expect(model.namespace == "Plusofon")
    #expect(model.servers.map(\.url) == ["https://restapi.plusofon.ru/api/v1"])
    #expect(model.securitySchemes.map(\.key) == ["clientID", "token"])
    #expect(model.securitySchemes[0].kind == .apiKeyHeader(name: "Client"))
    #expect(model.securitySchemes[0].defaultValue == "10553")
    #expect(model.securitySchemes[1].kind == .bearer)
    // Every operation, including any a user adds to the spec, needs both credentials.
    #expect(!model.operations.isEmpty)
    #expect(model.operations.allSatisfy { $0.security == [["clientID", "token"]] })
  }

  @Test func plusofonListSendsTypeAndPageInTheQueryAndPaginates() throws {
    let list = try #require(try Self.model("specs/plusofon.yaml").operations.first { $0.operationID == "listWebhooks" })
    #expect(list.method == .get)
    #expect(list.parameters.map(\.swiftName) == ["type", "page"])
    #expect(list.parameters.map(\.location) == [.query, .query])
    #expect(list.parameters[0].isEnum)
    #expect(list.parameters.allSatisfy { !$0.isRequired })
    #expect(list.success.shape.body?.type == .named("WebhookPage"))
    let pagination = try #require(list.pagination)
    #expect(pagination.swiftName == "allWebhooks")
    #expect(pagination.pageParameter == "page")
    #expect(pagination.elementType == .named("WebhookSummary"))
    #expect(pagination.nextIsPageNumber == false)
  }

  @Test func api4comCallsPaginateByPageNumber() throws {
    let list = try #require(try Self.model("specs/api4com.yaml").operations.first { $0.operationID == "listCalls" })
    let pagination = try #require(list.pagination)
    #expect(pagination.nextPath.map(\.swiftName) == ["metadata", "nextPage"])
    #expect(pagination.nextIsPageNumber)
  }

  @Test func thuliumErrorFormatReadsEveryMessageAndTheRequestID() throws {
    let model = try Self.model("specs/thulium.yaml")
    guard case .structure(let error)? = model.types.first(where: { $0.name == "ErrorResponse" }) else {
      Issue.record("no ErrorResponse struct")
      return
    }
    #expect(error.errorFormat == ErrorFormat(messagePaths: ["errors[].message"], requestIDPath: "request_id"))
    let delete = try #require(model.operations.first { $0.operationID == "deleteWebhook" })
    #expect(delete.success.shape == .empty)
    #expect(delete.parameters.map(\.swiftName) == ["webhookID", "acceptLanguage"])
    #expect(delete.parameters.map(\.location) == [.path, .header])
  }

  @Test func api4comErrorFormatPrefersTheNestedMessage() throws {
    let model = try Self.model("specs/api4com.yaml")
    guard case .structure(let error)? = model.types.first(where: { $0.name == "ErrorResponse" }) else {
      Issue.record("no ErrorResponse struct")
      return
    }
    #expect(error.errorFormat?.messagePaths == ["error.message", "message"])
  }

  @Test func webhooksDispatchOnTheDiscriminator() throws {
    let api4com = try #require(try Self.model("specs/api4com.yaml").webhooks)
    #expect(api4com.discriminator == ["eventType"])
    let api4comEvents = Dictionary(uniqueKeysWithValues: api4com.events.map { ($0.swiftName, $0.payloadType) })
    #expect(api4comEvents["channelAnswer"] == "ChannelEvent")
    #expect(api4comEvents["channelHangup"] == "ChannelEvent")
    let thulium = try #require(try Self.model("specs/thulium.yaml").webhooks)
    #expect(thulium.events.map(\.swiftName).contains("chatConversationCreated"))
    let plusofon = try #require(try Self.model("specs/plusofon.yaml").webhooks)
    #expect(plusofon.discriminator == nil)
    #expect(plusofon.payloadDecoders.map(\.payloadType) == ["CallEvent"])
  }

  @Test func openSetsAreOpenEnumsAndFrozenOnesAreNot() throws {
    let model = try Self.model("Tests/Fixtures/kitchen-sink.yaml")
    func enumeration(_ name: String) -> EnumDeclaration? {
      if case .enumeration(let value)? = model.types.first(where: { $0.name == name }) { return value }
      return nil
    }
    #expect(enumeration("Color")?.isFrozen == false)
    #expect(enumeration("Color")?.isDocumentedAsExtensible == true)
    #expect(enumeration("Color")?.cases.map(\.swiftName) == ["red", "darkBlue", "value1Dot8", "unknownValue", "`in`"])
    #expect(enumeration("SortOrder")?.isFrozen == true)
    #expect(enumeration("Priority")?.cases.map(\.swiftName) == ["low", "normal", "high"])
    #expect(enumeration("Priority")?.rawType == .int)
  }

  @Test func allOfIsFlattenedAndNullabilityAndDefaultsAreKept() throws {
    let model = try Self.model("Tests/Fixtures/kitchen-sink.yaml")
    guard case .structure(let item)? = model.types.first(where: { $0.name == "Item" }) else {
      Issue.record("no Item struct")
      return
    }
    let byName = Dictionary(uniqueKeysWithValues: item.properties.map { ($0.jsonName, $0) })
    #expect(item.properties.first?.jsonName == "name")
    #expect(byName["name"]?.defaultValue == .string("Untitled"))
    #expect(byName["level"]?.defaultValue == .enumCase("value10"))
    #expect(byName["created_at"]?.type == .builtin(.timestamp))
    #expect(byName["created_at"]?.isOptional == false)
    #expect(byName["note"]?.isOptional == true)
    #expect(byName["owner"]?.type == .named("Person"))
    #expect(byName["id"]?.isReadOnly == true)
    #expect(byName["legacy_code"]?.isDeprecated == true)
    #expect(byName["size"]?.type == .builtin(.int64))
    #expect(byName["dimensions"]?.type == .named("NewItem.Dimensions"))
  }

  @Test func aNullableEnumMayListNullAmongItsValues() throws {
    let (model, diagnostics) = Self.model(
      yaml: """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Mood:
              type: [string, 'null']
              enum: [happy, sad, null]
        """)
    #expect(diagnostics.all.isEmpty)
    guard case .enumeration(let mood)? = model?.types.first(where: { $0.name == "Mood" }) else {
      Issue.record("no Mood enum")
      return
    }
    #expect(mood.cases.map(\.rawValue) == [.string("happy"), .string("sad")])
  }

  @Test func aSchemaWithAReservedNameIsRenamedWithAWarningAndOthersKeepTheirs() {
    let (model, diagnostics) = Self.model(
      yaml: """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Client: {type: object}
            Error: {type: object}
            Type: {type: string, enum: [a]}
        """)
    #expect(model?.types.map(\.name) == ["ClientModel", "Error", "TypeModel"])
    #expect(
      diagnostics.sorted.map(\.description) == [
        "inline.yaml:6:5: warning: the schema \"Client\" becomes the Swift type ClientModel: Client is reserved in a generated namespace; set x-swift-name to choose another name",
        "inline.yaml:8:5: warning: the schema \"Type\" becomes the Swift type TypeModel: Type is reserved in a generated namespace; set x-swift-name to choose another name",
      ])
  }

  @Test func aComponentWithoutADescriptionIsDocumentedAsAComponent() throws {
    let (model, _) = Self.model(
      yaml: """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Error: {type: object, properties: {message: {type: string}}}
        """)
    guard case .structure(let error)? = model?.types.first else {
      Issue.record("no Error struct")
      return
    }
    #expect(error.documentation.summary == "The component schema `Error` of the spec.")
  }

  @Test func unsupportedDefaultIsAWarningNotAnError() {
    let (model, diagnostics) = Self.model(
      yaml: """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Thing:
              type: object
              properties:
                link:
                  type: string
                  format: uri
                  default: https://example.com
        """)
    #expect(model != nil)
    #expect(
      diagnostics.all.map(\.description) == [
        "inline.yaml:12:11: warning: the default value is not supported for this type and is ignored"
      ])
  }
}
