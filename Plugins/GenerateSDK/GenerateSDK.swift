import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-sdk [--target T]... [--check]`
///
/// Regenerates a target's clients from its specs, by convention: every spec in the target's
/// `specs/` folder gives one file in its `Generated/` folder (`Sources/<Target>/specs/` gives
/// `Sources/<Target>/Generated/`). Without `--target`, every target of the package that has a
/// `specs/` folder; nothing outside those `Generated/` folders is written. `--check` writes
/// nothing and fails when a `Generated/` folder differs from what its specs give.
///
/// The generator's diagnostics are passed through as it prints them,
/// `/path/to/spec.yaml:12:7: error: message`, so that the terminal and Xcode point at the spec.
@main
struct GenerateSDK: CommandPlugin {
  func performCommand(context: PluginContext, arguments: [String]) async throws {
    var extractor = ArgumentExtractor(arguments)
    let names = extractor.extractOption(named: "target")
    let check = extractor.extractFlag(named: "check") > 0
    guard extractor.remainingArguments.isEmpty else {
      throw PluginError(
        "unexpected arguments: \(extractor.remainingArguments.joined(separator: " ")); usage: generate-sdk [--target <name>]... [--check]"
      )
    }

    let targets = try Self.targets(named: names, in: context.package)
    let sdkgen = try context.tool(named: "sdkgen").url
    var failed: [String] = []
    for target in targets {
      let folder = target.directoryURL
      var arguments = [
        "generate", folder.appending(path: "specs").path(percentEncoded: false),
        "--output", folder.appending(path: "Generated").path(percentEncoded: false),
        "--import", "TelephonyWebhooks",
      ]
      if check { arguments.append("--check") }
      let before = Self.files(in: folder.appending(path: "Generated"))
      if try Self.run(sdkgen, arguments) != 0 { failed.append(target.name) }
      if Self.files(in: folder.appending(path: "Generated")) != before {
        try Self.touchManifest(of: context.package)
      }
    }
    guard failed.isEmpty else {
      throw PluginError(
        check
          ? "the generated code of \(failed.joined(separator: ", ")) differs from its specs; run generate-sdk"
          : "sdkgen failed for \(failed.joined(separator: ", ")); nothing was written for it")
    }
  }

  /// The targets named, each of which must have a `specs/` folder; or, when none is named,
  /// every source target that has one.
  static func targets(named names: [String], in package: Package) throws -> [any SourceModuleTarget] {
    func hasSpecs(_ target: any SourceModuleTarget) -> Bool {
      var isDirectory: ObjCBool = false
      let specs = target.directoryURL.appending(path: "specs").path(percentEncoded: false)
      return FileManager.default.fileExists(atPath: specs, isDirectory: &isDirectory) && isDirectory.boolValue
    }
    guard !names.isEmpty else {
      let targets = package.targets.compactMap { $0 as? any SourceModuleTarget }.filter(hasSpecs)
      if targets.isEmpty {
        throw PluginError("no target of \(package.displayName) has a specs/ folder (Sources/<Target>/specs/)")
      }
      return targets
    }
    return try package.targets(named: names).map { target in
      guard let target = target as? any SourceModuleTarget, hasSpecs(target) else {
        throw PluginError(
          "target \(target.name) has no specs/ folder at \(target.directoryURL.path(percentEncoded: false))")
      }
      return target
    }
  }

  static func files(in folder: URL) -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? [])
  }

  /// SwiftPM keeps the package's list of source files from before the plugin ran, so that the
  /// next build would not see a file that the plugin added or removed; a newer manifest makes it
  /// look again. The manifest's contents are unchanged.
  static func touchManifest(of package: Package) throws {
    let manifest = package.directoryURL.appending(path: "Package.swift").path(percentEncoded: false)
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: manifest)
  }

  /// Runs the generator with its standard output going straight to ours, and returns its exit
  /// status. Each line of its standard error is passed through as it is, in the compilers' format
  /// (`swift package` shows a plugin's output on its standard output), and each diagnostic is
  /// also emitted as the plugin's own, which `swift package` prints on standard error and Xcode
  /// shows at the spec's line.
  static func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardOutput = FileHandle.standardOutput
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let output = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    FileHandle.standardError.write(output)
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
      if let diagnostic = CompilerDiagnostic(String(line)) {
        Diagnostics.emit(diagnostic.severity, diagnostic.message, file: diagnostic.file, line: diagnostic.line)
      }
    }
    return process.terminationStatus
  }
}

/// One line of the generator's standard error: `file:line:column: error: message`, or
/// `file: error: message` for a whole file.
struct CompilerDiagnostic {
  var file: String
  var line: Int?
  var severity: Diagnostics.Severity
  var message: String

  init?(_ text: String) {
    let markers = [(": error: ", Diagnostics.Severity.error), (": warning: ", .warning)]
    guard
      let (range, severity) = markers.compactMap({ marker, severity in text.range(of: marker).map { ($0, severity) } })
        .min(by: { $0.0.lowerBound < $1.0.lowerBound })
    else { return nil }
    var location = text[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
    // `file:line:column`: the last two parts are numbers.
    if location.count >= 3, Int(location[location.count - 1]) != nil, let line = Int(location[location.count - 2]) {
      self.line = line
      location.removeLast(2)
    } else {
      line = nil
    }
    file = location.joined(separator: ":")
    self.severity = severity
    message = String(text[range.upperBound...])
  }
}

/// A failure that `swift package` prints as `error: <message>` before it exits non-zero.
struct PluginError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
