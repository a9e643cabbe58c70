import Foundation
import Testing

/// Each spec in `Warnings/` generates, with the exact `warning:` lines listed in its
/// `# expect:` comments; a `# flags:` comment gives extra arguments, such as
/// `--skip-unsupported`.
@Suite struct WarningTests {
  static let folder = SDKGenProcess.packageRoot.appendingPathComponent("Tests/GeneratorTests/Warnings")

  static var specs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
      .sorted()
  }

  @Test(arguments: WarningTests.specs)
  func generateWarnsExactlyAndWrites(_ name: String) throws {
    let spec = Self.folder.appendingPathComponent(name).path
    let lines = try String(contentsOfFile: spec, encoding: .utf8).split(separator: "\n")
    let expected = lines.filter { $0.hasPrefix("# expect: ") }.map { spec + ":" + $0.dropFirst("# expect: ".count) }
    let flags = lines.filter { $0.hasPrefix("# flags: ") }.flatMap {
      $0.dropFirst("# flags: ".count).split(separator: " ")
    }
    .map(String.init)
    try #require(!expected.isEmpty, "\(name) lists no expected warnings")
    let output = try SDKGenProcess.temporaryFolder().appendingPathComponent("out")

    let result = try SDKGenProcess.run(["generate"] + flags + [spec, "--output", output.path])

    #expect(result.status == 0)
    #expect(result.standardError.split(separator: "\n").map(String.init) == expected)
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).count == 1)
  }

  @Test func withoutTheFlagTheSameSpecFailsAndSaysWhichFlagWouldSkip() throws {
    let spec = Self.folder.appendingPathComponent("skipped-operation.yaml").path
    let result = try SDKGenProcess.run(["generate", spec, "--output", try SDKGenProcess.temporaryFolder().path])
    #expect(result.status == 1)
    let errors = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 2)
    #expect(errors.allSatisfy { $0.contains("--skip-unsupported") })
  }

  @Test func generatePrintsOneSummaryLinePerSpec() throws {
    let spec = Self.folder.appendingPathComponent("skipped-operation.yaml").path
    let output = try SDKGenProcess.temporaryFolder()
    let result = try SDKGenProcess.run(["generate", "--skip-unsupported", spec, "--output", output.path])
    #expect(
      result.standardOutput
        == "\(spec) → \(output.path)/SkippedOperation.swift: 2 of 3 operations, 1 type, 0 webhooks; skipped 1 operation, 0 webhooks, 1 schema\n"
    )
  }
}
