/// The names generated code uses besides the spec's own types, spelled so that a type the spec
/// declares in the namespace never shadows them.
///
/// Inside `extension Acme`, a schema called `Data` or `URL` is found before Foundation's, so a
/// generated `Data` would mean `Acme.Data`. Such a name is written with its module,
/// `Foundation.Data`; every other name stays as a person would write it. Which module a name
/// comes from is ``ImportedNames``.
struct NameScope {
  /// The type names the namespace declares.
  let declared: Set<String>
  /// The namespace, when code is written outside its lexical scope: in `extension Acme.Client`
  /// (a large spec's operations files), `Acme.Call` is not found as `Call`.
  var qualifier: String?
  /// The namespace, and the own names of the types nested in its types: inside `Message`, a
  /// nested `Status` hides the namespace's `Status`, so that one is written `Acme.Status`.
  var namespace: String?
  var nested: Set<String>

  init(
    declaring declared: Set<String> = [], qualifier: String? = nil, namespace: String? = nil,
    nested: Set<String> = []
  ) {
    self.declared = declared
    self.qualifier = qualifier
    self.namespace = namespace
    self.nested = nested
  }

  /// A type of the namespace: `Call`, or `Acme.Call` outside the namespace's scope or where a
  /// nested type of the same name could hide it.
  func model(_ name: String) -> String {
    if let qualifier { return qualifier + "." + name }
    let first = name.prefix { $0 != "." }
    guard let namespace, nested.contains(String(first)) else { return name }
    return namespace + "." + name
  }

  /// `name`, or `Module.name` when the namespace declares a type of that name.
  func spell(_ name: String) -> String {
    guard declared.contains(name), let module = ImportedNames.modules[name] else { return name }
    return module + "." + name
  }

  /// A conformance list, such as `Codable, Hashable, Sendable`.
  func conformances(_ names: String...) -> String {
    names.map(spell).joined(separator: ", ")
  }
}
