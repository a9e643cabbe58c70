import Yams

/// What the normalize stage must know of a document before it rewrites anything, found in one
/// walk of its tree: whether it has `$ref`s to bundle, and whether it has type lists. Most specs
/// need neither rewrite, and a walk of a large spec's tree costs as much as a rewrite's check.
struct DocumentScan {
  /// Whether some `$ref` is one ``ReferenceBundler`` changes.
  private(set) var needsBundling = false
  /// Whether some `type` lists several types besides `null` (``TypeLists``).
  private(set) var hasTypeLists = false

  init(_ node: Node) {
    visit(node)
  }

  private var isDone: Bool { needsBundling && hasTypeLists }

  private mutating func visit(_ node: Node) {
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard !isDone else { return }
        let name = key.string
        if name == "$ref", let reference = value.string {
          if ReferenceBundler.rewrites(reference) { needsBundling = true }
          continue
        }
        if name == "type", case .sequence(let list) = value, TypeLists.isTypeList(list) {
          hasTypeLists = true
        }
        visit(value)
      }
    case .sequence(let sequence):
      for child in sequence {
        guard !isDone else { return }
        visit(child)
      }
    case .scalar, .alias:
      break
    }
  }
}
