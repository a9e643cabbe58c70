import Yams

/// Rewrites 3.1 type lists that name several types besides `null` (`type: [string, integer]`)
/// as the `anyOf` they mean, each member with the keywords of its own type, so that the model
/// sees one shape for both spellings.
enum TypeLists {
  /// Whether the document holds a type list that names several types besides `null`; most
  /// specs have none, and are left as they are.
  static func contains(_ node: Node) -> Bool {
    DocumentScan(node).hasTypeLists
  }

  /// Whether a `type` value lists several types besides `null`.
  static func isTypeList(_ list: Node.Sequence) -> Bool {
    list.compactMap(\.string).filter { $0 != "null" }.count > 1
  }

  static func rewrite(_ node: Node) -> Node {
    switch node {
    case .mapping(let mapping):
      var pairs: [(Node, Node)] = mapping.map { ($0.key, rewrite($0.value)) }
      guard let index = pairs.firstIndex(where: { $0.0.string == "type" }), case .sequence(let list) = pairs[index].1
      else { return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)) }
      let types = list.compactMap(\.string)
      guard types.filter({ $0 != "null" }).count > 1 else {
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
      }
      let tag = pairs[index].0.scalar?.tag ?? mapping.tag
      let owned: [String: Set<String>] = [
        "string": ["format", "pattern", "minLength", "maxLength", "contentMediaType", "contentEncoding"],
        "integer": ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        "number": ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        "array": ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"],
        "object": [
          "properties", "required", "additionalProperties", "unevaluatedProperties", "patternProperties",
          "minProperties", "maxProperties", "propertyNames",
        ],
      ]
      let typeKeywords = owned.values.reduce(into: Set<String>()) { $0.formUnion($1) }
      let members: [Node] = types.map { type in
        var memberPairs: [(Node, Node)] = [(Node("type", tag), Node(type, tag))]
        for (key, value) in pairs where owned[type]?.contains(key.string ?? "") ?? false {
          memberPairs.append((key, value))
        }
        return .mapping(Node.Mapping(memberPairs, mapping.tag, .any, list.mark))
      }
      pairs = pairs.enumerated().compactMap { offset, pair in
        offset == index || typeKeywords.contains(pair.0.string ?? "") ? nil : pair
      }
      pairs.append((Node("anyOf", tag), .sequence(Node.Sequence(members, list.tag, .any, list.mark))))
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(rewrite), sequence.tag, sequence.style, sequence.mark))
    case .scalar, .alias:
      return node
    }
  }
}
