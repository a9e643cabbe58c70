import OpenAPIKit

/// Paths to operations, and their parameters.
extension ModelBuilder {
  /// A component entry behind a `$ref`, or the inline value, with its path in the spec.
  struct Resolved<T> {
    var value: T
    var path: [String]
    /// The component's key, when it came through a `$ref`.
    var componentKey: String?
  }

  func resolve<T>(
    _ entry: Either<OpenAPI.Reference<T>, T>,
    in components: OrderedDictionary<OpenAPI.ComponentKey, Either<OpenAPI.Reference<T>, T>>,
    kind: String, path: [String], depth: Int = 0
  ) -> Resolved<T>? {
    switch entry {
    case .b(let value):
      return Resolved(value: value, path: path, componentKey: nil)
    case .a(let reference):
      let text = reference.absoluteString
      let prefix = "#/components/\(kind)/"
      guard text.hasPrefix(prefix) else {
        error("unsupported: the $ref \"\(text)\" is not a local #/components/\(kind) reference", value: path + ["$ref"])
        return nil
      }
      let name = String(text.dropFirst(prefix.count))
      guard depth < 8, let key = OpenAPI.ComponentKey(componentName: name), let target = components[key] else {
        error(
          "the $ref \"\(text)\" does not resolve: there is no \"\(name)\" in components/\(kind)", value: path + ["$ref"]
        )
        return nil
      }
      let resolved = resolve(target, in: components, kind: kind, path: ["components", kind, name], depth: depth + 1)
      return resolved.map { Resolved(value: $0.value, path: $0.path, componentKey: $0.componentKey ?? name) }
    }
  }

  func translateOperations(schemes: [SecurityScheme]) -> [Operation] {
    var operations: [Operation] = []
    var operationIDs: [String: [String]] = [:]
    var methodNames = NameAllocator<String>()
    for (pathKey, entry) in document.paths {
      let itemPath = ["paths", pathKey.rawValue]
      guard let pathItem = entry.b else {
        error("unsupported: a $ref for a whole path item", key: itemPath)
        continue
      }
      for endpoint in pathItem.endpoints {
        let methodKey = endpoint.method.rawValue.lowercased()
        let operationPath = itemPath + [methodKey]
        let title = "\(methodKey.uppercased()) \(pathKey.rawValue)"
        let translated: Operation? = unit(.operation, title) {
          guard let method = Operation.Method(rawValue: methodKey) else {
            error("unsupported: the HTTP method \(endpoint.method.rawValue)", key: operationPath)
            return nil
          }
          var operationID =
            endpoint.operation.operationId ?? Self.operationID(method: methodKey, path: pathKey.rawValue)
          if let first = operationIDs[operationID] {
            // OpenAPI asks for unique ids; a spec that repeats one still generates, the repeat named
            // from its method and path (numbered if that is taken too), with a warning.
            let line = sourceMap.value(first + ["operationId"]).line
            var renamed = Self.operationID(method: methodKey, path: pathKey.rawValue)
            if operationIDs[renamed] != nil {
              renamed = NameAllocator<Void>.firstFree(renamed, isTaken: { operationIDs[$0] != nil })
            }
            warning(
              "duplicate operationId \"\(operationID)\"; it is also used on line \(line), so this one is named \(SwiftName.memberName(renamed)) from its method and path",
              key: operationPath + ["operationId"])
            operationID = renamed
          }
          operationIDs[operationID] = operationPath
          var swiftName =
            customMemberName(at: operationPath) ?? SwiftName.memberName(operationID)
          let claimed = methodNames.claim(swiftName, for: operationID)
          if let other = claimed.collision {
            warning(
              "the operationIds \"\(other)\" and \"\(operationID)\" both become the method \(SwiftName.unescaped(swiftName)); this one is \(claimed.name) (set x-swift-name to choose)",
              key: operationPath + [endpoint.operation.operationId == nil ? "" : "operationId"])
          }
          swiftName = claimed.name
          return translateOperation(
            endpoint.operation, id: operationID, swiftName: swiftName, method: method, template: pathKey.rawValue,
            pathItem: pathItem, path: operationPath, schemes: schemes)
        }
        if let translated { operations.append(translated) }
      }
    }
    return operations
  }

  /// The name of an operation without an `operationId`, from its method and path:
  /// `GET /calls/{call_id}/recordings` → `get calls by call_id recordings`, which becomes
  /// `getCallsByCallIDRecordings`.
  static func operationID(method: String, path: String) -> String {
    let segments = path.split(separator: "/").map { segment -> String in
      segment.hasPrefix("{") && segment.hasSuffix("}") ? "by " + segment.dropFirst().dropLast() : String(segment)
    }
    return ([method] + segments).joined(separator: " ")
  }

