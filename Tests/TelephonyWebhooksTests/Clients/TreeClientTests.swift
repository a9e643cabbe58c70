import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// The OpenAPI 3.1 shapes fixture: a recursive struct (boxed), a recursive oneOf (indirect), a
/// type list, const, anyOf with null, integer and mixed enums, and an error schema bundled from
/// another file.
@Suite struct TreeClientTests {
  static let node = #"""
    {"id":7,"kind":"node","label":null,"color":"green","level":2,"weight":"light",
     "parent":{"id":"root","parent":null,"children":[]},
     "expression":{"type":"Operation","operands":[{"type":"Leaf","value":1.5}],"first":{"type":"Leaf","value":2}}}
    """#

  @Test func aRecursiveNodeRoundTripsOverHTTP() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(Self.node))

      let node = try await Tree.Client(serverURL: server.baseURL).getNode(nodeID: "7")

      #expect(try #require(server.lastRequest).path == "/nodes/7")
      #expect(node.id == .int(7))
      #expect(node.kind == .node)
      #expect(node.label == nil)
      #expect(node.color == .green)
      #expect(node.level == .value2)
      #expect(node.weight == .string("light"))
      #expect(node.parent?.id == .string("root"))
      #expect(node.parent?.parent == nil)
      guard case .operation(let operation)? = node.expression else {
        Issue.record("expected an operation")
        return
      }
      #expect(operation.operands == [.leaf(.init(type: "Leaf", value: 1.5))])
      #expect(operation.first == .leaf(.init(type: "Leaf", value: 2)))
      let encoded = try JSONEncoder().encode(node)
      #expect(try JSONDecoder().decode(Tree.Node.self, from: encoded) == node)
    }
  }

  @Test func theBundledErrorSchemaIsTheTypedErrorBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"message":"no such node"}"#, status: 404))

      await #expect(throws: APIError.self) {
        _ = try await Tree.Client(serverURL: server.baseURL).getNode(nodeID: "8")
      }
    }
  }
}
