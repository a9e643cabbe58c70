/// Doc comments for what the spec leaves undescribed.
extension ModelBuilder {
  /// Says where a schema without a description comes from: a component by its name, an inline
  /// schema by its place in the spec.
  static func undocumentedSummary(_ path: [String]) -> String {
    if path.count == 3, path[0] == "components", path[1] == "schemas" {
      return "The component schema `\(path[2])` of the spec."
    }
    return "The inline schema at `#/\(path.joined(separator: "/"))` in the spec."
  }
}
