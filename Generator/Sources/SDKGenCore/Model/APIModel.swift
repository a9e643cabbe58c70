import Foundation

/// The small intermediate representation between a parsed spec and Swift text.
///
/// Plain values only: names are Swift identifiers already chosen by ``SwiftName``, but no
/// Swift code is written here. The render stage reads this and nothing else.
public struct APIModel: Hashable, Sendable {
  /// The public namespace enum, such as `Plusofon`.
  public var namespace: String
  /// The spec file's name, for the generated file's header.
  public var specFileName: String
  public var documentation: Documentation
  public var servers: [Server]
  /// The server the client calls unless it is given another: the first of `servers`, when it
  /// has no variables to fill in.
  public var defaultServer: Server?
  /// The servers that operations name for themselves, in the order of their first operation;
  /// empty when every operation goes to the client's server.
  public var operationServers: [OperationServer] = []
  public var securitySchemes: [SecurityScheme]
  /// The `mutualTLS` schemes' keys: the transport presents the client certificate, so the
  /// client takes no credential for them.
  public var transportSecuritySchemes: [String] = []
  /// The namespace's types, sorted by name, each holding its nested types.
  public var types: [TypeDeclaration]
  /// In the spec's order.
  public var operations: [Operation]
  public var webhooks: Webhooks?
  /// What `--skip-unsupported` left out, in the spec's order.
  public var skipped: [SkippedUnit] = []

  /// Every type, the nested ones after their parent.
  public var allTypes: [TypeDeclaration] {
    types.flatMap(Self.flattened)
  }

  /// A type and every type nested in it, at any depth.
  static func flattened(_ declaration: TypeDeclaration) -> [TypeDeclaration] {
    [declaration] + declaration.nestedTypes.flatMap(flattened)
  }
}

/// A part of a spec that `--skip-unsupported` left out, and why.
public struct SkippedUnit: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case operation, webhook, schema
  }

  public var kind: Kind
  /// `GET /calls`, a webhook's key or a schema's name.
  public var name: String
  /// The first error's message.
  public var reason: String
}

/// Choices that change what the model holds.
public struct ModelOptions: Hashable, Sendable {
  /// Leave out the operations, webhooks and schemas that have errors, with a warning each,
  /// instead of failing.
  public var skipUnsupported: Bool

  public init(skipUnsupported: Bool = false) {
    self.skipUnsupported = skipUnsupported
  }
}

/// Text for a doc comment: a summary line and further paragraphs.
public struct Documentation: Hashable, Sendable {
  public var summary: String?
  public var details: String?

  public init(summary: String? = nil, details: String? = nil) {
    self.summary = summary?.trimmedNonEmpty
    self.details = details?.trimmedNonEmpty
    if self.summary == nil, let details = self.details {
      // A description alone: its first paragraph is the summary.
      let paragraphs = details.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
      self.summary = paragraphs[0].trimmedNonEmpty
      self.details = paragraphs.dropFirst().joined(separator: "\n\n").trimmedNonEmpty
    }
  }

  public var isEmpty: Bool { summary == nil && details == nil }
}

public struct Server: Hashable, Sendable {
  public var url: String
  public var documentation: Documentation
  public var variables: [ServerVariable]
  /// For a server after the first, the name of the client's static property (or, with
  /// variables, function) that gives it, such as `usServerURL`; the first is
  /// `defaultServerURL` or `serverURL(…)`.
  public var swiftName: String? = nil
}

public struct ServerVariable: Hashable, Sendable {
  public var name: String
  public var swiftName: String
  public var defaultValue: String
  public var allowedValues: [String]
  public var documentation: Documentation
}

