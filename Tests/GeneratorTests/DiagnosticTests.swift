import Foundation
import Testing

/// Each spec in `Diagnostics/` is broken in one way (or several) and lists, in `# expect:`
/// comments at its end, the exact diagnostics `sdkgen` must print.
@Suite struct DiagnosticTests {
  static let folder = SDKGenProcess.packageRoot.appendingPathComponent("Tests/GeneratorTests/Diagnostics")

  static var specs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
      .sorted()
  }

  @Test func thereIsOneSpecPerKindOfMistake() {
    #expect(Self.specs.count >= 15)
  }

  @Test(arguments: DiagnosticTests.specs)
  func generateReportsExactDiagnosticsAndWritesNothing(_ name: String) throws {
    let spec = Self.folder.appendingPathComponent(name).path
    let expected = try String(contentsOfFile: spec, encoding: .utf8)
      .split(separator: "\n").filter { $0.hasPrefix("# expect: ") }
      .map { spec + ":" + $0.dropFirst("# expect: ".count) }
    try #require(!expected.isEmpty, "\(name) lists no expected diagnostics")
    let output = try SDKGenProcess.temporaryFolder().appendingPathComponent("out")

    let result = try SDKGenProcess.run(["generate", spec, "--output", output.path])

    #expect(result.status == 1)
    #expect(result.standardError.split(separator: "\n").map(String.init) == expected)
    #expect(!FileManager.default.fileExists(atPath: output.path), "sdkgen wrote output for a broken spec")
  }

  @Test(arguments: DiagnosticTests.specs)
  func validateExitsWithOne(_ name: String) throws {
    let result = try SDKGenProcess.run(["validate", Self.folder.appendingPathComponent(name).path])
    #expect(result.status == 1)
    #expect(result.standardError.contains(": error: "))
  }

  @Test func oneBrokenSpecStopsEveryOutputFile() throws {
    let output = try SDKGenProcess.temporaryFolder()
    let good = SDKGenProcess.packageRoot.appendingPathComponent("specs/plusofon.yaml").path
    let broken = Self.folder.appendingPathComponent("unresolved-schema-ref.yaml").path

    let result = try SDKGenProcess.run(["generate", good, broken, "--output", output.path])

    #expect(result.status == 1)
    #expect(result.standardError.contains("unresolved-schema-ref.yaml:"))
    #expect(result.standardError.contains(": error: the $ref"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
  }

  /// JSON has no comments, so the expected lines are here: a 3.0 spec in JSON is located too.
  @Test func jsonSpecDiagnosticsPointIntoTheJSON() throws {
    let spec = Self.folder.appendingPathComponent("openapi-3.0-json.json").path
    let result = try SDKGenProcess.run(["validate", spec])
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "\(spec):11:65: error: the $ref \"#/components/schemas/Calls\" does not resolve: there is no schema \"Calls\" in components/schemas (--skip-unsupported skips this operation)\n"
    )
  }

  @Test func missingFileIsAnErrorNotACrash() throws {
    let result = try SDKGenProcess.run(["validate", "/nonexistent/spec.yaml"])
    #expect(result.status == 1)
    #expect(result.standardError == "/nonexistent/spec.yaml:1:1: error: no such file\n")
  }

  @Test func fileThatIsNotTextIsAnError() throws {
    let file = try SDKGenProcess.temporaryFolder().appendingPathComponent("binary.yaml")
    try Data([0xFF, 0xFE, 0x00, 0xC3, 0x28]).write(to: file)
    let result = try SDKGenProcess.run(["validate", file.path])
    #expect(result.status == 1)
    #expect(result.standardError == "\(file.path):1:1: error: the file is not UTF-8 text\n")
  }

  @Test func validSpecsValidateWithALineEach() throws {
    let spec = SDKGenProcess.packageRoot.appendingPathComponent("specs/plusofon.yaml").path
    let result = try SDKGenProcess.run(["validate", spec])
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    #expect(result.standardOutput.hasPrefix("\(spec): OK - Plusofon: "))
    #expect(result.standardOutput.contains(" types, 3 webhooks; skipped 0 operations"))
    #expect(result.standardOutput.split(separator: "\n").count == 1)
  }
}
