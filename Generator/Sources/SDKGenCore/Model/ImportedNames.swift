/// The one table of the types generated code names without their module, and the module each
/// comes from: Swift's and Foundation's, OpenAPIRuntime's and the runtime's.
///
/// It drives both sides of a name clash. The render stage writes such a name with its module
/// (`Foundation.Data`) where the namespace declares a type of the same name (``NameScope``),
/// and the module names themselves are reserved type names (``SwiftName/isReservedTypeName(_:)``),
/// because a type called `Foundation` would hide the module and break that qualification.
enum ImportedNames {
  /// The module that holds the runtime; generated code outside it imports its `Generated` SPI.
  static let runtimeModule = "TelephonyWebhooks"

  /// The module of each type name generated code writes unqualified.
  static let modules: [String: String] = {
    var modules: [String: String] = [:]
    for name in [
      "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Void", "Codable", "Hashable", "Sendable",
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
      "Timestamp", "Secret", "JSONValue", "OpenEnum", "Indirect", "Credential", "ClientCore", "OperationRequest",
      "ServerURL", "PageSequence", "WebhookPayload", "ProviderErrorBody", "ClientConfiguration", "MultipartFile",
      "PropertyEncoding", "WebhookVerifier", "WebhookReceiver", "OperationTable", "OperationDescription",
      "UnimplementedOperation", "WebhookReceiverObserver",
    ] {
      modules[name] = runtimeModule
    }
    return modules
  }()

  /// The modules of ``modules``.
  static let moduleNames = Set(modules.values)
}
