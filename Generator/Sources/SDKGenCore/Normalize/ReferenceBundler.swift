import Foundation
import Yams

/// Rewrites a spec's `$ref`s so that the model stage sees only local component references:
///
/// - a relative-file reference (`common/errors.yml#/components/schemas/Error`) brings the target
///   into the spec's own `components`, under its name (suffixed when the spec already has a
///   different one), and points at it there; any other file pointer is copied in place;
/// - a local pointer anywhere but `#/components/<kind>/<name>` (`#/paths/~1calls/get/...`) is
///   replaced by a copy of its target;
/// - percent-encoded pointers (`#/components/schemas/Call%20Record`) are decoded.
///
/// Copies keep their own source marks, and ``origins`` says which file each copied subtree came
/// from, so that diagnostics inside it point into that file.
struct ReferenceBundler {
  struct Problem {
    var message: String
    var path: [String]
  }

  let mainFile: String
  private let root: Node
  private var files: [String: Node] = [:]
  private var parsers: [Parser] = []
  /// `file#pointer` → the local component name it was given.
  private var imported: [String: String] = [:]
  private var additions: [(kind: String, name: String, node: Node)] = []
  /// The file that each copied subtree came from, by its path in the bundled document.
  private(set) var origins: [[String]: String] = [:]
  private(set) var problems: [Problem] = []

  /// Whether the document has any `$ref` this bundler would change; most specs have none.
  static func isNeeded(_ node: Node) -> Bool {
    DocumentScan(node).needsBundling
  }

  /// Whether the bundler changes this `$ref`: anything but a plain `#/components/<kind>/<name>`.
  static func rewrites(_ reference: String) -> Bool {
    !reference.hasPrefix("#/components/") || reference.contains("%") || reference.split(separator: "/").count != 4
  }

  init(mainFile: String, root: Node) {
    self.mainFile = mainFile
    self.root = root
  }

  /// The bundled document.
  mutating func bundle() -> Node {
    var result = process(root, file: mainFile, path: [], depth: 0)
    guard !additions.isEmpty, case .mapping(var top) = result else { return result }
    let tag = top.tag
    var components = top["components"]?.mapping ?? Node.Mapping([], tag)
    for addition in additions {
      var section = components[addition.kind]?.mapping ?? Node.Mapping([], tag)
      section[addition.name] = addition.node
      components[addition.kind] = .mapping(section)
    }
    top["components"] = .mapping(components)
    result = .mapping(top)
    return result
  }

