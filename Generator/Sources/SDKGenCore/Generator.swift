import Foundation

/// One generated Swift file.
public struct GeneratedFile: Hashable, Sendable {
  /// The file name, `<Namespace>.swift`.
  public var name: String
  public var contents: String
  /// The spec it came from.
  public var specPath: String
  /// What its spec generates, for the command line's summary.
  public var summary: SpecSummary
  /// Whether it is the first of its spec's files (`<Namespace>.swift`), whose path the summary
  /// line names.
  public var isPrimary = true
}

/// The whole pipeline, each stage handing one typed value to the next: parse
/// (``SpecParser/locate(text:path:diagnostics:)``, a ``LocatedDocument``), normalize
/// (``Normalizer``, a ``ParsedSpec`` in OpenAPI 3.1 with its config applied), model
/// (``ModelBuilder``, an ``APIModel``), then render (``FileRenderer``, with ``RenderOptions``),
/// leaving the writing to ``OutputWriter``. Stops before rendering when any spec has errors.
public enum Generator {
  /// Generates each spec's files (one, or several for a large spec), or reports every problem in every spec.
  public static func generate(
    specPaths: [String], options: RenderOptions = RenderOptions(), modelOptions: ModelOptions = ModelOptions()
  ) -> (files: [GeneratedFile], diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    var models: [(APIModel, String, RenderOptions)] = []
    for path in specPaths {
      guard let spec = SpecParser.parse(path: path, validating: false, diagnostics: &diagnostics) else { continue }
      // OpenAPIKit's validation walks the whole document (a fifth of the time of a large spec);
      // it only adds diagnostics, so it runs on another core beside the model stage.
      let (validation, built) = Parallel.pair(
        {
          var found = Diagnostics()
          SpecParser.validate(spec, diagnostics: &found)
          return found
        },
        {
          var found = Diagnostics()
          let model = ModelBuilder.build(spec, options: modelOptions, diagnostics: &found)
          return (model, found)
        })
      diagnostics.append(contentsOf: validation)
      diagnostics.append(contentsOf: built.1)
      guard let model = built.0, !validation.hasErrors else { continue }
      var specOptions = options
      if let lines = spec.config?.linesPerFile { specOptions.linesPerFile = lines }
      models.append((model, path, specOptions))
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
    let files = models.flatMap { model, path, options in
      let summary = SpecSummary(model, specPath: path)
      return FileRenderer.renderFiles(model, options: options).enumerated().map { index, file in
        GeneratedFile(
          name: file.name, contents: file.contents, specPath: path, summary: summary, isPrimary: index == 0)
      }
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
