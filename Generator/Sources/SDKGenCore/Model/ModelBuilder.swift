import Foundation
import OpenAPIKit

/// Turns a parsed spec into an ``APIModel``, reporting every problem it finds with the
/// location of the offending key, value or `$ref`.
///
/// Translation continues past errors so that one run reports all of them; the caller must not
/// render a model built with errors.
public final class ModelBuilder {
  let spec: ParsedSpec
  let options: ModelOptions
  var document: OpenAPI.Document { spec.document }
  var sourceMap: SourceMap { spec.sourceMap }
  var diagnostics = Diagnostics()
  /// Generated types by Swift name, with the spec path each came from.
  var declarations: [String: (declaration: TypeDeclaration, origin: [String])] = [:]
  /// The names in `declarations`, in the order they were declared, so that a skipped unit's
  /// types can be taken out again (copying `declarations` per unit would be quadratic).
  var declarationOrder: [String] = []
  /// Component schemas whose own name is reserved in a namespace, with that name.
  var reservedComponentNames: [String: String] = [:]
  /// The Swift type name of each component schema, chosen once, up front.
  var componentNames: [String: String] = [:]
  /// The component schema each of those names belongs to.
  var componentNameOwners = NameAllocator<String>()
  /// What `--skip-unsupported` left out.
  var skipped: [SkippedUnit] = []
  /// Component schemas being translated, to stop on a cycle.
  var componentsInProgress: Set<String> = []
  /// The `mutualTLS` security schemes' keys: requirements of them need nothing of the client.
  var transportSecuritySchemes: [String] = []
  /// The servers the client defaults to (see ``translateServers()``).
  var clientServers: [OpenAPI.Server] = []
  /// The inline enums met so far, by what makes them the same type.
  var enumOccurrences: [EnumSignature: [EnumOccurrence]] = [:]
  /// The enums that a first pass found at several places, each with its one type.
  var sharedEnums: [EnumSignature: SharedEnum] = [:]

  init(spec: ParsedSpec, options: ModelOptions) {
    self.spec = spec
    var options = options
    if spec.config?.skipUnsupported == true { options.skipUnsupported = true }
    self.options = options
  }

  /// Builds the model of `spec`, or returns `nil` with the errors added to `diagnostics`.
  public static func build(
    _ spec: ParsedSpec, options: ModelOptions = ModelOptions(), diagnostics: inout Diagnostics
  ) -> APIModel? {
    var builder = ModelBuilder(spec: spec, options: options)
    var model = builder.build()
    // A second pass, when the first met the same inline enum at several places: each gets one
    // type, named after all of them, so the first place met does not decide the name.
    let shared = builder.sharedEnumNames()
    if !shared.isEmpty, !builder.diagnostics.hasErrors {
      builder = ModelBuilder(spec: spec, options: options)
      builder.sharedEnums = shared
      model = builder.build()
    }
    diagnostics.append(contentsOf: builder.diagnostics)
    return builder.diagnostics.hasErrors ? nil : model
  }

  func build() -> APIModel {
    let namespace = namespaceName()
    let servers = translateServers()
    var schemes = translateSecuritySchemes()
    nameComponents(namespace: namespace)
    for key in document.components.schemas.keys {
      translateComponent(key.rawValue)
    }
    var operations = applyErrorFormats(translateOperations(schemes: schemes))
    let operationServers = nameOperationServers(&operations, clientServers: servers)
    attachExampleAnswers(&operations)
    for index in schemes.indices {
      let key = schemes[index].key
      schemes[index].isOptional = operations.contains { operation in
        operation.security.isEmpty || operation.security.contains { !$0.contains(key) }
      }
      schemes[index].parameters = Self.credentialParameters(schemes[index])
    }
    let webhooks = translateWebhooks()
    breakRecursion()
    placeDeprecations(operations: operations, webhooks: webhooks)
    checkReservedNames(namespace: namespace)
    return APIModel(
      namespace: namespace,
      specFileName: URL(fileURLWithPath: spec.path).lastPathComponent,
      documentation: Documentation(summary: document.info.title, details: document.info.description),
      servers: servers,
      defaultServer: servers.first.flatMap { $0.variables.isEmpty ? $0 : nil },
      operationServers: operationServers,
      securitySchemes: schemes,
      transportSecuritySchemes: transportSecuritySchemes,
      types: nestedDeclarations(),
      operations: operations,
      webhooks: webhooks,
      skipped: skipped
    )
  }

  /// The initializer parameters that carry a scheme's credential: optional, and `nil` by
  /// default, when some operation goes without it and the spec gives no default.
  static func credentialParameters(_ scheme: SecurityScheme) -> [CredentialParameter] {
    if scheme.kind == .basic, let password = scheme.passwordSwiftName {
      return [scheme.swiftName, password].map {
        CredentialParameter(swiftName: $0, isOptional: scheme.isOptional, defaultValue: nil)
      }
    }
    return [
      CredentialParameter(
        swiftName: scheme.swiftName, isOptional: scheme.isOptional && scheme.defaultValue == nil,
        defaultValue: scheme.defaultValue)
    ]
  }

