import OpenAPIKit

/// Request bodies: the media type and schema of what an operation sends.
extension ModelBuilder {
  /// The JSON schema of a content map, or an error when it has no JSON.
  func jsonSchema(_ content: OpenAPI.Content.Map, path: [String], what: String) -> (JSONSchema, [String])? {
    for (type, entry) in content {
      let raw = type.rawValue.lowercased()
      if raw == "application/json" || (raw.hasPrefix("application/") && raw.hasSuffix("+json")) {
        guard
          let resolved = resolve(
            entry, in: document.components.mediaTypes, kind: "mediaTypes", path: path + [type.rawValue])
        else {
          return nil
        }
        guard let schema = resolved.value.schema else {
          error("the \(what)'s JSON content has no schema", key: path + [type.rawValue])
          return nil
        }
        return (schema, resolved.path + ["schema"])
      }
    }
    let types = content.keys.map(\.rawValue).joined(separator: ", ")
    error(
      "unsupported: a \(what) of type \(types); only application/json is supported",
      key: path + [content.keys.first?.rawValue ?? ""])
    return nil
  }

  func translateRequestBody(
    _ entry: Either<OpenAPI.Reference<OpenAPI.Request>, OpenAPI.Request>, path: [String], typePrefix: String
  ) -> RequestBody? {
    guard let resolved = resolve(entry, in: document.components.requestBodies, kind: "requestBodies", path: path),
      let (schema, schemaPath) = jsonSchema(
        resolved.value.content, path: resolved.path + ["content"], what: "request body")
    else { return nil }
    let name = resolved.componentKey.map(SwiftName.typeName) ?? typePrefix + "Request"
    return RequestBody(
      type: typeUsage(schema, path: schemaPath, name: name), isRequired: resolved.value.required,
      documentation: Documentation(details: resolved.value.description))
  }
}
