import OpenAPIKit

/// The `webhooks:` section: payload types and the event enum.
extension ModelBuilder {
  /// The longest webhook body a receiver accepts by default: 1 MiB, far more than a provider's
  /// event, and little enough that a flood of large requests cannot exhaust memory.
  static let webhookBodyLimit = 1_048_576

  func translateWebhooks() -> Webhooks? {
    let sources = webhookSources()
    guard !sources.isEmpty else { return nil }
    var named: [String]?
    if let value = extensionValue("x-webhooks-discriminator", at: []) {
      guard let text = value as? String, let path = Self.propertyPath(text) else {
        error(
          "x-webhooks-discriminator must name a payload property, or a dotted path of them such as data.event_type",
          value: ["x-webhooks-discriminator"])
        return nil
      }
      named = path
    }
    // The config names the path for a vendor's spec that cannot be edited; it was checked on load.
    if let text = spec.config?.webhooks?.discriminator { named = Self.propertyPath(text) }
    var events: [WebhookEventCase] = []
    var properties: [[[String]: [String]]] = []
    var caseNames = NameAllocator<String>()
    for (key, pathItem, path) in sources {
      let translated: (WebhookEventCase, [[String]: [String]])? = unit(.webhook, key) {
        translateWebhook(key, pathItem: pathItem, path: path, discriminator: named)
      }
      guard let (translatedEvent, found) = translated else { continue }
      var event = translatedEvent
      let claimed = caseNames.claim(event.swiftName, for: key)
      if let other = claimed.collision {
        warning(
          "the webhooks \"\(other)\" and \"\(key)\" both become the case \(SwiftName.unescaped(event.swiftName)); this one is \(claimed.name)",
          key: path)
      }
      event.swiftName = claimed.name
      events.append(event)
      properties.append(found)
    }
    let inferred = named == nil ? inferDiscriminator(events, properties: properties) : nil
    if let discriminator = named ?? inferred?.path {
      for (index, values) in Self.discriminatingValues(at: discriminator, properties)
      where named != nil || events[index].answer == inferred?.answer {
        events[index].values = values
      }
      // A named path gathers every webhook; one without values of its own is told by its key.
      if named != nil {
        for index in events.indices where events[index].values.isEmpty { events[index].values = [events[index].key] }
      }
    }
    // A route answers with one type: a webhook that answers otherwise than the first on its
    // route is an error (skipped with --skip-unsupported).
    var dropped: Set<String> = []
    for event in events {
      let onEnum = !event.values.isEmpty
      guard
        let first = events.first(where: {
          onEnum ? !$0.values.isEmpty : $0.values.isEmpty && $0.payloadType == event.payloadType
        }),
        !sharesAnswer(event, with: first, route: onEnum ? "one route" : "the payload \(event.payloadType)")
      else { continue }
      dropped.insert(event.key)
    }
    events.removeAll { dropped.contains($0.key) }
    let enumEvents = events.filter { !$0.values.isEmpty }
    return Webhooks(
      discriminator: enumEvents.isEmpty ? nil : named ?? inferred?.path, events: events,
      eventFormats: Self.union(enumEvents.map(\.formats)), eventAnswer: enumEvents.first?.answer,
      payloadDecoders: payloadDecoders(events.filter { $0.values.isEmpty }),
      acceptsRenamedFields: extensionValue("x-webhooks-renamable-fields", at: []) as? Bool ?? false,
      maximumBodySize: Self.webhookBodyLimit)
  }

  /// `data.event_type` as `["data", "event_type"]`; `nil` when a name is empty.
  static func propertyPath(_ text: String) -> [String]? {
    let names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    return names.contains(where: \.isEmpty) ? nil : names
  }

  /// The formats of several webhooks, JSON first.
  static func union(_ formats: [[WebhookFormat]]) -> [WebhookFormat] {
    [WebhookFormat.json, .form].filter { format in formats.contains { $0.contains(format) } }
  }

  /// One decoder per payload type of the webhooks outside the event enum, in the spec's order.
  private func payloadDecoders(_ events: [WebhookEventCase]) -> [WebhookPayloadDecoder] {
    var decoders: [WebhookPayloadDecoder] = []
    for event in events {
      guard let index = decoders.firstIndex(where: { $0.payloadType == event.payloadType }) else {
        decoders.append(
          WebhookPayloadDecoder(
            payloadType: event.payloadType, keys: [event.key], formats: event.formats, answer: event.answer))
        continue
      }
      decoders[index].keys.append(event.key)
      decoders[index].formats = Self.union([decoders[index].formats, event.formats])
    }
    return decoders
  }

