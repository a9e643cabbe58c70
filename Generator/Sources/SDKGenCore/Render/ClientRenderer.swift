/// The namespace's `Client`: its servers and the initializer that takes the credentials.
enum ClientRenderer {
  /// The client with its operations, as `operations` holds them already rendered (two levels
  /// in); with `nil`, without them, for a namespace split into several files that declares them
  /// in extensions (``renderOperation(_:into:)``).
  static func render(_ model: APIModel, operations: [String]?, into writer: inout SwiftWriter) {
    let defaultServer = model.servers.first.flatMap { $0.variables.isEmpty ? $0 : nil }
    let names = writer.names
    writer.block("extension \(model.namespace)") { writer in
      writer.docComment([
        "A client for \(model.documentation.summary ?? model.namespace).",
        "Each operation is an `async throws` method. A status the operation does not expect throws an \(writer.runtimeSymbol("APIError")) carrying the provider's message; requests go through `middlewares` in order, then `transport`.",
      ])
      writer.block("public struct Client: \(names.spell("Sendable"))") { writer in
        if let defaultServer {
          writer.docComment(
            ["The spec's server: `\(defaultServer.url)`."] + SwiftSyntax.paragraphs(defaultServer.documentation))
          writer.line(
            "public static let defaultServerURL = \(names.spell("URL"))(string: \(SwiftSyntax.stringLiteral(defaultServer.url)))!"
          )
          writer.blankLine()
        }
        if let first = model.servers.first, !first.variables.isEmpty {
          renderServerFunction(first, named: "serverURL", into: &writer)
          writer.blankLine()
        }
        for server in model.servers.dropFirst() {
          let name = server.swiftName ?? "serverURL"
          if server.variables.isEmpty {
            writer.docComment(
              ["Another of the spec's servers: `\(server.url)`; pass it as `serverURL:`."]
                + SwiftSyntax.paragraphs(server.documentation))
            writer.line(
              "public static let \(name) = \(names.spell("URL"))(string: \(SwiftSyntax.stringLiteral(server.url)))!")
          } else {
            renderServerFunction(server, named: name, into: &writer)
          }
          writer.blankLine()
        }
        for server in model.operationServers where !server.isClientServer {
          let operations = server.operations.map { "`\(SwiftName.unescaped($0))`" }
          writer.docComment([
            "The server of \(SwiftSyntax.list(operations)): `\(server.url)`, unless the client was given a `serverURL`."
          ])
          writer.line(
            "public static let \(server.swiftName) = \(names.spell("URL"))(string: \(SwiftSyntax.stringLiteral(server.url)))!"
          )
          writer.blankLine()
        }
        writer.line("let core: \(names.spell("ClientCore"))")
        writer.blankLine()
        writer.docComment([
          "The limits this client applies, such as the largest response body it reads."
        ])
        writer.line("public var configuration: \(names.spell("ClientConfiguration")) { core.configuration }")
        writer.blankLine()
        renderInitializer(model, defaultServer: defaultServer, into: &writer)
        for operation in operations ?? [] {
          writer.blankLine()
          writer.append(rendered: operation)
        }
      }
    }
  }

  /// An operation's method, and its sequence of pages if it has one.
  static func renderOperation(_ operation: Operation, into writer: inout SwiftWriter) {
    OperationRenderer.render(operation, into: &writer)
    if let pagination = operation.pagination {
      writer.blankLine()
      OperationRenderer.renderPagination(pagination, of: operation, into: &writer)
    }
  }

  private static func renderServerFunction(_ server: Server, named name: String, into writer: inout SwiftWriter) {
    var docs =
      ["The server URL `\(server.url)` with its variables filled in."] + SwiftSyntax.paragraphs(server.documentation)
    docs.append(
      "- Parameters:\n"
        + server.variables.map { variable in
          "  - \(SwiftName.unescaped(variable.swiftName)): \(variable.documentation.summary ?? "The `\(variable.name)` variable.")"
        }.joined(separator: "\n"))
    writer.docComment(docs)
    let names = writer.names
    let parameters = server.variables.map { variable in
      "\(variable.swiftName): \(names.spell("String")) = \(SwiftSyntax.stringLiteral(variable.defaultValue))"
    }
    writer.wrappedBlock("public static func \(name)", parameters, " -> \(names.spell("URL"))") { writer in
      let values = server.variables.map { "\(SwiftSyntax.stringLiteral($0.name)): \($0.swiftName)" }
      writer.wrapped(
        "\(names.spell("ServerURL")).expand",
        [SwiftSyntax.stringLiteral(server.url), "variables: [\(values.joined(separator: ", "))]"],
        "")
    }
  }

