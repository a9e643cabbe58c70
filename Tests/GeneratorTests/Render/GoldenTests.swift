import Foundation
import Testing

@testable import SDKGenCore

/// Generates each fixture spec and compares the whole file with the checked-in golden file next
/// to it. Record new golden files with `make golden`, and review the diff.
@Suite struct GoldenTests {
  static let root = SDKGenProcess.packageRoot

  @Test(arguments: [
    ("Tests/Fixtures/kitchen-sink.yaml", "Tests/Fixtures/KitchenSink.swift"),
    ("Tests/Fixtures/voxline.yaml", "Tests/Fixtures/Voxline.swift"),
    ("Tests/Fixtures/callwire.json", "Tests/Fixtures/Callwire.swift"),
  ])
  func fixtureMatchesGoldenFile(_ spec: String, _ golden: String) throws {
    let (files, diagnostics) = Generator.generate(
      specPaths: [Self.root.appendingPathComponent(spec).path],
      options: RenderOptions(additionalImports: ["TelephonyWebhooks"]))
    #expect(diagnostics.all.isEmpty)
    let file = try #require(files.first)
    let expected = try String(contentsOf: Self.root.appendingPathComponent(golden), encoding: .utf8)
    #expect(file.contents == expected, "run `make golden` and review the diff")
  }

  @Test(arguments: ["Api4Com", "Plusofon", "Thulium"])
  func providerClientMatchesCheckedInCode(_ namespace: String) throws {
    let spec = Self.root.appendingPathComponent("specs/\(namespace.lowercased()).yaml").path
    let (files, diagnostics) = Generator.generate(specPaths: [spec])
    #expect(!diagnostics.hasErrors)
    let file = try #require(files.first)
    #expect(file.name == "\(namespace).swift")
    let checkedIn = try String(
      contentsOf: Self.root.appendingPathComponent("Sources/TelephonyWebhooks/Generated/\(namespace).swift"),
      encoding: .utf8)
    #expect(file.contents == checkedIn, "run `make generate` and commit the result")
  }

  @Test func generationIsDeterministic() throws {
    let specs = ["specs/api4com.yaml", "specs/plusofon.yaml", "specs/thulium.yaml", "Tests/Fixtures/kitchen-sink.yaml"]
      .map { Self.root.appendingPathComponent($0).path }
    let first = Generator.generate(specPaths: specs).files
    let second = Generator.generate(specPaths: specs).files
    #expect(first.count == 4)
    #expect(first == second)
  }

  @Test func typesAreSortedByName() throws {
    let spec = Self.root.appendingPathComponent("Tests/Fixtures/kitchen-sink.yaml").path
    var diagnostics = Diagnostics()
    let parsed = try #require(SpecParser.parse(path: spec, diagnostics: &diagnostics))
    let model = try #require(ModelBuilder.build(parsed, diagnostics: &diagnostics))
    let names = model.types.map(\.name)
    #expect(names == names.sorted())
  }
}
