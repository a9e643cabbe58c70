import OpenAPIKit

/// Bodies: which media type of a content map an operation sends or reads, and how.
extension ModelBuilder {
  /// The row of DESIGN's table a media type falls in.
  enum MediaKind: Equatable {
    case json, form, multipart, text, binary

    init(_ mediaType: String) {
      let essence = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      let raw = essence.lowercased()
      if raw == "application/json" || (raw.hasPrefix("application/") && raw.hasSuffix("+json")) {
        self = .json
      } else if raw == "application/x-www-form-urlencoded" {
        self = .form
      } else if raw == "multipart/form-data" {
        self = .multipart
      } else if raw.hasPrefix("text/") || raw == "application/xml" || raw.hasSuffix("+xml") {
        self = .text
      } else {
        self = .binary
      }
    }

    /// How a response of this kind is read: a multipart one has no one model to decode into,
    /// so the caller reads its parts from the body, as a binary one's.
    var read: MediaKind { self == .multipart ? .binary : self }
  }

  /// One media type of a content map, chosen once for an operation.
  struct ChosenContent {
    var mediaType: String
    var kind: MediaKind
    var content: OpenAPI.Content
    /// Where the media type object is, for its `schema` and `encoding`.
    var path: [String]
    /// Every media type the map lists, in order.
    var declared: [String]
  }

  /// Takes JSON, else (for requests) a form, else the first media type listed.
  func chooseContent(_ content: OpenAPI.Content.Map, path: [String], what: String, isRequest: Bool)
    -> ChosenContent?
  {
    let declared = content.keys.map(\.rawValue)
    let kinds = declared.map(MediaKind.init)
    let index =
      kinds.firstIndex(of: .json) ?? (isRequest ? kinds.firstIndex(of: .form) : nil) ?? kinds.indices.first
    guard let index else { return nil }
    let (type, entry) = (content.keys[index], content.values[index])
    let kind = isRequest ? kinds[index] : kinds[index].read
    guard
      let resolved = resolve(
        entry, in: document.components.mediaTypes, kind: "mediaTypes", path: path + [type.rawValue])
    else { return nil }
    return ChosenContent(
      mediaType: type.rawValue, kind: kind, content: resolved.value, path: resolved.path, declared: declared)
  }

  func translateRequestBody(
    _ entry: Either<OpenAPI.Reference<OpenAPI.Request>, OpenAPI.Request>, path: [String], typePrefix: String
  ) -> RequestBody? {
    guard let resolved = resolve(entry, in: document.components.requestBodies, kind: "requestBodies", path: path),
      let chosen = chooseContent(
        resolved.value.content, path: resolved.path + ["content"], what: "request body", isRequest: true)
    else { return nil }
    let name = resolved.componentKey.map(SwiftName.typeName) ?? typePrefix + "Request"
    guard let (type, encoding) = bodyType(chosen, name: name, what: "request body") else { return nil }
    let isBinary = encoding == .binary
    return RequestBody(
      type: type, encoding: encoding,
      mediaType: encoding == .text && chosen.mediaType.contains("*") ? "text/plain" : chosen.mediaType,
      takesContentType: isBinary && (chosen.mediaType.contains("*") || chosen.declared.count > 1),
      isPlainJSON: encoding == .json && chosen.mediaType == "application/json",
      isRequired: resolved.value.required, documentation: Documentation(details: resolved.value.description))
  }

  /// The Swift type of a chosen body and how it is encoded.
  func bodyType(_ chosen: ChosenContent, name: String, what: String) -> (TypeUsage, BodyEncoding)? {
    switch chosen.kind {
    case .text:
      return (.builtin(.string), .text)
    case .binary:
      return (.builtin(.httpBody), .binary)
    case .json, .form, .multipart:
      guard let schema = chosen.content.schema else {
        // JSON without a schema is any JSON.
        if chosen.kind == .json { return (.builtin(.json), .json) }
        error("the \(what)'s \(chosen.mediaType) content has no schema", key: chosen.path)
        return nil
      }
      let schemaPath = chosen.path + ["schema"]
      let type = typeUsage(schema, path: schemaPath, name: name)
      if chosen.kind == .json { return (type, .json) }
      guard case .named(let typeName) = resolveAlias(type), case .structure? = declarations[typeName]?.declaration
      else {
        error(
          "unsupported: a \(what) of type \(chosen.mediaType) whose schema is not an object with properties",
          key: schemaPath)
        return nil
      }
      let encodings = propertyEncodings(chosen)
      return (type, chosen.kind == .form ? .form(encodings) : .multipart(encodings))
    }
  }

  /// The `encoding` entries of a form or multipart body, in the spec's order.
  private func propertyEncodings(_ chosen: ChosenContent) -> [PropertyEncoding] {
    var result: [PropertyEncoding] = []
    for (name, encoding) in chosen.content.encodingMap ?? [:] {
      let style: ParameterStyle
      switch encoding.style {
      case .form: style = .form
      case .spaceDelimited: style = .spaceDelimited
      case .pipeDelimited: style = .pipeDelimited
      case .deepObject: style = .deepObject
      default:
        error(
          "unsupported: the \(encoding.style.rawValue) style for the form property \"\(name)\"",
          value: chosen.path + ["encoding", name, "style"])
        continue
      }
      let contentType = encoding.contentTypes.map(\.rawValue).joined(separator: ", ")
      result.append(
        PropertyEncoding(
          name: name, style: style, explode: encoding.explode, contentType: contentType.isEmpty ? nil : contentType))
    }
    return result
  }
}
