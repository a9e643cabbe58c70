/// The namespace's `Client`: its servers and the initializer that takes the credentials.
enum ClientRenderer {
  /// The client with its operations, as `operations` holds them already rendered (two levels
  /// in); with `nil`, without them, for a namespace split into several files that declares them
  /// in extensions (``OperationRenderer/render(_:into:)``).
  static func render(_ model: APIModel, operations: [String]?, into writer: inout SwiftWriter) {
    let defaultServer = model.defaultServer
    let names = writer.names
    let documentation = [
      "A client for \(model.documentation.summary ?? model.namespace).",
      "Each operation is an `async throws` method. A status the operation does not expect throws an \(writer.runtimeSymbol("APIError")) carrying the provider's message; requests go through `middlewares` in order, then `transport`.",
    ]
    writer.namespaceMember(
      model.namespace, documentation: documentation, declaration: "public struct Client: \(names.spell("Sendable"))"
    ) { writer in
      if let defaultServer {
        writer.docComment(
          ["The spec's server: `\(defaultServer.url)`."] + SwiftSyntax.paragraphs(defaultServer.documentation))
        writer.line(
          "public static let defaultServerURL = \(names.spell("URL"))(string: \(SwiftSyntax.stringLiteral(defaultServer.url)))!"
        )
        writer.blankLine()
      }
      if defaultServer == nil, let first = model.servers.first {
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
    let explicit = model.securitySchemes.contains(where: \.isOptional)
    var credentials: [CredentialEntry] = []
    for scheme in model.securitySchemes {
      let summary = scheme.documentation.summary.map { " " + $0 } ?? ""
      parameters += scheme.parameters.map { parameter in
        let defaultValue =
          parameter.defaultValue.map { " = " + SwiftSyntax.stringLiteral($0) } ?? (parameter.isOptional ? " = nil" : "")
        return "\(parameter.swiftName): \(names.spell("String"))\(parameter.isOptional ? "?" : "")\(defaultValue)"
      }
      switch scheme.kind {
      case .basic:
        parameterDocs += [
          "  - \(scheme.parameters[0].swiftName): The HTTP Basic user name (`\(scheme.key)`)"
            + (scheme.isOptional ? ", for the operations that accept it." : ".") + summary,
          "  - \(scheme.parameters[1].swiftName): The HTTP Basic password (`\(scheme.key)`).",
        ]
      case .authorization(let httpScheme):
        parameterDocs.append(
          "  - \(SwiftName.unescaped(scheme.swiftName)): The `\(scheme.key)` credential, sent as `Authorization: \(httpScheme) <value>`; the value as the scheme computes it."
            + summary)
      case .bearer, .apiKeyHeader, .apiKeyQuery, .apiKeyCookie:
        parameterDocs.append(
          "  - \(SwiftName.unescaped(scheme.swiftName)):\(summary.isEmpty ? " The `\(scheme.key)` credential." : summary)"
        )
      }
      credentials.append(credentialEntry(scheme, explicit: explicit, names: names))
    }
    parameters += [
      "transport: any \(names.spell("ClientTransport")) = \(names.spell("URLSessionTransport"))()",
      "middlewares: [any \(names.spell("ClientMiddleware"))] = []",
      "configuration: \(names.spell("ClientConfiguration")) = \(names.spell("ClientConfiguration"))()",
    ]
    parameterDocs += [
      "  - transport: Sends the requests; `URLSessionTransport()` by default."
        + (model.transportSecuritySchemes.isEmpty
          ? ""
          : " The spec's mutualTLS scheme "
            + model.transportSecuritySchemes.map { "`\($0)`" }.joined(separator: ", ")
            + " is the transport's: give one whose session presents the client certificate."),
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
      // Optional credentials: only those given are configured.
      let suffix = explicit ? ".compactMap { $0 }," : ","
      if writer.fits("credentials: [" + credentials.map(\.single).joined(separator: ", ") + "]" + suffix) {
        writer.line("credentials: [" + credentials.map(\.single).joined(separator: ", ") + "]" + suffix)
      } else {
        writer.line("credentials: [")
        writer.indent()
        for credential in credentials {
          if let nested = credential.nested, !writer.fits(credential.single + ",", width: SwiftWriter.lintLineWidth) {
            writer.line(nested.open)
            writer.indent()
            writer.line(nested.inner)
            writer.outdent()
            writer.line("},")
          } else {
            writer.line(credential.single + ",")
          }
        }
        writer.outdent()
        writer.line("]" + suffix)
      }
      writer.line("transport: transport,")
      writer.line("middlewares: middlewares,")
      writer.line("configuration: configuration,")
      writer.line("operations: Client.operationTable")
      writer.outdent()
      writer.line(")")
    }
  }

  /// A scheme's `(key, credential)` entry in the initializer's list, on one line, and for a
  /// credential of two optional parameters also as a closure that opens on one line and maps
  /// the second parameter on the next, for when the line would be too long.
  private struct CredentialEntry {
    var single: String
    var nested: (open: String, inner: String)?
  }

  /// With optional parameters, the entry is mapped so that it is `nil` until they are given.
  /// `explicit` names the `Credential` type, which an array of optionals does not infer.
  private static func credentialEntry(_ scheme: SecurityScheme, explicit: Bool, names: NameScope) -> CredentialEntry {
    let key = SwiftSyntax.stringLiteral(scheme.key)
    let type = explicit ? names.spell("Credential") : ""
    func credential(_ values: [String]) -> String {
      switch scheme.kind {
      case .basic: "\(type).basic(username: \(values[0]), password: \(values[1]))"
      case .bearer: "\(type).bearer(\(values[0]))"
      case .apiKeyHeader(let name): "\(type).apiKey(\(values[0]), header: \(SwiftSyntax.stringLiteral(name)))"
      case .apiKeyQuery(let name): "\(type).apiKey(\(values[0]), query: \(SwiftSyntax.stringLiteral(name)))"
      case .apiKeyCookie(let name): "\(type).apiKey(\(values[0]), cookie: \(SwiftSyntax.stringLiteral(name)))"
      case .authorization(let httpScheme):
        "\(type).authorization(\(values[0]), scheme: \(SwiftSyntax.stringLiteral(httpScheme)))"
      }
    }
    let parameters = scheme.parameters.map(\.swiftName)
    guard scheme.parameters.allSatisfy(\.isOptional) else {
      return CredentialEntry(single: "(\(key), \(credential(parameters)))")
    }
    guard parameters.count == 2 else {
      return CredentialEntry(single: "\(parameters[0]).map { (\(key), \(credential(["$0"]))) }")
    }
    let open = "\(parameters[0]).flatMap { user in"
    let inner = "\(parameters[1]).map { (\(key), \(credential(["user", "$0"]))) }"
    return CredentialEntry(single: open + " " + inner + " }", nested: (open, inner))
  }
}