  /// Whether `event` answers as `first`, the first webhook on its route; an error (which
  /// --skip-unsupported makes a skipped webhook) when it does not.
  private func sharesAnswer(_ event: WebhookEventCase, with first: WebhookEventCase, route: String) -> Bool {
    guard event.answer != first.answer else { return true }
    let kept: Bool? = unit(.webhook, event.key) {
      error(
        "the webhooks \"\(first.key)\" and \"\(event.key)\" share \(route) but answer with different content; a route answers with one type",
        key: ["webhooks", event.key])
      return true
    }
    return kept != nil
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
              let target = document.components.callbacks[OpenAPI.ComponentKey(componentName: component)!]?.b
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

  /// The webhook, and its payload's properties by path with the values each allows (see
  /// ``propertyValues(_:prefix:depth:into:)``).
  private func translateWebhook(
    _ key: String, pathItem entry: Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem>, path: [String],
    discriminator: [String]?
  ) -> (WebhookEventCase, [[String]: [String]])? {
    guard let pathItem = entry.b else {
      error("unsupported: a $ref for a whole webhook path item", key: path)
      return nil
    }
    guard let post = pathItem.post else {
      error("the webhook \"\(key)\" has no post operation; providers deliver webhooks with POST", key: path)
      return nil
    }
    guard let body = post.requestBody else {
      error("the webhook \"\(key)\" has no requestBody to describe its payload", key: path + ["post"])
      return nil
    }
    guard
      let resolved = resolve(
        body, in: document.components.requestBodies, kind: "requestBodies", path: path + ["post", "requestBody"]),
      let chosen = chooseContent(
        resolved.value.content, path: resolved.path + ["content"], what: "webhook payload", isRequest: true)
    else { return nil }
    guard chosen.kind == .json || chosen.kind == .form else {
      error(
        "unsupported: a webhook payload of type \(chosen.mediaType); only JSON and application/x-www-form-urlencoded are supported",
        key: chosen.path)
      return nil
    }
    guard let schema = chosen.content.schema else {
      error("the webhook payload's \(chosen.mediaType) content has no schema", key: chosen.path)
      return nil
    }
    let schemaPath = chosen.path + ["schema"]
    let type = typeUsage(schema, path: schemaPath, name: SwiftName.typeNamePart(key) + "Payload")
    guard case .named(let payloadType) = type, let declaration = declarations[payloadType]?.declaration,
      declaration.isStructOrOneOf, chosen.kind == .json || declaration.isStructure
    else {
      error("the webhook \"\(key)\" payload must be an object schema", key: schemaPath)
      return nil
    }
    let answer = webhookAnswer(post.responses, path: path + ["post", "responses"], key: key)
    guard answer != .invalid else { return nil }
    let swiftName = SwiftName.memberName(key)
    if SwiftName.unescaped(swiftName) == "unknown" {
      error("the webhook \"unknown\" collides with the event enum's unknown case", key: path)
    }
    let kinds = chosen.declared.map(MediaKind.init)
    let event = WebhookEventCase(
      key: key, swiftName: swiftName, payloadType: payloadType, values: [],
      formats: Self.union([kinds.contains(.json) ? [.json] : [], kinds.contains(.form) ? [.form] : []]),
      answer: answer.body, documentation: Documentation(summary: post.summary, details: post.description))
    var found: [[String]: [String]] = [:]
    propertyValues(schema, prefix: [], depth: 0, into: &found)
    // A form body is flat: only its top-level names can tell events apart.
    if !event.formats.contains(.json) { found = found.filter { $0.key.count == 1 } }
    if let discriminator, found[discriminator] == nil {
      error(
        "the payload \(payloadType) of webhook \"\(key)\" has no property \"\(discriminator.joined(separator: "."))\" (x-webhooks-discriminator)",
        key: path)
    }
    return (event, found)
  }

  enum WebhookAnswerBody: Equatable {
    case none, invalid
    case body(ResponseBody)

    var body: ResponseBody? {
      if case .body(let body) = self { return body }
      return nil
    }
  }

  /// The content of the webhook's first 2xx response that has some: what its handler returns.
  private func webhookAnswer(_ responses: OpenAPI.Response.Map, path: [String], key: String) -> WebhookAnswerBody {
    for (status, entry) in responses where Self.statusMatch(status).isSuccess {
      guard
        let resolved = resolve(
          entry, in: document.components.responses, kind: "responses", path: path + [status.rawValue])
      else { return .invalid }
      guard !resolved.value.content.isEmpty else { continue }
      let contentPath = resolved.path + ["content"]
      guard
        let body = responseBody(resolved.value.content, path: contentPath, name: SwiftName.typeNamePart(key) + "Answer")
      else { return .invalid }
      guard body.encoding == .json || body.encoding == .text else {
        error(
          "unsupported: a webhook answer of type \(body.mediaTypes.first ?? "?"); a receiver answers with JSON, text or XML",
          key: contentPath)
        return .invalid
      }
      return .body(body)
    }
    return .none
  }
}

extension TypeDeclaration {
  var isStructure: Bool {
    if case .structure = self { return true }
    return false
  }

  var isStructOrOneOf: Bool {
    switch self {
    case .structure, .oneOf: true
    case .enumeration, .alias: false
    }
  }
}
