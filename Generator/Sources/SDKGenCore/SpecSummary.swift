/// What one spec generates, for the one-line summary `sdkgen` prints per spec.
public struct SpecSummary: Hashable, Sendable {
  /// The spec file, as given on the command line.
  public var specPath: String
  /// The namespace, such as `Plusofon`.
  public var namespace: String
  public var operations: Int
  public var types: Int
  public var webhooks: Int
  /// The operations in the spec (after its config's filter), generated or not.
  public var specOperations: Int
  /// What `--skip-unsupported` left out.
  public var skipped: [SkippedUnit]

  init(_ model: APIModel, specPath: String) {
    specOperations = model.operations.count + model.skipped.filter { $0.kind == .operation }.count
    skipped = model.skipped
    self.specPath = specPath
    namespace = model.namespace
    operations = model.operations.count
    types = model.allTypes.count
    webhooks = model.webhooks?.events.count ?? 0
  }

  /// `12 of 13 operations, 30 types, 2 webhooks; skipped 1 operation, 0 webhooks, 0 schemas`.
  public var description: String {
    func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
    let skippedCounts = SkippedUnit.Kind.allCases.map { kind in
      counted(skipped.filter { $0.kind == kind }.count, kind.rawValue)
    }
    return
      "\(operations) of \(counted(specOperations, "operation")), \(counted(types, "type")), \(counted(webhooks, "webhook")); "
      + "skipped \(skippedCounts.joined(separator: ", "))"
  }
}
