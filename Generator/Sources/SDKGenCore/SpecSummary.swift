/// What one spec generates, for the one-line summary `sdkgen` prints per spec.
public struct SpecSummary: Hashable, Sendable {
  /// The spec file, as given on the command line.
  public var specPath: String
  /// The namespace, such as `Plusofon`.
  public var namespace: String
  public var operations: Int
  public var types: Int
  public var webhooks: Int

  init(_ model: APIModel, specPath: String) {
    self.specPath = specPath
    namespace = model.namespace
    operations = model.operations.count
    types = model.types.count
    webhooks = model.webhooks?.events.count ?? 0
  }

  /// `8 operations, 20 types, 3 webhooks`.
  public var counts: String {
    func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
    return [counted(operations, "operation"), counted(types, "type"), counted(webhooks, "webhook")]
      .joined(separator: ", ")
  }
}
