/// The namespace's table of operations (`Client.operationTable`): each operation's method, path
/// template, required parameters, request body and example answer, which the client hands the
/// runtime for path templates and for `MockTransport`.
enum ExampleTableRenderer {
  static func render(_ model: APIModel, into writer: inout SwiftWriter) {
    writer.extensionOutside(model.namespace, extending: "\(model.namespace).Client") { writer in
      writer.docComment([
        "Every operation of the spec: its method, path template, required parameters, request body and example answer.",
        "The client takes each request's path template from it, and a `MockTransport` answers from it.",
      ])
      let table = writer.names.spell("OperationTable")
      guard !model.operations.isEmpty else {
        writer.line("@_spi(Generated) public static let operationTable = \(table)([])")
        return
      }
      writer.line("@_spi(Generated) public static let operationTable = \(table)([")
      writer.indent()
      for operation in model.operations {
        // swift-format puts a trailing comma after every element of a multi-element list only.
        renderEntry(operation, comma: model.operations.count > 1, into: &writer)
      }
      writer.outdent()
      writer.line("])")
    }
  }

  private static func renderEntry(_ operation: Operation, comma: Bool, into writer: inout SwiftWriter) {
    let names = writer.names
    var arguments = [
      SwiftSyntax.stringLiteral(operation.operationID), ".\(operation.method.rawValue)",
      SwiftSyntax.stringLiteral(operation.path),
    ]
    func required(_ location: Parameter.Location) -> [String] {
      operation.parameters.filter { $0.location == location && $0.isRequired }.map(\.name)
    }
    for (label, list) in [("requiredQuery", required(.query)), ("requiredHeaders", required(.header))]
    where !list.isEmpty {
      arguments.append("\(label): [" + list.map(SwiftSyntax.stringLiteral).joined(separator: ", ") + "]")
    }
    if let body = operation.requestBody {
      var options: [String] = []
      if !body.isPlainJSON || body.encoding != .json {
        options.append("mediaType: \(SwiftSyntax.stringLiteral(body.mediaType))")
      }
      if !body.isRequired { options.append("isRequired: false") }
      let check =
        body.encoding == .json
        ? ".json(" + ([SwiftSyntax.type(body.type, in: names) + ".self"] + options).joined(separator: ", ") + ")"
        : ".other(" + options.joined(separator: ", ") + ")"
      arguments.append("requestBody: " + check)
    }
    writer.line("\(names.spell("OperationDescription"))(")
    writer.indent()
    if writer.fits(arguments.joined(separator: ", ") + ",") {
      writer.line(arguments.joined(separator: ", ") + ",")
    } else {
      for argument in arguments { writer.line(argument + ",") }
    }
    renderAnswer(operation, into: &writer)
    writer.outdent()
    writer.line(comma ? ")," : ")")
  }

  /// `answer: .json(200, Type.self, """…""")`, the body in a raw multi-line string.
  private static func renderAnswer(_ operation: Operation, into writer: inout SwiftWriter) {
    guard let answer = operation.exampleAnswer else {
      writer.line("answer: .empty(200)")
      return
    }
    guard let body = answer.responseBody, let text = answer.body, let mediaType = answer.mediaType else {
      writer.line("answer: .empty(\(answer.status))")
      return
    }
    let media = SwiftSyntax.stringLiteral(mediaType)
    let isRaw = body.encoding == .text || body.encoding == .binary
    let call = isRaw ? "answer: .raw(" : "answer: .json("
    let arguments =
      isRaw
      ? "\(answer.status), mediaType: \(media),"
      : "\(answer.status), \(SwiftSyntax.type(body.type, in: writer.names)).self"
        + (mediaType == "application/json" ? "," : ", mediaType: \(media),")
    guard !text.isEmpty else {
      writer.line(call + arguments + " \"\")")
      return
    }
    // As swift-format lays out a call whose last argument is a multi-line string.
    writer.line(call)
    writer.indent()
    writer.line(arguments)
    let hashes = String(repeating: "#", count: longestHashRun(after: "\"", in: text) + 1)
    writer.line(hashes + "\"\"\"")
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      writer.line(String(line))
    }
    writer.line("\"\"\"" + hashes)
    writer.outdent()
    writer.line(")")
  }

  /// The longest run of `#` right after `mark` in `text`: a raw string needs one more.
  private static func longestHashRun(after mark: Character, in text: String) -> Int {
    var longest = 0
    var run: Int?
    for character in text {
      if character == "#", let current = run {
        run = current + 1
        longest = max(longest, current + 1)
      } else {
        run = character == mark ? 0 : nil
      }
    }
    return longest
  }
}
