import OpenAPIKit

/// The `webhooks:` section: payload types and the event enum.
extension ModelBuilder {
  /// The longest webhook body a receiver accepts by default: 1 MiB, far more than a provider's
  /// event, and little enough that a flood of large requests cannot exhaust memory.
  static let webhookBodyLimit = 1_048_576

  func translateWebhooks() -> Webhooks? {
    let sources = webhookSources()
    guard !sources.isEmpty else { return nil }
    var discriminator: String?
    if let value = extensionValue("x-webhooks-discriminator", at: []) {
      guard let name = value as? String, !name.isEmpty else {
        error("x-webhooks-discriminator must name a payload property", value: ["x-webhooks-discriminator"])
        return nil
      }
      discriminator = name
    }
    var events: [WebhookEventCase] = []
    var caseNames = NameAllocator<String>()
    for (key, pathItem, path) in sources {
      let event: WebhookEventCase? = unit(.webhook, key) {
        translateWebhook(key, pathItem: pathItem, path: path, discriminator: discriminator)
      }
      guard var event else { continue }
      let claimed = caseNames.claim(event.swiftName, for: key)
      if let other = claimed.collision {
        warning(
          "the webhooks \"\(other)\" and \"\(key)\" both become the case \(SwiftName.unescaped(event.swiftName)); this one is \(claimed.name)",
          key: path)
      }
      event.swiftName = claimed.name
      events.append(event)
    }
    var payloadTypes: [String] = []
    if discriminator == nil {
      for event in events where !payloadTypes.contains(event.payloadType) {
        payloadTypes.append(event.payloadType)
      }
    }
    return Webhooks(
      discriminator: discriminator, events: events, payloadTypes: payloadTypes,
      acceptsRenamedFields: extensionValue("x-webhooks-renamable-fields", at: []) as? Bool ?? false,
      maximumBodySize: Self.webhookBodyLimit)
  }

  /// The `webhooks:` entries, then the operations' 3.0-style `callbacks:` (each callback once,
  /// however many operations name it), keyed by the callback's name.
  func webhookSources() -> [(
    key: String, pathItem: Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem>, path: [String]
  )] {
    var sources = document.webhooks.map { (key: $0.key, pathItem: $0.value, path: ["webhooks", $0.key]) }
    var seen = Set(sources.map(\.key))
    for (pathKey, entry) in document.paths {
      guard let pathItem = entry.b else { continue }
      for endpoint in pathItem.endpoints {
        let operationPath = ["paths", pathKey.rawValue, endpoint.method.rawValue.lowercased()]
        for (name, callbacks) in endpoint.operation.callbacks {
          var key = name
          var path = operationPath + ["callbacks", name]
          let resolved: OpenAPI.Callbacks
          switch callbacks {
          case .b(let inline): resolved = inline
          case .a(let reference):
            guard let component = reference.name,
              let target = document.components.callbacks[OpenAPI.ComponentKey(rawValue: component)!]?.b
            else { continue }
            key = component
            path = ["components", "callbacks", component]
            resolved = target
          }
          for (url, item) in resolved {
            let itemKey = resolved.count > 1 ? key + " " + url.template.absoluteString : key
            guard seen.insert(itemKey).inserted else { continue }
            sources.append((itemKey, item, path + [url.template.absoluteString]))
          }
        }
      }
    }
    return sources
  }

  private func translateWebhook(
    _ key: String, pathItem entry: Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem>, path: [String],
    discriminator: String?
  ) -> WebhookEventCase? {
    guard let pathItem = entry.b else {
      error("unsupported: a $ref for a whole webhook path item", key: path)
      return nil
    }
    guard let post = pathItem.post else {
      error("the webhook \"\(key)\" has no post operation; providers deliver webhooks with POST", key: path)
      return nil
    }
    guard let body = post.requestBody,
      let resolved = resolve(
        body, in: document.components.requestBodies, kind: "requestBodies", path: path + ["post", "requestBody"]),
      let (schema, schemaPath) = jsonSchema(
        resolved.value.content, path: resolved.path + ["content"], what: "webhook payload")
    else {
      if post.requestBody == nil {
        error("the webhook \"\(key)\" has no requestBody to describe its payload", key: path + ["post"])
      }
      return nil
    }
    let type = typeUsage(schema, path: schemaPath, name: SwiftName.typeNamePart(key) + "Payload")
    guard case .named(let payloadType) = type, let declaration = declarations[payloadType]?.declaration,
      declaration.isStructOrOneOf
    else {
      error("the webhook \"\(key)\" payload must be an object schema", key: schemaPath)
      return nil
    }
    if let discriminator {
      guard case .structure(let payload) = declaration else {
        error("the webhook \"\(key)\" payload must be an object schema", key: schemaPath)
        return nil
      }
      if !payload.properties.contains(where: { $0.jsonName == discriminator }) {
        error(
          "the payload \(payloadType) of webhook \"\(key)\" has no property \"\(discriminator)\" (x-webhooks-discriminator)",
          key: path)
      }
    }
    let swiftName = SwiftName.memberName(key)
    if SwiftName.unescaped(swiftName) == "unknown" {
      error("the webhook \"unknown\" collides with the event enum's unknown case", key: path)
    }
    return WebhookEventCase(
      key: key, swiftName: swiftName, payloadType: payloadType,
      documentation: Documentation(summary: post.summary, details: post.description))
  }
}

extension TypeDeclaration {
  var isStructOrOneOf: Bool {
    switch self {
    case .structure, .oneOf: true
    case .enumeration, .alias: false
    }
  }
}