  func translateOperation(
    _ operation: OpenAPI.Operation, id: String, swiftName: String, method: Operation.Method, template: String,
    pathItem: OpenAPI.PathItem, path: [String], schemes: [SecurityScheme]
  ) -> Operation? {
    let typePrefix = SwiftName.typeNamePart(id)
    let start = diagnostics.count
    var parameters = translateParameters(operation, pathItem: pathItem, path: path, typePrefix: typePrefix)
    // A path parameter that failed is declared all the same: its own error says why it is missing.
    let parametersFailed = diagnostics.hasErrors(since: start)
    if operation.requestBody != nil, let index = parameters.firstIndex(where: { $0.swiftName == "body" }) {
      var taken = NameAllocator<Void>(reserving: parameters.map { SwiftName.unescaped($0.swiftName) })
      let renamed = taken.claim("bodyParameter")
      warning(
        "the parameter \"\(parameters[index].name)\" becomes \(renamed) in Swift: body is the request body's label (set x-swift-name to choose)",
        key: path + ["parameters"])
      parameters[index].swiftName = renamed
    }
    let pathSegments = pathSegments(template, parameters: parameters, path: path, reportsUndeclared: !parametersFailed)
    parameters.sort { $0.location.order < $1.location.order }
    let requestBody = operation.requestBody.flatMap {
      translateRequestBody($0, path: path + ["requestBody"], typePrefix: typePrefix)
    }
    let responses = translateResponses(
      operation.responses, path: path + ["responses"], typePrefix: typePrefix, methodName: swiftName)
    guard let success = responses.success else { return nil }
    let security = translateSecurity(
      operation.security ?? document.security, schemes: schemes,
      path: operation.security == nil ? ["security"] : path + ["security"])
    var model = Operation(
      operationID: id, swiftName: swiftName, method: method, path: template,
      documentation: Documentation(summary: operation.summary, details: operation.description),
      parameters: parameters, requestBody: requestBody, success: success, errors: responses.errors,
      security: security, isDeprecated: operation.deprecated, pagination: nil, accept: responses.accept)
    model.pathSegments = pathSegments
    model.serverURL =
      operation.servers != nil
      ? operationServerURL(operation.servers, path: path + ["servers"])
      : operationServerURL(pathItem.servers, path: Array(path.dropLast()) + ["servers"])
    if let pagination = extensionValue("x-pagination", at: path) {
      model.pagination = translatePagination(pagination, operation: model, path: path + ["x-pagination"])
    }
    return model
  }

  // MARK: Parameters

  func translateParameters(
    _ operation: OpenAPI.Operation, pathItem: OpenAPI.PathItem, path: [String], typePrefix: String
  ) -> [Parameter] {
    // Path-item parameters first; an operation parameter with the same name and location
    // replaces one.
    let entries =
      pathItem.parameters.enumerated().map { ($1, Array(path.dropLast()) + ["parameters", String($0)]) }
      + operation.parameters.enumerated().map { ($1, path + ["parameters", String($0)]) }
    var byKey: [String: Int] = [:]
    var result: [Parameter] = []
    var swiftNames = NameAllocator<String>()
    for (entry, entryPath) in entries {
      guard let resolved = resolve(entry, in: document.components.parameters, kind: "parameters", path: entryPath),
        var parameter = translateParameter(resolved, typePrefix: typePrefix)
      else { continue }
      let key = parameter.location.rawValue + ":" + parameter.name
      if let index = byKey[key] {
        result[index] = parameter
        continue
      }
      let claimed = swiftNames.claim(parameter.swiftName, for: parameter.name)
      if let other = claimed.collision {
        warning(
          "the parameters \"\(other)\" and \"\(parameter.name)\" both become \(SwiftName.unescaped(parameter.swiftName)) in Swift; this one is \(claimed.name) (set x-swift-name to choose)",
          key: entryPath)
      }
      parameter.swiftName = claimed.name
      byKey[key] = result.count
      result.append(parameter)
    }
    return result
  }

  func translateParameter(_ resolved: Resolved<OpenAPI.Parameter>, typePrefix: String) -> Parameter? {
    let parameter = resolved.value
    let path = resolved.path
    let location: Parameter.Location
    switch parameter.context {
    case .path: location = .path
    case .query: location = .query
    case .header: location = .header
    case .cookie: location = .cookie
    case .querystring:
      error("unsupported: querystring parameters (\"\(parameter.name)\")", value: path + ["in"])
      return nil
    }
    let schemaContext: OpenAPI.Parameter.SchemaContext
    switch parameter.schemaOrContent {
    case .a(let context): schemaContext = context
    case .b(let content):
      return translateContentParameter(resolved, content: content, location: location, typePrefix: typePrefix)
    }
    guard let style = parameterStyle(schemaContext.style, location: location, path: path) else { return nil }
    let schemaPath = path + ["schema"]
    let typeName = resolved.componentKey.map(SwiftName.typeName) ?? typePrefix + SwiftName.typeNamePart(parameter.name)
    let schema: JSONSchema
    switch schemaContext.schema {
    case .a(let reference):
      schema = .reference(reference.jsonReference)
    case .b(let inline):
      schema = inline
    }
    var type = typeUsage(schema, path: schemaPath, name: typeName)
    if location == .query, resolveAlias(type) == .dictionary(.builtin(.json)) {
      // A free-form map in the query: its members are names and values, written as text.
      type = .dictionary(.builtin(.string))
    }
    guard let shape = parameterShape(type, style: style, location: location, name: parameter.name, path: schemaPath)
    else { return nil }
    return Parameter(
      name: parameter.name, swiftName: parameterSwiftName(parameter, path: path), location: location, type: type,
      isEnum: shape.isEnum,
      isRequired: parameter.required, style: style, explode: schemaContext.explode, isObject: shape.isObject,
      documentation: Documentation(details: parameter.description), isDeprecated: parameter.deprecated)
  }

