import Foundation
import Testing

/// Every Swift block in the README and in the documentation catalog's articles is a snippet region
/// of `Examples/`, which the build compiles, so an example cannot stop compiling without this test
/// failing.
@Suite struct ReadmeSnippetTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The documentation catalog, whose articles are held to the README's rule.
  static let catalog = root.appendingPathComponent("Sources/TelephonyWebhooks/TelephonyWebhooks.docc")

  /// The fenced ```swift blocks of the README.
  static func readmeBlocks() throws -> [String] {
    try swiftBlocks(in: root.appendingPathComponent("README.md"))
  }

  /// The fenced ```swift blocks of a Markdown file.
  static func swiftBlocks(in file: URL) throws -> [String] {
    let text = try String(contentsOf: file, encoding: .utf8)
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

  /// The `// snippet:` regions of the Swift files under `Examples/`, without their common
  /// indentation: this package compiles `Examples/*.swift`, and `make example-hummingbird` the
  /// Hummingbird example package's.
  static func exampleSnippets() throws -> [String: String] {
    let folder = root.appendingPathComponent("Examples")
    var snippets: [String: String] = [:]
    let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    for name in names where name.hasSuffix(".swift") {
      let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        .components(separatedBy: "\n")
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

  @Test func everyArticleSwiftBlockIsACompiledSnippet() throws {
    let snippets = Set(try Self.exampleSnippets().values)
    let articles = try FileManager.default.contentsOfDirectory(atPath: Self.catalog.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    #expect(articles.count >= 5)
    var count = 0
    for article in articles {
      for block in try Self.swiftBlocks(in: Self.catalog.appendingPathComponent(article)) {
        count += 1
        #expect(snippets.contains(block), "\(article): a Swift block is not a snippet of Examples/:\n\(block)")
      }
    }
    #expect(count >= 10)
  }

  @Test func readmeOpensWithTheTwoCommands() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let firstCommands = text.components(separatedBy: "```sh\n").dropFirst().first ?? ""
    #expect(firstCommands.hasPrefix("make generate"))
    #expect(firstCommands.contains("\nmake test"))
  }
}
