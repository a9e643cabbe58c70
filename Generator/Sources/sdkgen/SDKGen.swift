import ArgumentParser
import Foundation
import SDKGenCore

@main
struct SDKGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sdkgen",
    abstract: "Generates Swift clients and webhook types from OpenAPI 3.0 and 3.1 specs (YAML or JSON).",
    subcommands: [Generate.self, Validate.self]
  )
}

/// Prints diagnostics to standard error, in the compilers' format editors understand.
func report(_ diagnostics: Diagnostics) {
  for diagnostic in diagnostics.sorted {
    FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
  }
}

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Writes one <Namespace>.swift per spec into the output folder.",
    discussion: """
      Nothing is written when any spec has an error. Given a folder of specs, generated files \
      whose spec is gone are removed from the output folder.
      """
  )

  @Argument(help: "Spec files (.yaml, .yml, .json), or folders of them.")
  var inputs: [String]

  @Flag(
    help:
      "Leave out each operation, webhook or schema that has an error the generator cannot get past, with a warning, and generate the rest; a duplicated operationId is renamed from its method and path."
  )
  var skipUnsupported = false

  @Option(name: .shortAndLong, help: "The folder to write the generated Swift files into.")
  var output: String

  @Option(
    name: .customLong("import"),
    help: "A module to import in each generated file, such as TelephonyWebhooks when the output is outside that module."
  )
  var imports: [String] = []

  @Option(
    name: .customLong("regenerate-command"),
    help: """
      The command each generated file's header names for regenerating it. By default `make generate`, \
      or with --import TelephonyWebhooks the package plugin (`swift package generate-sdk`).
      """
  )
  var regenerateCommand: String?

  @Flag(help: "Write nothing; exit 1, naming each file, if the output folder differs from what the specs generate.")
  var check = false

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("Give at least one spec file or folder.") }
  }

  func run() throws {
    let (paths, folders) = Generator.specPaths(inputs)
    let (files, diagnostics) = Generator.generate(
      specPaths: paths, options: RenderOptions(additionalImports: imports, regenerateCommand: regenerateCommand),
      modelOptions: ModelOptions(skipUnsupported: skipUnsupported))
    report(diagnostics)
    guard !diagnostics.hasErrors else { throw ExitCode.failure }
    if check {
      let drift = OutputWriter.drift(of: files, in: output, removeStale: !folders.isEmpty)
      for file in drift { FileHandle.standardError.write(Data((file.description + "\n").utf8)) }
      if !drift.isEmpty { throw ExitCode.failure }
      return
    }
    do {
      try OutputWriter.write(files, to: output, removeStale: !folders.isEmpty)
    } catch {
      FileHandle.standardError.write(Data("\(output): error: \(error.localizedDescription)\n".utf8))
      throw ExitCode.failure
    }
    for file in files where file.isPrimary {
      let written = (output as NSString).appendingPathComponent(file.name)
      let others = files.filter { $0.specPath == file.specPath }.count - 1
      let more = others == 0 ? "" : " and \(others) more file\(others == 1 ? "" : "s")"
      print("\(file.specPath) → \(written)\(more): \(file.summary.description)")
    }
  }
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Checks specs without writing anything; exits 1 if any has an error.",
    discussion: "Prints one line per spec when none has an error: its namespace and what it generates."
  )

  @Argument(help: "Spec files (.yaml, .yml, .json), or folders of them.")
  var inputs: [String]

  @Flag(help: "As for generate: report what would be skipped as warnings.")
  var skipUnsupported = false

  func run() throws {
    let (paths, _) = Generator.specPaths(inputs)
    let (files, diagnostics) = Generator.generate(
      specPaths: paths, modelOptions: ModelOptions(skipUnsupported: skipUnsupported))
    report(diagnostics)
    if diagnostics.hasErrors { throw ExitCode.failure }
    for file in files where file.isPrimary {
      print("\(file.specPath): OK - \(file.summary.namespace): \(file.summary.description)")
    }
  }
}