public struct SecurityScheme: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case apiKeyHeader(name: String)
    case apiKeyQuery(name: String)
    case apiKeyCookie(name: String)
    case bearer
    case basic
    /// An `http` scheme other than basic and bearer: `Authorization: <scheme> <value>`.
    case authorization(scheme: String)
  }

  /// The key in `components.securitySchemes`.
  public var key: String
  public var kind: Kind
  /// The initializer's parameter: the key's Swift name, or the user name's for basic
  /// (`username`, or `adminUsername` for a second basic scheme keyed `admin`).
  public var swiftName: String
  /// Basic's password parameter: `password`, or `adminPassword`.
  public var passwordSwiftName: String? = nil
  /// A default for the initializer parameter (`x-swift-default`).
  public var defaultValue: String?
  /// Whether some operation can be called without it (another alternative in its `security`),
  /// so that the initializer parameter is optional.
  public var isOptional: Bool = false
  public var documentation: Documentation
  /// The client initializer's parameters that carry it: the user name's and the password's for
  /// basic, otherwise one named `swiftName`.
  public var parameters: [CredentialParameter] = []
}

/// A parameter of the client's initializer that carries a credential, or half of one.
public struct CredentialParameter: Hashable, Sendable {
  public var swiftName: String
  /// A `String?` that is `nil` by default: the credential is configured only when it is given.
  public var isOptional: Bool
  /// The value it has when the caller gives none (`x-swift-default`).
  public var defaultValue: String?
}

/// The Swift type of a property, parameter or body.
public indirect enum TypeUsage: Hashable, Sendable {
  case builtin(BuiltinType)
  /// A type generated into the namespace.
  case named(String)
  case array(TypeUsage)
  /// `[String: T]`, for `additionalProperties`.
  case dictionary(TypeUsage)
}

public enum BuiltinType: String, Hashable, Sendable {
  case string = "String"
  case int = "Int"
  case int32 = "Int32"
  case int64 = "Int64"
  case double = "Double"
  case float = "Float"
  case bool = "Bool"
  case url = "URL"
  case uuid = "UUID"
  /// The runtime's lossless date-time.
  case timestamp = "Timestamp"
  /// The runtime's redacted string, for `format: password`.
  case secret = "Secret"
  /// The runtime's any-JSON value.
  case json = "JSONValue"
  /// A file part of a multipart body (`format: binary` or `contentMediaType`).
  case multipartFile = "MultipartFile"
  /// OpenAPIRuntime's streamed body, for binary request and response bodies.
  case httpBody = "HTTPBody"
}

/// A value written in the spec (`default`, enum values), kept as data.
public indirect enum LiteralValue: Hashable, Sendable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  /// A case of a generated enum, by its Swift name.
  case enumCase(String)
  case array([LiteralValue])
}

public enum TypeDeclaration: Hashable, Sendable {
  case structure(StructDeclaration)
  case enumeration(EnumDeclaration)
  case oneOf(OneOfDeclaration)
  case alias(AliasDeclaration)

  /// The name the namespace knows it by: `Call`, or, for a nested type, its parent's name, a
  /// dot and its own name (`SendMessageRequest.Message`).
  public var name: String {
    switch self {
    case .structure(let value): value.name
    case .enumeration(let value): value.name
    case .oneOf(let value): value.name
    case .alias(let value): value.name
    }
  }

  /// The types declared inside this one.
  public var nestedTypes: [TypeDeclaration] {
    get {
      switch self {
      case .structure(let value): value.nestedTypes
      case .oneOf(let value): value.nestedTypes
      case .enumeration, .alias: []
      }
    }
    set {
      switch self {
      case .structure(var value):
        value.nestedTypes = newValue
        self = .structure(value)
      case .oneOf(var value):
        value.nestedTypes = newValue
        self = .oneOf(value)
      case .enumeration, .alias: break
      }
    }
  }

  /// Whether types can be declared inside it: a struct or a `oneOf` enum.
  var canNest: Bool {
    switch self {
    case .structure, .oneOf: true
    case .enumeration, .alias: false
    }
  }

  mutating func rename(_ name: String) {
    func renamed<Declaration: NamedDeclaration>(_ declaration: Declaration) -> Declaration {
      var declaration = declaration
      declaration.name = name
      return declaration
    }
    switch self {
    case .structure(let value): self = .structure(renamed(value))
    case .enumeration(let value): self = .enumeration(renamed(value))
    case .oneOf(let value): self = .oneOf(renamed(value))
    case .alias(let value): self = .alias(renamed(value))
    }
  }
}

/// A declaration with a Swift type name, which ``TypeDeclaration/rename(_:)`` changes.
protocol NamedDeclaration {
  var name: String { get set }
}

