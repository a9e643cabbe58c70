import Foundation
import Testing

/// Every Swift block in the README is a snippet region of `Examples/`, which the build compiles,
/// so a README example cannot stop compiling without this test failing.
@Suite struct ReadmeSnippetTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The fenced ```swift blocks of the README.
  static func readmeBlocks() throws -> [String] {
    let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    var blocks: [String] = []
    var current: [String]?
    for line in text.components(separatedBy: "\n") {
      if current == nil, line == "```swift" {
        current = []
      } else if let lines = current, line == "```" {
        blocks.append(lines.joined(separator: "\n"))
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  /// The Swift files that hold snippets: `Examples/*.swift`, compiled by this package, and the
  /// Hummingbird example package's sources, compiled by `make example-hummingbird`.
  static func snippetFiles() throws -> [URL] {
    let folder = root.appendingPathComponent("Examples")
    var files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".swift") }.map { folder.appendingPathComponent($0) }
    let hummingbird = folder.appendingPathComponent("HummingbirdReceiver/Sources")
    let enumerator = FileManager.default.enumerator(at: hummingbird, includingPropertiesForKeys: nil)
    while let file = enumerator?.nextObject() as? URL {
      if file.pathExtension == "swift" { files.append(file) }
    }
    return files
  }

  /// The `// snippet:` regions of the snippet files, without their common indentation.
  static func exampleSnippets() throws -> [String: String] {
    var snippets: [String: String] = [:]
    for file in try snippetFiles() {
      let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
      var index = 0
      while index < lines.count {
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("// snippet: ") {
          let snippet = String(line.dropFirst("// snippet: ".count))
          var body: [String] = []
          index += 1
          while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "// end snippet" {
            body.append(lines[index])
            index += 1
          }
          snippets[snippet] = dedent(body)
        }
        index += 1
      }
    }
    return snippets
  }

  static func dedent(_ lines: [String]) -> String {
    let indent =
      lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
  }

  @Test func everyReadmeSwiftBlockIsACompiledSnippet() throws {
    let blocks = try Self.readmeBlocks()
    let snippets = Set(try Self.exampleSnippets().values)
    #expect(blocks.count >= 8)
    for block in blocks {
      #expect(snippets.contains(block), "README block is not a snippet of Examples/:\n\(block)")
    }
  }

  /// The receiving section leads with the Hummingbird example's `register(on:…)` snippet, the
  /// one `make example-hummingbird` compiles and tests.
  @Test func receivingWebhooksLeadsWithTheHummingbirdSnippet() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = text.components(separatedBy: "\n## Receiving webhooks\n").dropFirst().first ?? ""
    let firstSwiftBlock = section.components(separatedBy: "```swift\n").dropFirst().first ?? ""
    let snippet = try #require(try Self.exampleSnippets()["receive-hummingbird"])
    #expect(firstSwiftBlock.hasPrefix(snippet + "\n```"))
    #expect(snippet.contains("Api4Com.WebhookEvent.register("))
    #expect(section.contains("VaporTransport("))
  }

  @Test func readmeOpensWithTheTwoCommands() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let firstCommands = text.components(separatedBy: "```sh\n").dropFirst().first ?? ""
    #expect(firstCommands.hasPrefix("make generate"))
    #expect(firstCommands.contains("\nmake test"))
  }
}
