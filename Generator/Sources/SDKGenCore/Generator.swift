import Foundation

/// One generated Swift file.
public struct GeneratedFile: Hashable, Sendable {
  /// The file name, `<Namespace>.swift`.
  public var name: String
  public var contents: String
  /// The spec it came from.
  public var specPath: String
  /// What it holds, for the one-line summary `sdkgen generate` prints.
  public var summary: Summary = Summary()

  public struct Summary: Hashable, Sendable {
    public var operations = 0
    /// The operations in the spec (after the config's filter).
    public var specOperations = 0
    public var types = 0
    public var webhooks = 0
    public var skipped: [SkippedUnit] = []

    /// `12 of 13 operations, 30 types, 2 webhooks; skipped 1 operation, 0 webhooks, 0 schemas`.
    public var description: String {
      func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
      let skippedCounts = SkippedUnit.Kind.allCases.map { kind in
        count(skipped.filter { $0.kind == kind }.count, kind.rawValue)
      }
      return
        "\(operations) of \(count(specOperations, "operation")), \(count(types, "type")), \(count(webhooks, "webhook")); "
        + "skipped \(skippedCounts.joined(separator: ", "))"
    }
  }
}

/// The whole pipeline: parse, model, render. Stops before rendering when any spec has errors.
public enum Generator {
  /// Generates one file per spec, or reports every problem in every spec.
  public static func generate(
    specPaths: [String], options: RenderOptions = RenderOptions(), modelOptions: ModelOptions = ModelOptions()
  ) -> (files: [GeneratedFile], diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    var models: [(APIModel, String, Int)] = []
    for path in specPaths {
      guard let spec = SpecParser.parse(path: path, diagnostics: &diagnostics),
        let model = ModelBuilder.build(spec, options: modelOptions, diagnostics: &diagnostics)
      else { continue }
      let specOperations = spec.document.paths.values.compactMap(\.b).map(\.endpoints.count).reduce(0, +)
      models.append((model, path, specOperations))
    }
    var namespaces: [String: String] = [:]
    for (model, path, _) in models {
      if let other = namespaces[model.namespace] {
        diagnostics.error(
          "the namespace \(model.namespace) is also generated from \(other); set a different info.x-swift-namespace",
          at: SourceLocation(file: path, line: 1, column: 1))
      }
      namespaces[model.namespace] = path
    }
    guard !diagnostics.hasErrors else { return ([], diagnostics) }
    let files = models.map { model, path, specOperations in
      GeneratedFile(
        name: model.namespace + ".swift", contents: FileRenderer.render(model, options: options), specPath: path,
        summary: GeneratedFile.Summary(
          operations: model.operations.count, specOperations: specOperations, types: model.types.count,
          webhooks: model.webhooks?.events.count ?? 0, skipped: model.skipped))
    }
    return (files, diagnostics)
  }

  /// The spec files named by `inputs`: files as given, folders' `.yaml`, `.yml` and `.json`
  /// files sorted, leaving out config files (`<spec>.config.yaml`).
  public static func specPaths(_ inputs: [String]) -> (paths: [String], folders: [String]) {
    var paths: [String] = []
    var folders: [String] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
        folders.append(input)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
        paths += names.filter { name in
          [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) } && !SpecConfig.isConfigFile(name)
        }.sorted()
          .map { (input as NSString).appendingPathComponent($0) }
      } else {
        paths.append(input)
      }
    }
    return (paths, folders)
  }
}
