/// Owns indentation, line breaks and wrapping, so renderers only say what to print.
struct SwiftWriter {
  /// The column generated code and doc comments stay within.
  static let lineWidth = 100
  /// The column no line may pass: `.swift-format`'s `lineLength`, which the generated code is
  /// linted with. A list item may pass ``lineWidth`` but not this.
  static let lintLineWidth = 120

  /// How to spell the names generated code uses, in the file's namespace.
  let names: NameScope
  /// Whether doc comments link the runtime's symbols, such as ``APIError``. DocC resolves a
  /// symbol link within one module only, so a file compiled outside the runtime's module names
  /// them in code voice instead.
  var linksRuntimeSymbols = true

  private(set) var text = ""
  private var level = 0

  init(names: NameScope = NameScope()) {
    self.names = names
  }
  private var indentation: String { String(repeating: "  ", count: level) }

  mutating func line(_ content: String = "") {
    text += content.isEmpty ? "\n" : indentation + content + "\n"
  }

  /// A blank line, unless the previous line is already blank or opens a block.
  mutating func blankLine() {
    guard !text.isEmpty, !text.hasSuffix("\n\n"), !text.hasSuffix("{\n") else { return }
    text += "\n"
  }

  /// A runtime symbol named in a doc comment: a DocC link where it resolves, else code voice.
  func runtimeSymbol(_ name: String) -> String {
    linksRuntimeSymbols ? "``\(name)``" : "`\(name)`"
  }

  /// Text another writer rendered at this writer's indentation, as it is.
  mutating func append(rendered: String) {
    text += rendered
  }

  mutating func indent() { level += 1 }
  mutating func outdent() { level -= 1 }

  /// `header {`, the body indented, then `}`.
  mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
    line(header + " {")
    indent()
    body(&self)
    outdent()
    line("}")
  }

  /// `switch subject {` with its `case` labels at the `switch`'s own indentation.
  mutating func switchBlock(_ subject: String, _ body: (inout SwiftWriter) -> Void) {
    line("switch \(subject) {")
    body(&self)
    line("}")
  }

  /// `prefix(a, b) suffix {` on one line if it fits, or one item per line.
  mutating func wrappedBlock(_ prefix: String, _ items: [String], _ suffix: String, _ body: (inout SwiftWriter) -> Void)
  {
    wrapped(prefix, items, suffix + " {")
    indent()
    body(&self)
    outdent()
    line("}")
  }

  /// Whether `text` fits on one line at the current indentation.
  func fits(_ text: String, width: Int = Self.lineWidth) -> Bool {
    indentation.count + text.count <= width
  }

  /// `prefix(a, b)suffix` on one line if it fits; otherwise each item on its own line.
  mutating func wrapped(_ prefix: String, _ items: [String], _ suffix: String, open: String = "(", close: String = ")")
  {
    let single = prefix + open + items.joined(separator: ", ") + close + suffix
    if indentation.count + single.count <= Self.lineWidth || items.isEmpty {
      line(single)
      return
    }
    line(prefix + open)
    indent()
    for (index, item) in items.enumerated() {
      line(item + (index < items.count - 1 || close == "]" ? "," : ""))
    }
    outdent()
    line(close + suffix)
  }

  /// A `///` doc comment: paragraphs wrapped to the line width, list items and code kept.
  mutating func docComment(_ paragraphs: [String]) {
    let prefix = "/// "
    let width = max(40, Self.lineWidth - indentation.count - prefix.count)
    var first = true
    for paragraph in paragraphs where !paragraph.isEmpty {
      if !first { line("///") }
      first = false
      for sourceLine in paragraph.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = String(sourceLine).trimmingTrailingWhitespace
        if trimmed.isEmpty {
          line("///")
          continue
        }
        for wrappedLine in Self.wrap(trimmed, width: width) {
          line(prefix + wrappedLine)
        }
      }
    }
  }

  /// Word-wraps one line, indenting continuation lines of list items under their text.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.count > width, !text.hasPrefix("    "), !text.hasPrefix("```") else { return [text] }
    let leading = String(text.prefix(while: { $0 == " " }))
    let body = text.dropFirst(leading.count)
    var hanging = leading
    for marker in ["- ", "* "] where body.hasPrefix(marker) {
      hanging = leading + String(repeating: " ", count: marker.count)
    }
    if let listNumber = body.firstIndex(of: "."), body[..<listNumber].allSatisfy(\.isNumber),
      !body[..<listNumber].isEmpty
    {
      hanging = leading + String(repeating: " ", count: body.distance(from: body.startIndex, to: listNumber) + 2)
    }
    var lines: [String] = []
    var current = leading
    for word in body.split(separator: " ", omittingEmptySubsequences: true) {
      let isLineStart = current.count == (lines.isEmpty ? leading.count : hanging.count)
      if !isLineStart && current.count + 1 + word.count > width {
        lines.append(current)
        current = hanging + word
      } else {
        current += (isLineStart ? "" : " ") + word
      }
    }
    lines.append(current)
    return lines
  }
}

extension String {
  var trimmingTrailingWhitespace: String {
    var result = self
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}

extension SwiftWriter {
  /// A type declared in the namespace, in an extension of its own:
  /// `extension <namespace> { /// documentation  <declaration> { body } }`.
  /// `block("extension <declaration>")` outside the namespace's scope, where its own types are
  /// written `Namespace.Type`: printed by a writer of its own that qualifies them, then appended.
  mutating func extensionOutside(
    _ namespace: String, extending declaration: String, _ body: (inout SwiftWriter) -> Void
  ) {
    var names = self.names
    names.qualifier = namespace
    var outside = SwiftWriter(names: names)
    outside.linksRuntimeSymbols = linksRuntimeSymbols
    outside.block("extension \(declaration)", body)
    append(rendered: outside.text)
  }

  mutating func namespaceMember(
    _ namespace: String, documentation: [String], declaration: String, _ body: (inout SwiftWriter) -> Void
  ) {
    block("extension \(namespace)") { writer in
      writer.docComment(documentation)
      writer.block(declaration, body)
    }
  }
}
