/// Deprecated schemas: the user's code that uses one is warned, the generated code never.
extension ModelBuilder {
  /// A deprecated struct is marked on its initializer (see ``StructDeclaration/isDeprecated``).
  /// An enum, `oneOf` or alias has no such member: where generated code names it (a property,
  /// a case, a parameter, a body), marking it would warn in the generated code, so it is not
  /// marked and its documentation says it is deprecated instead.
  func placeDeprecations(operations: [Operation], webhooks: Webhooks?) {
    var named = Set<String>()
    func visit(_ type: TypeUsage?) {
      switch type {
      case .named(let name)?: named.insert(name)
      case .array(let element)?, .dictionary(let element)?: visit(element)
      case .builtin?, nil: break
      }
    }
    var used: [TypeUsage?] = []
    for name in declarationOrder {
      switch declarations[name]?.declaration {
      case .structure(let value)?: used += value.properties.map(\.type) + [value.additionalProperties]
      case .oneOf(let value)?: used += value.cases.map(\.type)
      case .alias(let value)?: used.append(value.type)
      case .enumeration?, nil: break
      }
    }
    for operation in operations {
      used += operation.parameters.map(\.type) + operation.errors.map(\.type)
      used += [operation.requestBody?.type, operation.pagination?.elementType]
      switch operation.success.shape {
      case .empty: break
      case .body(let body): used.append(body.type)
      case .outcomes(let outcomes): used += outcomes.cases.map { $0.body?.type }
      }
    }
    // A webhook's answer is a type its generated `register` names.
    used += webhooks?.events.map { $0.answer?.type } ?? []
    for type in used { visit(type) }
    named.formUnion(webhooks?.events.map(\.payloadType) ?? [])
    for name in named.sorted() {
      switch declarations[name]?.declaration {
      case .enumeration(let value)? where value.isDeprecated:
        declarations[name]?.declaration = .enumeration(Self.documentedAsDeprecated(value))
      case .oneOf(let value)? where value.isDeprecated:
        declarations[name]?.declaration = .oneOf(Self.documentedAsDeprecated(value))
      case .alias(let value)? where value.isDeprecated:
        declarations[name]?.declaration = .alias(Self.documentedAsDeprecated(value))
      default: break
      }
    }
  }
}

/// A declaration the spec can deprecate.
protocol DeprecatableDeclaration {
  var documentation: Documentation { get set }
  var isDeprecated: Bool { get set }
}

extension EnumDeclaration: DeprecatableDeclaration {}
extension OneOfDeclaration: DeprecatableDeclaration {}
extension AliasDeclaration: DeprecatableDeclaration {}

extension ModelBuilder {
  /// `declaration` not marked deprecated, its documentation saying that it is.
  static func documentedAsDeprecated<Declaration: DeprecatableDeclaration>(_ declaration: Declaration)
    -> Declaration
  {
    var declaration = declaration
    declaration.isDeprecated = false
    declaration.documentation = Documentation(
      summary: declaration.documentation.summary,
      details: [declaration.documentation.details, "Deprecated in the spec."].compactMap { $0 }.joined(
        separator: "\n\n"))
    return declaration
  }
}
