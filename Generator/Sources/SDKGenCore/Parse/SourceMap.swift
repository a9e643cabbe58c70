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

  init(file: String, root: Node) {
    self.file = file
    add(root, key: nil, at: [])
  }

  private mutating func add(_ node: Node, key: Node?, at path: [String]) {
    entries[path] = Entry(key: key.map(location), value: location(node))
    switch node {
    case .mapping(let mapping):
      for (childKey, child) in mapping {
        add(child, key: childKey, at: path + [childKey.string ?? ""])
      }
    case .sequence(let sequence):
      for (index, child) in sequence.enumerated() {
        add(child, key: nil, at: path + [String(index)])
      }
    case .scalar, .alias:
      break
    }
  }

  private func location(_ node: Node) -> SourceLocation {
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
