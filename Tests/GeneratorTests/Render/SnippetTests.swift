import Testing

@testable import SDKGenCore

/// A few lines of YAML in, the exact Swift out, for one declaration: a new rule is pinned down
/// here, and the whole-file golden tests keep the end-to-end shape.
@Suite struct SnippetTests {
  /// The spec around `paths` and `schemas`, each given as the YAML under its key.
  static func spec(paths: String = "{}", schemas: String = "{}") -> String {
    func indented(_ yaml: String) -> String {
      yaml.contains("\n") || !yaml.hasPrefix("{")
        ? "\n" + yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") : " " + yaml
    }
    return """
      openapi: 3.1.0
      info: {title: Snippets, version: '1'}
      paths:\(indented(paths))
      components:
        schemas:\(indented(schemas))
      """
  }

  static func model(_ yaml: String) throws -> APIModel {
    let (model, diagnostics) = ModelBuilderTests.model(yaml: yaml)
    return try #require(model, "\(diagnostics.sorted)")
  }

  /// The Swift of the schema `name`, as it is written in the namespace.
  static func type(_ name: String, schemas: String) throws -> String {
    let model = try model(spec(schemas: schemas))
    let declaration = try #require(model.types.first { $0.name == name })
    return FileRenderer.unit(model, options: RenderOptions(), declared: DeclaredNames(model), level: 0) {
      FileRenderer.renderType(declaration, into: &$0)
    }
  }

  /// The Swift of the only operation, as it is written in the client.
  static func operation(paths: String, schemas: String = "{}") throws -> String {
    let model = try model(spec(paths: paths, schemas: schemas))
    let operation = try #require(model.operations.first)
    return FileRenderer.unit(model, options: RenderOptions(), declared: DeclaredNames(model), level: 0) {
      OperationRenderer.render(operation, into: &$0)
    }
  }

  @Test func aRecursivePropertyIsStoredInABox() throws {
    let swift = try Self.type(
      "Node",
      schemas: """
        Node:
          type: object
          description: A node.
          properties:
            parent: {$ref: '#/components/schemas/Node'}
        """)
    #expect(
      swift == """
        /// A node.
        public struct Node: Codable, Hashable, Sendable {
          /// A node.
          public var parent: Node? {
            get { _parent?.value }
            set { _parent = newValue.map(Indirect.init) }
          }
          private var _parent: Indirect<Node>?

          /// Creates a value from its properties.
          public init(parent: Node? = nil) {
            self._parent = parent.map(Indirect.init)
          }

          enum CodingKeys: String, CodingKey {
            case _parent = "parent"
          }
        }

        """)
  }

  @Test func anOperationPrintsItsPathAcceptStreamAndGroupedErrors() throws {
    let swift = try Self.operation(
      paths: """
        /calls/{call_id}/recording:
          get:
            operationId: getRecording
            parameters:
              - {name: call_id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: The recording.
                content:
                  audio/mpeg: {schema: {type: string, format: binary}}
                  audio/wav: {schema: {type: string, format: binary}}
              '404':
                description: No recording.
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Problem'}}
              '410':
                description: Deleted.
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Problem'}}
              default:
                description: Anything else.
        """,
      schemas: """
        Problem:
          type: object
          properties:
            message: {type: string}
        """)
    #expect(
      swift == #"""
        /// `GET /calls/{call_id}/recording`
        ///
        /// - Parameters:
        ///   - callID: The `call_id` path parameter.
        /// - Returns: The recording.
        /// - Throws: ``APIError`` for a status other than 200, a failed request or a body that does not
        ///   match the spec.
        public func getRecording(callID: String) async throws -> HTTPBody {
          var request = OperationRequest(
            operationID: "getRecording",
            method: .get,
            path: "/calls/\(callID)/recording"
          )
          request.setHeader("Accept", "audio/mpeg, audio/wav, application/json")
          request.streamsResponse = true
          let response = try await core.send(request, security: [])
          switch response.status {
          case 200: return try response.streamedBody(mediaTypes: ["audio/mpeg", "audio/wav"])
          case 404, 410: throw response.failure(errorBody: Problem.self)
          default: throw response.failure()
          }
        }

        """#)
  }

  @Test func anOpenEnumRenamesAValueCalledUnknown() throws {
    let swift = try Self.type(
      "Direction",
      schemas: """
        Direction:
          type: string
          description: Which way a call goes.
          enum: [inbound, outbound-api, unknown]
        """)
    #expect(
      swift == """
        /// Which way a call goes.
        ///
        /// A value this SDK does not know decodes as ``unknown(_:)`` and encodes back unchanged.
        public enum Direction: OpenEnum {
          case inbound
          case outboundAPI
          case unknownValue
          /// A value this SDK does not know, kept as it was sent.
          case unknown(String)

          public init(rawValue: String) {
            switch rawValue {
            case "inbound": self = .inbound
            case "outbound-api": self = .outboundAPI
            case "unknown": self = .unknownValue
            default: self = .unknown(rawValue)
            }
          }

          public var rawValue: String {
            switch self {
            case .inbound: "inbound"
            case .outboundAPI: "outbound-api"
            case .unknownValue: "unknown"
            case .unknown(let value): value
            }
          }
        }

        """)
  }
}

/// The `API` protocol's requirement and the client's method are one declaration.
@Suite struct APIProtocolSnippetTests {
  static let listCalls = """
    /calls:
      get:
        operationId: listCalls
        parameters:
          - {name: page, in: query, schema: {type: integer}}
        responses:
          '200': {description: OK, content: {application/json: {schema: {type: array, items: {type: string}}}}}
    """

  @Test func theRequirementIsTheClientMethodWithoutItsDefaults() throws {
    let model = try SnippetTests.model(SnippetTests.spec(paths: Self.listCalls))
    let swift = FileRenderer.unit(model, options: RenderOptions(), declared: DeclaredNames(model), level: 0) {
      APIProtocolRenderer.render(model, into: &$0)
    }
    #expect(swift.contains("    func listCalls(page: Int?) async throws -> [String]\n"))
    #expect(swift.contains("extension Inline.Client: Inline.API {}\n"))
    #expect(
      swift.contains(
        """
          public func listCalls(page: Int?) async throws -> [String] {
            throw UnimplementedOperation(operationID: "listCalls", typeName: "\\(Self.self)")
          }
        """))
    let client = try SnippetTests.operation(paths: Self.listCalls)
    #expect(client.contains("public func listCalls(page: Int? = nil) async throws -> [String] {"))
  }
}