  /// The `x-swift-name` of a property, parameter or operation, escaped when it is a keyword
  /// (`default`, `init`), so that it compiles as it is spelled.
  func customMemberName(at path: [String]) -> String? {
    (extensionValue("x-swift-name", at: path) as? String).map { SwiftName.escaped(SwiftName.unescaped($0)) }
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

  func warning(_ message: String, value path: [String]) {
    diagnostics.warning(message, at: sourceMap.value(path))
  }

  // MARK: Namespace, security

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

  /// The client initializer's own parameters, which a scheme's cannot take.
  private static let initializerParameters = ["serverURL", "transport", "middlewares", "configuration"]

  private func translateSecuritySchemes() -> [SecurityScheme] {
    var schemes: [SecurityScheme] = []
    var notes: [String: String] = [:]
    var parameterNames = NameAllocator<String>(
      reserving: Dictionary(uniqueKeysWithValues: Self.initializerParameters.map { ($0, "the client's \($0)") }))
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
      case .apiKey(let name, .cookie): kind = .apiKeyCookie(name: name)
      case .http(let httpScheme, _) where httpScheme.lowercased() == "bearer": kind = .bearer
      case .http(let httpScheme, _) where httpScheme.lowercased() == "basic": kind = .basic
      case .http(let httpScheme, _):
        // Digest, HOBA, a vendor's own: the caller computes the value, the client sends it.
        kind = .authorization(scheme: Self.authorizationScheme(httpScheme))
      case .oauth2(let flows, _):
        // The client takes the access token; obtaining it is the caller's business.
        kind = .bearer
        let tokenURL =
          flows.clientCredentials?.tokenUrl ?? flows.authorizationCode?.tokenUrl ?? flows.password?.tokenUrl
          ?? flows.deviceAuthorization?.tokenUrl
        notes[key.rawValue] =
          "An OAuth 2 access token, sent as a bearer token"
          + (tokenURL.map { "; the token URL is `\($0.absoluteString)`." } ?? ".")
      case .openIdConnect(let url):
        kind = .bearer
        notes[key.rawValue] =
          "An OpenID Connect access token, sent as a bearer token; discovery is at `\(url.absoluteString)`."
      case .mutualTLS:
        warning(
          "the mutualTLS security scheme \"\(key.rawValue)\" is the transport's: give the client a transport that presents the client certificate",
          value: path + ["type"])
        transportSecuritySchemes.append(key.rawValue)
        continue
      }
      let defaultValue = extensionValue("x-swift-default", at: path) as? String
      var swiftName = SwiftName.memberName(key.rawValue)
      var passwordSwiftName: String?
      if kind == .basic {
        // The first basic scheme takes `username` and `password`; another one its key's names
        // (`adminUsername`, `adminPassword`).
        let prefix = schemes.contains(where: { $0.kind == .basic }) ? SwiftName.camelName(key.rawValue) : ""
        let names = ["username", "password"].map { name in
          let wanted = prefix.isEmpty ? name : prefix + SwiftName.typeNamePart(name)
          let claimed = parameterNames.claim(wanted, for: key.rawValue)
          if let other = claimed.collision {
            warning(
              "the security scheme \"\(key.rawValue)\" gives the initializer parameter \(wanted), which \(other) already uses; this one is \(claimed.name)",
              key: path)
          }
          return claimed.name
        }
        swiftName = names[0]
        passwordSwiftName = names[1]
      } else {
        let claimed = parameterNames.claim(swiftName, for: key.rawValue)
        if let other = claimed.collision {
          warning(
            "the security scheme \"\(key.rawValue)\" gives the initializer parameter \(SwiftName.unescaped(swiftName)), which \(other) already uses; this one is \(SwiftName.unescaped(claimed.name))",
            key: path)
          swiftName = claimed.name
        }
      }
      schemes.append(
        SecurityScheme(
          key: key.rawValue, kind: kind, swiftName: swiftName, passwordSwiftName: passwordSwiftName,
          defaultValue: defaultValue,
          documentation: Documentation(
            details: [scheme.description, notes[key.rawValue]].compactMap { $0 }.joined(separator: "\n\n"))))
    }
    return schemes
  }

  /// An http scheme's name as the `Authorization` header writes it: `Digest`, `HOBA`, or the
  /// spec's own spelling of another.
  static func authorizationScheme(_ name: String) -> String {
    let registered = ["Digest", "HOBA", "Mutual", "Negotiate", "OAuth", "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid"]
    return registered.first { $0.lowercased() == name.lowercased() } ?? name
  }

  // MARK: Names

  /// Records a generated type under its name, or, when another spec element already has that
  /// name, under the name with a number, with a warning. Returns the name it got.
  @discardableResult
  func declare(_ declaration: TypeDeclaration, origin: [String]) -> String {
    var declaration = declaration
    let name = declaration.name
    if let existing = declarations[name], existing.origin == origin { return name }
    let owner = componentNameOwners.owner(of: name).map { ["components", "schemas", $0] }
    guard declarations[name] != nil || (owner != nil && owner != origin) else {
      declarations[name] = (declaration, origin)
      declarationOrder.append(name)
      return name
    }
    let firstOrigin = declarations[name]?.origin ?? owner ?? []
    // A numbered name this same origin declared already is its own: it is returned again.
    let unique = NameAllocator<String>.firstFree(
      name, numbered: { name + String($0) },
      isTaken: { candidate in
        (declarations[candidate] != nil || componentNameOwners.isTaken(candidate))
          && declarations[candidate]?.origin != origin
      })
    if declarations[unique]?.origin == origin { return unique }
    let first = sourceMap.key(firstOrigin)
    warning(
      "the Swift type name \(name) is already used by \(firstOrigin.joined(separator: "/")) (line \(first.line)); this one is \(unique) (set x-swift-name to choose)",
      key: origin)
    declaration.rename(unique)
    declarations[unique] = (declaration, origin)
    declarationOrder.append(unique)
    return unique
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
