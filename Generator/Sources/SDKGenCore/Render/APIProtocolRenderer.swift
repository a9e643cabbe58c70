/// The namespace's `API` protocol: one requirement per operation with the client method's
/// signature, the client's conformance, and an extension with the sequences of pages and a
/// default for each requirement that throws `UnimplementedOperation`, so a test's fake
/// implements only what it calls.
enum APIProtocolRenderer {
  static func render(_ model: APIModel, into writer: inout SwiftWriter) {
    let namespace = model.namespace
    let documentation = [
      "The operations of ``Client``, as a protocol, so that code which calls them can be given a fake in its tests.",
      "Take `any \(namespace).API` (or a generic) where you would take a ``Client``; ``Client`` conforms. Every requirement has a default that throws \(writer.runtimeSymbol("UnimplementedOperation")), so a fake implements only the operations its test calls, and the sequences of pages come with the protocol.",
    ]
    writer.namespaceMember(
      namespace, documentation: documentation, declaration: "public protocol API: \(writer.names.spell("Sendable"))"
    ) { writer in
      for (index, operation) in model.operations.enumerated() {
        if index > 0 { writer.blankLine() }
        writer.docComment(
          OperationRenderer.documentation(operation, error: writer.runtimeSymbol("APIError"), inClient: false))
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        let declaration = OperationRenderer.declaration(operation, defaults: false, inClient: false, in: writer.names)
        writer.wrapped(declaration.head, declaration.parameters, declaration.tail)
      }
    }
    writer.line()
    writer.line("extension \(namespace).Client: \(namespace).API {}")
    writer.line()

    writer.extensionOutside(namespace, extending: "\(namespace).API") { writer in
      for (index, operation) in model.operations.enumerated() {
        if index > 0 { writer.blankLine() }
        writer.docComment([
          "Throws \(writer.runtimeSymbol("UnimplementedOperation")): a fake implements the operations its test calls."
        ])
        if operation.isDeprecated { writer.line("@available(*, deprecated)") }
        let declaration = OperationRenderer.declaration(operation, defaults: false, inClient: false, in: writer.names)
        writer.wrappedBlock("public " + declaration.head, declaration.parameters, declaration.tail) { writer in
          writer.wrapped(
            "throw \(writer.names.spell("UnimplementedOperation"))",
            ["operationID: \(SwiftSyntax.stringLiteral(operation.operationID))", "typeName: \"\\(Self.self)\""], "")
        }
        if let pagination = operation.pagination {
          writer.blankLine()
          OperationRenderer.renderPagination(pagination, of: operation, into: &writer)
        }
      }
    }
  }
}
