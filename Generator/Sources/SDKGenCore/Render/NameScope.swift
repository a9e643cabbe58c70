/// The names generated code uses besides the spec's own types, spelled so that a type the spec
/// declares in the namespace never shadows them.
///
/// Inside `extension Acme`, a schema called `Data` or `URL` is found before Foundation's, so a
/// generated `Data` would mean `Acme.Data`. Such a name is written with its module,
/// `Foundation.Data`; every other name stays as a person would write it.
struct NameScope {
  /// The module of each name generated code writes that a spec's type could shadow.
  private static let modules: [String: String] = {
    var modules: [String: String] = [:]
    for name in [
      "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Codable", "Hashable", "Sendable",
      "CaseIterable", "CodingKey", "Decoder", "Encoder", "Error",
    ] {
      modules[name] = "Swift"
    }
    for name in ["URL", "UUID", "Data"] { modules[name] = "Foundation" }
    for name in ["ClientTransport", "ClientMiddleware", "HTTPBody", "ServerTransport"] {
      modules[name] = "OpenAPIRuntime"
    }
    modules["URLSessionTransport"] = "OpenAPIURLSession"
    modules["HTTPFields"] = "HTTPTypes"
    for name in [
      "Timestamp", "Secret", "JSONValue", "OpenEnum", "ClientCore", "OperationRequest", "ServerURL",
      "PageSequence", "WebhookPayload", "ProviderErrorBody", "ClientConfiguration", "MultipartFile",
      "PropertyEncoding", "WebhookVerifier", "WebhookReceiver",
    ] {
      modules[name] = RenderOptions.runtimeModule
    }
    return modules
  }()

  /// The type names the namespace declares.
  let declared: Set<String>
  /// The namespace, when code is written outside its lexical scope: in `extension Acme.Client`
  /// (a large spec's operations files), `Acme.Call` is not found as `Call`.
  var qualifier: String?

  init(declaring declared: Set<String> = [], qualifier: String? = nil) {
    self.declared = declared
    self.qualifier = qualifier
  }

  /// A type of the namespace: `Call`, or `Acme.Call` outside the namespace's scope.
  func model(_ name: String) -> String {
    qualifier.map { $0 + "." + name } ?? name
  }

  /// `name`, or `Module.name` when the namespace declares a type of that name.
  func spell(_ name: String) -> String {
    guard declared.contains(name), let module = Self.modules[name] else { return name }
    return module + "." + name
  }

  /// A conformance list, such as `Codable, Hashable, Sendable`.
  func conformances(_ names: String...) -> String {
    names.map(spell).joined(separator: ", ")
  }
}
