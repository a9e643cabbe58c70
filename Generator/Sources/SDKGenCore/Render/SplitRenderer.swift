/// A large namespace as several files (see ``FileRenderer/renderFiles(_:options:)``).
struct SplitRenderer {
  let model: APIModel
  let options: RenderOptions
  let linesPerFile: Int

  /// The files, from the model's types rendered already (one level in).
  func files(types: [String], declared: DeclaredNames) -> [(name: String, contents: String)] {
    let model = model
    let options = options
    let operations = Parallel.map(model.operations) { operation in
      FileRenderer.unit(model, options: options, declared: declared, level: 1, qualified: true) {
        OperationRenderer.render(operation, into: &$0)
      }
    }
    let operationFiles = Self.pack(operations, linesPerFile: linesPerFile)
    let modelFiles = Self.pack(types, linesPerFile: linesPerFile)
    let namespace = model.namespace
    var files = [(namespace + ".swift", mainFile(operationFiles: operationFiles.count, modelFiles: modelFiles.count))]
    for (index, units) in operationFiles.enumerated() {
      files.append(
        (
          "\(namespace)+Operations\(index + 1).swift",
          file(
            "Operations, part \(index + 1) of \(operationFiles.count)", extending: "\(namespace).Client", units)
        ))
    }
    for (index, units) in modelFiles.enumerated() {
      files.append(
        (
          "\(namespace)+Models\(index + 1).swift",
          file("Models, part \(index + 1) of \(modelFiles.count)", extending: namespace, units)
        ))
    }
    return files
  }

  /// The namespace, the client without its operations, the error bodies and the webhooks.
  private func mainFile(operationFiles: Int, modelFiles: Int) -> String {
    var writer = FileRenderer.writer(for: model, options: options)
    FileRenderer.header(model, options: options, into: &writer)
    func range(_ kind: String, _ count: Int) -> String? {
      switch count {
      case 0: nil
      case 1: "`\(model.namespace)+\(kind)1.swift`"
      default: "`\(model.namespace)+\(kind)1.swift` to `\(model.namespace)+\(kind)\(count).swift`"
      }
    }
    let parts = ["this one"] + [range("Operations", operationFiles), range("Models", modelFiles)].compactMap { $0 }
    let note = "This spec's code is in \(operationFiles + modelFiles + 1) files: \(SwiftSyntax.list(parts))."
    for line in SwiftWriter.wrap(note, width: SwiftWriter.lineWidth - 3) {
      writer.line("// " + line)
    }
    writer.line()
    FileRenderer.renderNamespace(model, client: "Client", operations: nil, into: &writer)
    FileRenderer.renderTail(model, into: &writer)
    return writer.text
  }

  /// `extension <extended> { units }` under the header, with a mark that says what part it is.
  private func file(_ title: String, extending extended: String, _ units: [String]) -> String {
    var writer = FileRenderer.writer(for: model, options: options)
    FileRenderer.header(model, options: options, into: &writer)
    writer.line("// MARK: - \(title)")
    writer.line()
    return writer.text + "extension \(extended) {\n" + units.joined(separator: "\n") + "}\n"
  }

  /// Consecutive units, in order, into groups of at most `linesPerFile` lines.
  static func pack(_ units: [String], linesPerFile: Int) -> [[String]] {
    var groups: [[String]] = []
    var current: [String] = []
    var lines = 0
    for unit in units {
      let count = FileRenderer.lineCount(unit) + 1
      if !current.isEmpty, lines + count > linesPerFile {
        groups.append(current)
        current = []
        lines = 0
      }
      current.append(unit)
      lines += count
    }
    if !current.isEmpty { groups.append(current) }
    return groups
  }
}