  private mutating func process(_ node: Node, file: String, path: [String], depth: Int) -> Node {
    switch node {
    case .mapping(let mapping):
      if let reference = mapping["$ref"], case .scalar(let scalar) = reference {
        return resolve(mapping, reference: scalar, file: file, path: path, depth: depth)
      }
      var pairs: [(Node, Node)] = []
      for (key, value) in mapping {
        pairs.append((key, process(value, file: file, path: path + [key.string ?? ""], depth: depth)))
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      let nodes = sequence.enumerated().map { index, child in
        process(child, file: file, path: path + [String(index)], depth: depth)
      }
      return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
    case .scalar, .alias:
      return node
    }
  }

  private mutating func resolve(
    _ mapping: Node.Mapping, reference: Node.Scalar, file: String, path: [String], depth: Int
  ) -> Node {
    let text = reference.string
    let hash = text.firstIndex(of: "#") ?? text.endIndex
    let filePart = String(text[..<hash])
    let pointer = hash < text.endIndex ? String(text[text.index(after: hash)...]) : ""
    let tokens = Self.tokens(pointer)
    let targetFile = filePart.isEmpty ? file : Self.path(filePart, relativeTo: file)
    guard depth < 32 else {
      problems.append(Problem(message: "the $ref \"\(text)\" nests too deeply (a cycle?)", path: path + ["$ref"]))
      return .mapping(mapping)
    }
    if targetFile == mainFile {
      if tokens.count == 3, tokens[0] == "components" {
        return rewritten(mapping, reference: reference, to: Self.pointer(tokens))
      }
      guard let target = Self.node(at: tokens, in: root) else { return .mapping(mapping) }
      return process(target, file: file, path: path, depth: depth + 1)
    }
    guard let document = load(targetFile, reference: text, path: path) else { return .mapping(mapping) }
    guard let target = Self.node(at: tokens, in: document) else {
      problems.append(
        Problem(
          message: "the $ref \"\(text)\" does not resolve: \(filePart) has nothing at #\(pointer)",
          path: path + ["$ref"]))
      return .mapping(mapping)
    }
    guard tokens.count == 3, tokens[0] == "components" else {
      origins[path] = targetFile
      return process(target, file: targetFile, path: path, depth: depth + 1)
    }
    let kind = tokens[1]
    let key = targetFile + "#" + pointer
    if let name = imported[key] {
      return rewritten(mapping, reference: reference, to: Self.pointer(["components", kind, name]))
    }
    let name = freeName(tokens[2], kind: kind)
    imported[key] = name
    let componentPath = ["components", kind, name]
    origins[componentPath] = targetFile
    let bundled = process(target, file: targetFile, path: componentPath, depth: depth + 1)
    additions.append((kind, name, bundled))
    return rewritten(mapping, reference: reference, to: Self.pointer(componentPath))
  }

  /// The component name for an imported one: its own, or with a number when the spec or an
  /// earlier import already holds that name.
  private func freeName(_ name: String, kind: String) -> String {
    let existing = Set(
      (root["components"]?[kind]?.mapping?.keys.compactMap(\.string) ?? [])
        + additions.filter { $0.kind == kind }.map(\.name))
    var names = NameAllocator(reserving: existing)
    return names.claim(name) { name + String($0) }
  }

  private mutating func load(_ file: String, reference: String, path: [String]) -> Node? {
    if let node = files[file] { return node }
    guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }) else {
      problems.append(
        Problem(message: "the $ref \"\(reference)\" names \(file), which cannot be read", path: path + ["$ref"]))
      return nil
    }
    do {
      let parser = try Parser(yaml: text, resolver: SpecParser.resolver)
      guard let node = try parser.singleRoot() else { throw YamlError.dataCouldNotBeDecoded(encoding: .utf8) }
      parsers.append(parser)
      files[file] = node
      return node
    } catch {
      problems.append(
        Problem(
          message: "the $ref \"\(reference)\" names \(file), which is not valid YAML or JSON", path: path + ["$ref"]))
      return nil
    }
  }

  private func rewritten(_ mapping: Node.Mapping, reference: Node.Scalar, to text: String) -> Node {
    guard text != reference.string else { return .mapping(mapping) }
    var mapping = mapping
    var scalar = reference
    scalar.string = text
    mapping["$ref"] = .scalar(scalar)
    return .mapping(mapping)
  }

  // MARK: JSON pointers

  /// The steps of a JSON pointer in a URI fragment: percent-decoded, then `~1` and `~0`.
  static func tokens(_ pointer: String) -> [String] {
    pointer.split(separator: "/", omittingEmptySubsequences: true).map { token in
      let decoded = String(token).removingPercentEncoding ?? String(token)
      return decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
  }

  static func pointer(_ tokens: [String]) -> String {
    "#/"
      + tokens.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
      .joined(separator: "/")
  }

  static func node(at tokens: [String], in root: Node) -> Node? {
    var node = root
    for token in tokens {
      switch node {
      case .mapping(let mapping):
        guard let child = mapping[token] else { return nil }
        node = child
      case .sequence(let sequence):
        guard let index = Int(token), sequence.indices.contains(index) else { return nil }
        node = sequence[index]
      default:
        return nil
      }
    }
    return node
  }

  static func path(_ relative: String, relativeTo file: String) -> String {
    if relative.hasPrefix("/") { return relative }
    let folder = (file as NSString).deletingLastPathComponent
    return ((folder as NSString).appendingPathComponent(relative) as NSString).standardizingPath
  }
}
