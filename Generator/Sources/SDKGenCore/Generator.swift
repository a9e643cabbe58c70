import Foundation

/// One generated Swift file.
public struct GeneratedFile: Hashable, Sendable {
  /// The file name, `<Namespace>.swift`.
  public var name: String
  public var contents: String
  /// The spec it came from.
  public var specPath: String
  /// What it holds, for the command line's summary.
  public var summary: SpecSummary
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
        summary: SpecSummary(model, specPath: path, specOperations: specOperations))
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
