import Foundation
import OpenAPIKit

/// Turns a parsed spec into an ``APIModel``, reporting every problem it finds with the
/// location of the offending key, value or `$ref`.
///
/// Translation continues past errors so that one run reports all of them; the caller must not
/// render a model built with errors.
public final class ModelBuilder {
  let spec: ParsedSpec
  var document: OpenAPI.Document { spec.document }
  var sourceMap: SourceMap { spec.sourceMap }
  var diagnostics = Diagnostics()
  /// Generated types by Swift name, with the spec path each came from.
  var declarations: [String: (declaration: TypeDeclaration, origin: [String])] = [:]
  /// Which component schema each Swift type name was given to.
  var componentOwners: [String: String] = [:]
  /// Components already reported as colliding, to report each once.
  var reportedCollisions: Set<String> = []
  /// Component schemas being translated, to stop on a cycle.
  var componentsInProgress: Set<String> = []

  init(spec: ParsedSpec) {
    self.spec = spec
  }

  /// Builds the model of `spec`, or returns `nil` with the errors added to `diagnostics`.
  public static func build(_ spec: ParsedSpec, diagnostics: inout Diagnostics) -> APIModel? {
    let builder = ModelBuilder(spec: spec)
    let model = builder.build()
    diagnostics.append(contentsOf: builder.diagnostics)
    return builder.diagnostics.hasErrors ? nil : model
  }

  func build() -> APIModel {
    let namespace = namespaceName()
    let servers = translateServers()
    let schemes = translateSecuritySchemes()
    for key in document.components.schemas.keys {
      _ = componentType(key.rawValue, at: ["components", "schemas", key.rawValue])
    }
    let operations = applyErrorFormats(translateOperations(schemes: schemes))
    let webhooks = translateWebhooks()
    checkReservedNames(namespace: namespace)
    return APIModel(
      namespace: namespace,
      specFileName: URL(fileURLWithPath: spec.path).lastPathComponent,
      documentation: Documentation(summary: document.info.title, details: document.info.description),
      servers: servers,
      securitySchemes: schemes,
      types: declarations.values.map(\.declaration).sorted { $0.name < $1.name },
      operations: operations,
      webhooks: webhooks
    )
  }

  /// A vendor extension of the object at `path` (see ``VendorExtensions``).
  func extensionValue(_ name: String, at path: [String]) -> Any? {
    spec.extensions.value(name, at: path)
  }

  // MARK: Diagnostics

  func error(_ message: String, key path: [String]) {
    diagnostics.error(message, at: sourceMap.key(path))
  }

  func error(_ message: String, value path: [String]) {
    diagnostics.error(message, at: sourceMap.value(path))
  }

  func warning(_ message: String, key path: [String]) {
    diagnostics.warning(message, at: sourceMap.key(path))
  }

  // MARK: Namespace, servers, security

  private func namespaceName() -> String {
    if let value = extensionValue("x-swift-namespace", at: ["info"]) {
      guard let name = value as? String, isIdentifier(name) else {
        error("x-swift-namespace must be a Swift type name", value: ["info", "x-swift-namespace"])
        return "API"
      }
      return name
    }
    return SwiftName.typeName(spec.baseName)
  }

  func isIdentifier(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_" else { return false }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      && !SwiftName.keywords.contains(name)
  }

  private func translateServers() -> [Server] {
    document.servers.enumerated().map { index, server in
      let path = ["servers", String(index)]
      let variables = server.variables.map { name, variable in
        ServerVariable(
          name: name, swiftName: SwiftName.memberName(name), defaultValue: variable.default,
          allowedValues: variable.enum ?? [], documentation: Documentation(details: variable.description))
      }
      let url = server.urlTemplate.absoluteString
      if variables.isEmpty, !url.contains("{"), URL(string: url)?.scheme == nil {
        error("the server URL \"\(url)\" is not an absolute URL", value: path + ["url"])
      }
      return Server(url: url, documentation: Documentation(details: server.description), variables: variables)
    }
  }

  private func translateSecuritySchemes() -> [SecurityScheme] {
    var schemes: [SecurityScheme] = []
    for (key, entry) in document.components.securitySchemes {
      let path = ["components", "securitySchemes", key.rawValue]
      guard let scheme = entry.b else {
        error("a security scheme must be written out, not a $ref", key: path)
        continue
      }
      let kind: SecurityScheme.Kind
      switch scheme.type {
      case .apiKey(let name, .header): kind = .apiKeyHeader(name: name)
      case .apiKey(let name, .query): kind = .apiKeyQuery(name: name)
      case .apiKey(_, .cookie):
        error("unsupported: apiKey security schemes in a cookie", key: path + ["in"])
        continue
      case .http(let httpScheme, _) where httpScheme.lowercased() == "bearer": kind = .bearer
      case .http(let httpScheme, _) where httpScheme.lowercased() == "basic": kind = .basic
      case .http(let httpScheme, _):
        error("unsupported: the http security scheme \"\(httpScheme)\"; use basic or bearer", value: path + ["scheme"])
        continue
      case .oauth2, .openIdConnect, .mutualTLS:
        error(
          "unsupported: \(scheme.type.name.rawValue) security schemes; use apiKey, http basic or http bearer",
          value: path + ["type"])
        continue
      }
      let defaultValue = extensionValue("x-swift-default", at: path) as? String
      let swiftName = kind == .basic ? "username" : SwiftName.memberName(key.rawValue)
      if schemes.contains(where: { $0.swiftName == swiftName }) {
        error(
          "the security scheme \"\(key.rawValue)\" gives the initializer parameter \(swiftName), which another scheme already uses",
          key: path)
      }
      schemes.append(
        SecurityScheme(
          key: key.rawValue, kind: kind, swiftName: swiftName, defaultValue: defaultValue,
          documentation: Documentation(details: scheme.description)))
    }
    return schemes
  }

  // MARK: Names

  /// Records a generated type, reporting a collision with another spec element's type.
  func declare(_ declaration: TypeDeclaration, origin: [String]) {
    if let existing = declarations[declaration.name] {
      if existing.origin != origin {
        let first = sourceMap.key(existing.origin)
        error(
          "the Swift type name \(declaration.name) is already used by \(existing.origin.joined(separator: "/")) (line \(first.line)); rename one of them or set x-swift-name",
          key: origin)
      }
      return
    }
    declarations[declaration.name] = (declaration, origin)
  }

  /// A type name the generated namespace cannot hold, such as an `x-swift-name` of `Client`.
  private func checkReservedNames(namespace: String) {
    for (name, existing) in declarations.sorted(by: { $0.key < $1.key }) where SwiftName.isReservedTypeName(name) {
      error(
        "the Swift type name \(SwiftName.unescaped(name)) is reserved in the generated \(namespace); set x-swift-name to another name",
        key: existing.origin)
    }
  }
}
