import OpenAPIKit

/// The `webhooks:` section: payload types and the event enum.
extension ModelBuilder {
  func translateWebhooks() -> Webhooks? {
    guard !document.webhooks.isEmpty else { return nil }
    var discriminator: String?
    if let value = extensionValue("x-webhooks-discriminator", at: []) {
      guard let name = value as? String, !name.isEmpty else {
        error("x-webhooks-discriminator must name a payload property", value: ["x-webhooks-discriminator"])
        return nil
      }
      discriminator = name
    }
    var events: [WebhookEventCase] = []
    var caseNames: [String: String] = [:]
    for (key, entry) in document.webhooks {
      let path = ["webhooks", key]
      guard let pathItem = entry.b else {
        error("unsupported: a $ref for a whole webhook path item", key: path)
        continue
      }
      guard let post = pathItem.post else {
        error("the webhook \"\(key)\" has no post operation; providers deliver webhooks with POST", key: path)
        continue
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
        continue
      }
      let type = typeUsage(schema, path: schemaPath, name: SwiftName.typeName(key) + "Payload")
      guard case .named(let payloadType) = type, case .structure(let payload)? = declarations[payloadType]?.declaration
      else {
        error("the webhook \"\(key)\" payload must be an object schema", key: schemaPath)
        continue
      }
      if let discriminator, !payload.properties.contains(where: { $0.jsonName == discriminator }) {
        error(
          "the payload \(payloadType) of webhook \"\(key)\" has no property \"\(discriminator)\" (x-webhooks-discriminator)",
          key: path)
      }
      let swiftName = SwiftName.memberName(key)
      if let other = caseNames[swiftName] {
        error("the webhooks \"\(other)\" and \"\(key)\" both become the case \(swiftName)", key: path)
      }
      if SwiftName.unescaped(swiftName) == "unknown" {
        error("the webhook \"unknown\" collides with the event enum's unknown case", key: path)
      }
      caseNames[swiftName] = key
      events.append(
        WebhookEventCase(
          key: key, swiftName: swiftName, payloadType: payloadType,
          documentation: Documentation(summary: post.summary, details: post.description)))
    }
    var payloadTypes: [String] = []
    if discriminator == nil {
      for event in events where !payloadTypes.contains(event.payloadType) {
        payloadTypes.append(event.payloadType)
      }
    }
    return Webhooks(
      discriminator: discriminator, events: events, payloadTypes: payloadTypes,
      acceptsRenamedFields: extensionValue("x-webhooks-renamable-fields", at: []) as? Bool ?? false)
  }
}
