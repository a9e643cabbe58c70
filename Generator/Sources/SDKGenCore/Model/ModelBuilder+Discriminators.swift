import OpenAPIKit

/// One route per provider: the property path whose known values tell webhook payloads apart.
extension ModelBuilder {
  /// How deep payload properties are searched for a discriminator: `data.payload.event_type`.
  static let discriminatorDepth = 3

  /// Every property of a payload schema by path, through `$ref`s, `allOf` and nested objects, each
  /// with the strings its `const` or `enum` allows (empty when it allows any value). Where `allOf`
  /// members both constrain a property, it allows what both allow.
  func propertyValues(_ schema: JSONSchema, prefix: [String], depth: Int, into result: inout [[String]: [String]]) {
    // References count towards the depth too, so that a cycle of them ends.
    guard depth < 16 else { return }
    switch schema.value {
    case .reference(let reference, _):
      guard let target = componentSchema(reference)?.schema else { return }
      propertyValues(target, prefix: prefix, depth: depth + 1, into: &result)
    case .all(let parts, _):
      for part in parts { propertyValues(part, prefix: prefix, depth: depth + 1, into: &result) }
    case .object(_, let object):
      guard prefix.count < Self.discriminatorDepth else { return }
      for (name, property) in object.properties {
        let path = prefix + [name]
        let values = stringValues(property, depth: depth + 1)
        if let known = result[path], !known.isEmpty {
          result[path] = values.isEmpty ? known : known.filter(values.contains)
        } else {
          result[path] = values
        }
        propertyValues(property, prefix: path, depth: depth + 1, into: &result)
      }
    default:
      return
    }
  }

  /// The strings a schema's `const` or `enum` allows, through `$ref`s and `allOf`; empty when it
  /// allows any value or any that is not a string.
  private func stringValues(_ schema: JSONSchema, depth: Int) -> [String] {
    guard depth < 16 else { return [] }
    switch schema.value {
    case .reference(let reference, _):
      guard let target = componentSchema(reference)?.schema else { return [] }
      return stringValues(target, depth: depth + 1)
    case .all(let parts, _):
      return parts.lazy.map { self.stringValues($0, depth: depth + 1) }.first { !$0.isEmpty } ?? []
    default:
      let values = (schema.allowedValues ?? []).map { $0.value as? String }
      guard !values.isEmpty, !values.contains(nil) else { return [] }
      return values.compactMap { $0 }
    }
  }

  /// The path that puts the most webhooks on one route: at it, each has known values that no
  /// other has, and all answer alike. `nil` when no path gathers two. A tie goes to the shorter
  /// path, then to the first in name order.
  func inferDiscriminator(_ events: [WebhookEventCase], properties: [[[String]: [String]]]) -> (
    path: [String], answer: ResponseBody?
  )? {
    let paths = Set(properties.flatMap { $0.filter { !$0.value.isEmpty }.keys })
    let ordered = paths.sorted { ($0.count, $0.joined(separator: ".")) < ($1.count, $1.joined(separator: ".")) }
    var best: (path: [String], answer: ResponseBody?, count: Int)?
    for path in ordered {
      let members = Self.discriminatingValues(at: path, properties).map(\.index)
      var byAnswer: [ResponseBody?: Int] = [:]
      for index in members { byAnswer[events[index].answer, default: 0] += 1 }
      // The answer most of them share, the first webhook's on a tie.
      guard let answer = members.map({ events[$0].answer }).max(by: { byAnswer[$0]! < byAnswer[$1]! }) else {
        continue
      }
      let count = byAnswer[answer]!
      if count >= 2, count > best?.count ?? 0 { best = (path, answer, count) }
    }
    return best.map { ($0.path, $0.answer) }
  }

  /// The webhooks whose known values at `path` are theirs alone, with those values in the spec's
  /// order: a value two webhooks share discriminates nothing.
  static func discriminatingValues(at path: [String], _ properties: [[[String]: [String]]]) -> [(
    index: Int, values: [String]
  )] {
    var owners: [String: Int] = [:]
    for found in properties {
      for value in Set(found[path] ?? []) { owners[value, default: 0] += 1 }
    }
    return properties.enumerated().compactMap { index, found in
      guard let values = found[path], !values.isEmpty, values.allSatisfy({ owners[$0] == 1 }) else { return nil }
      return (index, values)
    }
  }
}
