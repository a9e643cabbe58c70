import Testing

@testable import SDKGenCore

/// The printer: indentation, blocks, wrapping and doc comments, without any model.
@Suite struct SwiftWriterTests {
  @Test func blocksIndentTheirBodyAndSwitchCasesStayAtTheSwitch() {
    var writer = SwiftWriter()
    writer.block("struct A") { writer in
      writer.switchBlock("value") { writer in
        writer.line("case 1: break")
      }
    }
    #expect(
      writer.text == """
        struct A {
          switch value {
          case 1: break
          }
        }

        """)
  }

  @Test func aBlankLineIsNeverDoubledNorPutAfterAnOpeningBrace() {
    var writer = SwiftWriter()
    writer.block("enum A") { writer in
      writer.blankLine()
      writer.line("case a")
      writer.blankLine()
      writer.blankLine()
      writer.line("case b")
    }
    #expect(writer.text == "enum A {\n  case a\n\n  case b\n}\n")
  }

  @Test func aCallStaysOnOneLineWhileItFitsAndOtherwiseTakesALinePerArgument() {
    var writer = SwiftWriter()
    writer.wrapped("f", ["a: 1", "b: 2"], "")
    let long = (1...12).map { "argument\($0): \($0)" }
    writer.wrapped("g", long, "")
    writer.wrapped("let list = ", ["x", "y"], "", open: "[", close: "]")
    #expect(
      writer.text
        == "f(a: 1, b: 2)\ng(\n" + long.dropLast().map { "  \($0),\n" }.joined() + "  argument12: 12\n)\n"
        + "let list = [x, y]\n")
    #expect(writer.fits(String(repeating: "x", count: SwiftWriter.lineWidth)))
    #expect(!writer.fits(String(repeating: "x", count: SwiftWriter.lineWidth + 1)))
  }

  @Test func docCommentsWrapParagraphsAndHangListItems() {
    var writer = SwiftWriter()
    writer.indent()
    writer.docComment([
      "Summary.",
      "- Parameters:\n  - name: " + Array(repeating: "word", count: 30).joined(separator: " "),
    ])
    let lines = writer.text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "  /// Summary.")
    #expect(lines[1] == "  ///")
    #expect(lines[2] == "  /// - Parameters:")
    #expect(lines[3].hasPrefix("  ///   - name: word"))
    #expect(lines[4].hasPrefix("  ///     word"))
    #expect(lines.allSatisfy { $0.count <= SwiftWriter.lineWidth })
  }
}

/// How a split namespace's declarations are packed into files.
@Suite struct FilePackingTests {
  static func unit(lines: Int) -> String {
    String(repeating: "x\n", count: lines)
  }

  @Test func unitsFillAFileInOrderUntilTheNextWouldPassTheLimit() {
    // Each unit counts its lines plus the blank line between units.
    let units = [3, 3, 3, 5].map(Self.unit)
    #expect(SplitRenderer.pack(units, linesPerFile: 8).map(\.count) == [2, 1, 1])
    #expect(SplitRenderer.pack(units, linesPerFile: 100).map(\.count) == [4])
  }

  @Test func aUnitLongerThanTheLimitGetsAFileOfItsOwn() {
    let units = [2, 20, 2].map(Self.unit)
    #expect(SplitRenderer.pack(units, linesPerFile: 10).map(\.count) == [1, 1, 1])
    #expect(SplitRenderer.pack([], linesPerFile: 10).isEmpty)
  }
}
