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
  /// Every key and value, as a tree: `entries[0]` is the root, and `children[i]` holds the
  /// entries below entry `i` by their key. Each entry hashes only its own key, where a table by
  /// whole paths hashed every path from the root (a quarter of a large spec's parse).
  private var entries: [Entry] = []
  private var children: [[String: Int]] = []

  /// `origins` names the file of each subtree that a `$ref` brought in from another file.
  init(file: String, root: Node, origins: [[String]: String] = [:]) {
    self.file = file
    entries.append(Entry(key: nil, value: location(root, file: origins[[]] ?? file)))
    children.append([:])
    add(children: root, of: 0, at: origins.isEmpty ? nil : [], file: origins[[]] ?? file, origins: origins)
  }

  /// Adds the members of `node` below entry `parent`. `path` is the parent's path, kept only
  /// when there are `origins` to look up. A key met twice keeps its first entry, with the last
  /// one's locations and the members of both, as a table by paths would.
  private mutating func add(
    children node: Node, of parent: Int, at path: [String]?, file: String, origins: [[String]: String]
  ) {
    switch node {
    case .mapping(let mapping):
      for (childKey, child) in mapping {
        add(child, key: childKey, name: childKey.string ?? "", under: parent, at: path, file: file, origins: origins)
      }
    case .sequence(let sequence):
      for (index, child) in sequence.enumerated() {
        add(child, key: nil, name: String(index), under: parent, at: path, file: file, origins: origins)
      }
    case .scalar, .alias:
      break
    }
  }

  private mutating func add(
    _ node: Node, key: Node?, name: String, under parent: Int, at parentPath: [String]?, file: String,
    origins: [[String]: String]
  ) {
    let path = parentPath.map { $0 + [name] }
    let file = path.flatMap { origins[$0] } ?? file
    let entry = Entry(key: key.map { location($0, file: file) }, value: location(node, file: file))
    let index: Int
    if let existing = children[parent][name] {
      index = existing
      entries[index] = entry
    } else {
      index = entries.count
      entries.append(entry)
      children.append([:])
      children[parent][name] = index
    }
    add(children: node, of: index, at: path, file: file, origins: origins)
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
    var index = 0
    for name in path {
      guard let child = children[index][name] else { return (entries[index], false) }
      index = child
    }
    return (entries[index], true)
  }
}
