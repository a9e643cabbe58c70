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
    guard declared.contains(name), let module = ImportedNames.modules[name] else { return name }
    return module + "." + name
  }

  /// A conformance list, such as `Codable, Hashable, Sendable`.
  func conformances(_ names: String...) -> String {
    names.map(spell).joined(separator: ", ")
  }
}
