import Yams

/// Where each key and value of a YAML document is, by its path from the root.
///
/// A path is a list of mapping keys and sequence indices as strings, the same steps a
/// `Codable` coding path or a JSON pointer takes: `["paths", "/webhooks", "get"]`.
public struct SourceMap: Sendable {
  struct Entry: Sendable {
    var key: SourceLocation?
    var value: SourceLocation
  }

  public let file: String
  private var entries: [[String]: Entry] = [:]

  /// `origins` names the file of each subtree that a `$ref` brought in from another file.
  init(file: String, root: Node, origins: [[String]: String] = [:]) {
    self.file = file
    add(root, key: nil, at: [], file: file, origins: origins)
  }

  private mutating func add(_ node: Node, key: Node?, at path: [String], file: String, origins: [[String]: String]) {
    let file = origins[path] ?? file
    entries[path] = Entry(key: key.map { location($0, file: file) }, value: location(node, file: file))
    switch node {
    case .mapping(let mapping):
      for (childKey, child) in mapping {
        add(child, key: childKey, at: path + [childKey.string ?? ""], file: file, origins: origins)
      }
    case .sequence(let sequence):
      for (index, child) in sequence.enumerated() {
        add(child, key: nil, at: path + [String(index)], file: file, origins: origins)
      }
    case .scalar, .alias:
      break
    }
  }

  private func location(_ node: Node, file: String) -> SourceLocation {
    let mark = node.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// The location of the key at `path` (or of its value, for a sequence element). When the
  /// path does not exist, the key of the nearest ancestor that does.
  public func key(_ path: [String]) -> SourceLocation {
    let (entry, _) = nearest(path)
    return entry.key ?? entry.value
  }

  /// The location of the value at `path`, or of the nearest ancestor that exists.
  public func value(_ path: [String]) -> SourceLocation {
    nearest(path).entry.value
  }

  private func nearest(_ path: [String]) -> (entry: Entry, exact: Bool) {
    var path = path
    if let entry = entries[path] { return (entry, true) }
    while !path.isEmpty {
      path.removeLast()
      if let entry = entries[path] { return (entry, false) }
    }
    return (Entry(key: nil, value: SourceLocation(file: file, line: 1, column: 1)), false)
  }
}