  /// A parameter described by `content` rather than a schema: JSON is sent as JSON text, any
  /// other media type as the value's text.
  private func translateContentParameter(
    _ resolved: Resolved<OpenAPI.Parameter>, content: OpenAPI.Content.Map, location: Parameter.Location,
    typePrefix: String
  ) -> Parameter? {
    let parameter = resolved.value
    let path = resolved.path
    guard
      let chosen = chooseContent(content, path: path + ["content"], what: "parameter", isRequest: true)
    else { return nil }
    let isJSON = chosen.kind == .json
    guard !isJSON || location != .path else {
      error("unsupported: a path parameter described by JSON content (\"\(parameter.name)\")", key: chosen.path)
      return nil
    }
    let typeName = resolved.componentKey.map(SwiftName.typeName) ?? typePrefix + SwiftName.typeNamePart(parameter.name)
    let type =
      isJSON
      ? chosen.content.schema.map { typeUsage($0, path: chosen.path + ["schema"], name: typeName) } ?? .builtin(.json)
      : .builtin(.string)
    return Parameter(
      name: parameter.name, swiftName: parameterSwiftName(parameter, path: path), location: location, type: type,
      isEnum: false, isRequired: parameter.required, style: location == .path || location == .header ? .simple : .form,
      explode: false, isObject: false, documentation: Documentation(details: parameter.description),
      isDeprecated: parameter.deprecated, isJSON: isJSON)
  }

  private func parameterSwiftName(_ parameter: OpenAPI.Parameter, path: [String]) -> String {
    customMemberName(at: path) ?? SwiftName.memberName(parameter.name)
  }

  /// Follows type aliases to the type they stand for.
  func resolveAlias(_ type: TypeUsage) -> TypeUsage {
    var type = type
    var depth = 0
    while case .named(let name) = type, case .alias(let alias)? = declarations[name]?.declaration, depth < 16 {
      type = alias.type
      depth += 1
    }
    return type
  }

  /// The path template as text and path parameters, reporting a `{name}` that is no path
  /// parameter and a path parameter the template leaves out.
  func pathSegments(_ template: String, parameters: [Parameter], path: [String], reportsUndeclared: Bool)
    -> [PathSegment]
  {
    let pathParameters = parameters.filter { $0.location == .path }
    var segments: [PathSegment] = []
    var names: [String] = []
    func literal(_ text: Substring) {
      guard !text.isEmpty else { return }
      if case .literal(let previous)? = segments.last {
        segments[segments.count - 1] = .literal(previous + text)
      } else {
        segments.append(.literal(String(text)))
      }
    }
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      literal(rest[..<open])
      let name = String(rest[rest.index(after: open)..<close])
      names.append(name)
      if let parameter = pathParameters.first(where: { $0.name == name }) {
        segments.append(.parameter(swiftName: parameter.swiftName))
      } else {
        if reportsUndeclared {
          error(
            "the path parameter \"\(name)\" is not declared; add it to the operation's parameters with in: path",
            key: Array(path.dropLast()))
        }
        literal(rest[open...close])
      }
      rest = rest[rest.index(after: close)...]
    }
    literal(rest)
    for parameter in pathParameters where !names.contains(parameter.name) {
      error(
        "the path parameter \"\(parameter.name)\" does not appear in the path \(template)", key: path + ["parameters"])
    }
    return segments
  }
}

extension Parameter.Location {
  var order: Int {
    switch self {
    case .path: 0
    case .query: 1
    case .header: 2
    case .cookie: 3
    }
  }
}

extension StatusMatch {
  var isSuccess: Bool {
    switch self {
    case .code(let code): (200..<300).contains(code)
    case .range(let digit): digit == 2
    case .default: false
    }
  }

  var code: Int? {
    if case .code(let code) = self { return code }
    return nil
  }

  var text: String {
    switch self {
    case .code(let code): String(code)
    case .range(let digit): "\(digit)XX"
    case .default: "default"
    }
  }
}