  private static func renderInitializer(_ model: APIModel, defaultServer: Server?, into writer: inout SwiftWriter) {
    let perOperation = !model.operationServers.isEmpty
    var parameterDocs = [
      perOperation
        ? "  - serverURL: The server to call for every operation. By default each operation goes to the spec's server for it: "
          + model.operationServers.map { "``\($0.swiftName)``" }.joined(separator: ", ")
          + (defaultServer.map { ", or `\($0.url)` for the others." } ?? ".")
        : "  - serverURL: The server to call\(defaultServer.map { "; `\($0.url)` by default" } ?? model.servers.first.map { ", such as ``\(SwiftSyntax.symbol("serverURL", labels: $0.variables.map(\.swiftName)))`` for `\($0.url)`" } ?? "")."
    ]
    let names = writer.names
    var parameters = [
      perOperation
        ? "serverURL: \(names.spell("URL"))? = nil"
        : "serverURL: \(names.spell("URL"))" + (defaultServer != nil ? " = Client.defaultServerURL" : "")
    ]
    var credentials: [String] = []
    for scheme in model.securitySchemes {
      let summary = scheme.documentation.summary.map { " " + $0 } ?? ""
      switch scheme.kind {
      case .basic where scheme.isOptional:
        parameters += ["username: String? = nil", "password: String? = nil"]
        parameterDocs += [
          "  - username: The HTTP Basic user name (`\(scheme.key)`), for the operations that accept it.\(summary)",
          "  - password: The HTTP Basic password (`\(scheme.key)`).",
        ]
        credentials.append(
          "username.flatMap { user in password.map { (\(SwiftSyntax.stringLiteral(scheme.key)), Credential.basic(username: user, password: $0)) } }"
        )
      case .basic:
        parameters += ["username: \(names.spell("String"))", "password: \(names.spell("String"))"]
        parameterDocs += [
          "  - username: The HTTP Basic user name (`\(scheme.key)`).\(summary)",
          "  - password: The HTTP Basic password (`\(scheme.key)`).",
        ]
        credentials.append("(\(SwiftSyntax.stringLiteral(scheme.key)), .basic(username: username, password: password))")
      case .bearer, .apiKeyHeader, .apiKeyQuery:
        let defaultValue =
          scheme.defaultValue.map { " = " + SwiftSyntax.stringLiteral($0) } ?? (scheme.isOptional ? " = nil" : "")
        let optional = scheme.isOptional && scheme.defaultValue == nil
        parameters.append("\(scheme.swiftName): \(names.spell("String"))\(optional ? "?" : "")\(defaultValue)")
        parameterDocs.append(
          "  - \(SwiftName.unescaped(scheme.swiftName)):\(summary.isEmpty ? " The `\(scheme.key)` credential." : summary)"
        )
        let credential =
          switch scheme.kind {
          case .apiKeyHeader(let name): ".apiKey(\(scheme.swiftName), header: \(SwiftSyntax.stringLiteral(name)))"
          case .apiKeyQuery(let name): ".apiKey(\(scheme.swiftName), query: \(SwiftSyntax.stringLiteral(name)))"
          default: ".bearer(\(scheme.swiftName))"
          }
        if optional {
          let value = credential.replacingOccurrences(of: "(\(scheme.swiftName)", with: "($0")
          credentials.append(
            "\(scheme.swiftName).map { (\(SwiftSyntax.stringLiteral(scheme.key)), Credential\(value)) }")
        } else {
          credentials.append("(\(SwiftSyntax.stringLiteral(scheme.key)), \(credential))")
        }
      }
    }
    parameters += [
      "transport: any \(names.spell("ClientTransport")) = \(names.spell("URLSessionTransport"))()",
      "middlewares: [any \(names.spell("ClientMiddleware"))] = []",
      "configuration: \(names.spell("ClientConfiguration")) = \(names.spell("ClientConfiguration"))()",
    ]
    parameterDocs += [
      "  - transport: Sends the requests; `URLSessionTransport()` by default.",
      "  - middlewares: Wrap every request in order, such as \(writer.runtimeSymbol("RetryMiddleware")).",
      "  - configuration: The limits to apply, such as the largest response body read (32 MiB by default); see \(writer.runtimeSymbol("ClientConfiguration")).",
    ]
    writer.docComment(["Creates a client.", "- Parameters:\n" + parameterDocs.joined(separator: "\n")])
    writer.wrappedBlock("public init", parameters, "") { writer in
      writer.line("core = \(names.spell("ClientCore"))(")
      writer.indent()
      writer.line("serverURL: serverURL,")
      if perOperation, defaultServer != nil {
        writer.line("defaultServerURL: Client.defaultServerURL,")
      }
      if model.securitySchemes.contains(where: \.isOptional) {
        // Optional credentials: only those given are configured.
        let explicit = credentials.map { $0.replacingOccurrences(of: "\", .", with: "\", Credential.") }
        writer.wrapped("credentials: ", explicit, ".compactMap { $0 },", open: "[", close: "]")
      } else {
        writer.wrapped("credentials: ", credentials, ",", open: "[", close: "]")
      }
      writer.line("transport: transport,")
      writer.line("middlewares: middlewares,")
      writer.line("configuration: configuration")
      writer.outdent()
      writer.line(")")
    }
  }
}