extension StructDeclaration: NamedDeclaration {}
extension EnumDeclaration: NamedDeclaration {}
extension OneOfDeclaration: NamedDeclaration {}
extension AliasDeclaration: NamedDeclaration {
}

public struct StructDeclaration: Hashable, Sendable {
  public var name: String
  public var documentation: Documentation
  public var properties: [Property]
  /// The value type of members beyond `properties`, kept in `additionalProperties`.
  public var additionalProperties: TypeUsage?
  /// The spec deprecates the schema. Its initializer is what is marked deprecated, not the type:
  /// a user who creates one is warned, and generated code that only names the type (a
  /// property, a parameter) is not.
  public var isDeprecated: Bool
  /// Where the provider's error messages are, when this is an error body.
  public var errorFormat: ErrorFormat?
  /// The inline types of its properties, declared inside it (`Request.Message`), sorted by name.
  public var nestedTypes: [TypeDeclaration] = []
}

public struct Property: Hashable, Sendable {
  public var jsonName: String
  public var swiftName: String
  public var type: TypeUsage
  public var isOptional: Bool
  public var defaultValue: LiteralValue?
  public var documentation: Documentation
  public var isDeprecated: Bool
  public var isReadOnly: Bool
  public var isWriteOnly: Bool
  /// Stored behind a box, because the property's type contains this struct (a recursive schema).
  public var isBoxed: Bool = false
}

extension Property {
  /// How the value is held: in the property itself, or in a private `_name` behind accessors.
  public var storage: PropertyStorage {
    if isBoxed { return .boxed(name: "_" + SwiftName.unescaped(swiftName)) }
    if isDeprecated { return .hidden(name: "_" + SwiftName.unescaped(swiftName)) }
    return .direct
  }
}

/// Where a struct keeps a property's value.
public enum PropertyStorage: Hashable, Sendable {
  /// The property is the stored value.
  case direct
  /// A deprecated property: the value lives in a private stored property of this name, so the
  /// initializer and `Codable` use no deprecated declaration.
  case hidden(name: String)
  /// A recursive schema's property: the value lives in an `Indirect` box, optional when the
  /// property is, in a private stored property of this name.
  case boxed(name: String)
}

public struct EnumDeclaration: Hashable, Sendable {
  public enum RawType: String, Hashable, Sendable {
    case string = "String"
    case int = "Int"
  }

  public var name: String
  public var documentation: Documentation
  public var rawType: RawType
  public var cases: [EnumCase]
  /// `x-swift-frozen: true`: no `unknown` case.
  public var isFrozen: Bool
  /// The spec says the provider adds values (`x-extensible-enum`); documentation only.
  public var isDocumentedAsExtensible: Bool
  public var isDeprecated: Bool
}

public struct EnumCase: Hashable, Sendable {
  public var swiftName: String
  public var rawValue: LiteralValue
  public var documentation: Documentation
}

public struct OneOfDeclaration: Hashable, Sendable {
  public var name: String
  public var documentation: Documentation
  /// The discriminator property's JSON name, if any.
  public var discriminator: String?
  public var cases: [OneOfCase]
  public var isDeprecated: Bool
  /// An `indirect enum`, because a case's type contains this enum (a recursive schema).
  public var isIndirect: Bool = false
  /// The inline types of its cases, declared inside it, sorted by name.
  public var nestedTypes: [TypeDeclaration] = []
}

public struct OneOfCase: Hashable, Sendable {
  public var swiftName: String
  public var type: TypeUsage
  /// The discriminator values that select this case.
  public var discriminatorValues: [String]
}

public struct AliasDeclaration: Hashable, Sendable {
  public var name: String
  public var documentation: Documentation
  public var type: TypeUsage
  public var isDeprecated: Bool
}

/// Where an error body carries the provider's messages and request id, as paths like
/// `errors[].message`.
public struct ErrorFormat: Hashable, Sendable {
  public var messagePaths: [String]
  public var requestIDPath: String?
}

extension String {
  var trimmedNonEmpty: String? {
    // Plain Swift rather than Foundation's `CharacterSet`, which loads ICU: a tenth of the
    // generator's start-up.
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return nil }
    return String(self[first...last])
  }
}
