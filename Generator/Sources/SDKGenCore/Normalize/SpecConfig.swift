import Foundation
import Yams

/// What a user sets for a vendor's spec without editing it: a file beside the spec named
/// `<spec name>.config.yaml` (or `.yml`, `.json`), such as `twilio.config.yaml` for `twilio.json`.
///
/// ```yaml
/// namespace: Twilio                 # the Swift namespace (otherwise info.x-swift-namespace)
/// skipUnsupported: true             # as --skip-unsupported, for this spec
/// linesPerFile: 4000                # a larger spec's code is split into files of about this size
/// houseStyle: true                  # `make lint-specs` holds the spec to this project's house style
/// filter:                           # generate only these (swift-openapi-generator's keys);
///   operations: [CreateCall]        #   an operation is kept when it matches any entry
///   tags: [Calls]
///   paths: [/2010-04-01/Accounts/{AccountSid}/Calls.json]
/// renames:
///   schemas: {voice.v1.call: Call}  # component schema → Swift type name
///   operations: {FetchCall: getCall}  # operationId (or method and path) → Swift method name
/// webhooks:
///   discriminator: data.event_type  # the payload property path that tells events apart
/// ```
///
/// A key not listed here is an error, so that a misspelt one does not go unnoticed.
public struct SpecConfig: Codable, Hashable, Sendable {
  public struct Filter: Codable, Hashable, Sendable {
    public var operations: [String]?
    public var tags: [String]?
    public var paths: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case operations, tags, paths
    }
  }

  public struct Renames: Codable, Hashable, Sendable {
    public var schemas: [String: String]?
    public var operations: [String: String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case schemas, operations
    }
  }

  public struct Webhooks: Codable, Hashable, Sendable {
    /// The dotted path of the payload property that names the event, as
    /// `x-webhooks-discriminator` gives it.
    public var discriminator: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case discriminator
    }
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case namespace, skipUnsupported, linesPerFile, houseStyle, filter, renames, webhooks
  }

  public var namespace: String?
  /// As `--skip-unsupported`, for this spec alone.
  public var skipUnsupported: Bool?
  /// The most lines a file of this spec's operations or models holds once its code is split
  /// (``RenderOptions/linesPerFile``); ``FileRenderer/linesPerFile`` by default.
  public var linesPerFile: Int?
  /// Whether `make lint-specs` holds the spec to the house style of this project's own specs
  /// (seed examples, descriptions everywhere); the generator itself does not read it.
  public var houseStyle: Bool?
  public var filter: Filter?
  public var renames: Renames?
  public var webhooks: Webhooks?

  /// The endings a config file has after the spec's own name.
  static let suffixes = [".config.yaml", ".config.yml", ".config.json"]

  /// Whether `file` is a config file rather than a spec.
  public static func isConfigFile(_ file: String) -> Bool {
    suffixes.contains { file.hasSuffix($0) }
  }

  /// The config file beside `spec`, if there is one.
  static func file(besides spec: String) -> String? {
    let base = (spec as NSString).deletingPathExtension
    return suffixes.map { base + $0 }.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// Reads the config beside `spec`, or reports why it cannot be read.
  static func load(besides spec: String, diagnostics: inout Diagnostics) -> (SpecConfig, String)? {
    guard let file = file(besides: spec) else { return nil }
    guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }) else {
      diagnostics.error("the config file cannot be read", at: SourceLocation(file: file, line: 1, column: 1))
      return nil
    }
    if let root = try? Yams.compose(yaml: text), !checkKeys(root, file: file, diagnostics: &diagnostics) {
      return nil
    }
    do {
      let config = try YAMLDecoder().decode(SpecConfig.self, from: text)
      if let lines = config.linesPerFile, lines <= 0 {
        diagnostics.error(
          "linesPerFile must be a positive number of lines", at: SourceLocation(file: file, line: 1, column: 1))
      }
      if let path = config.webhooks?.discriminator, ModelBuilder.propertyPath(path) == nil {
        diagnostics.error(
          "webhooks.discriminator must name a payload property, or a dotted path of them such as data.event_type",
          at: SourceLocation(file: file, line: 1, column: 1))
      }
      return (config, file)
    } catch let DecodingError.keyNotFound(_, context), let DecodingError.typeMismatch(_, context),
      let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context)
    {
      let path = context.codingPath.map(\.pathComponent).joined(separator: ".")
      diagnostics.error(
        "invalid config\(path.isEmpty ? "" : " at \(path)"): \(context.debugDescription)",
        at: SourceLocation(file: file, line: 1, column: 1))
      return nil
    } catch {
      diagnostics.error("invalid config: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
      return nil
    }
  }

  /// The keys allowed at the top of a config file and in each of its sections.
  static let allowedKeys: [String: [String]] = [
    "": CodingKeys.allCases.map(\.rawValue),
    CodingKeys.filter.rawValue: Filter.CodingKeys.allCases.map(\.rawValue),
    CodingKeys.renames.rawValue: Renames.CodingKeys.allCases.map(\.rawValue),
    CodingKeys.webhooks.rawValue: Webhooks.CodingKeys.allCases.map(\.rawValue),
  ]

  /// Reports each key of `root` (and of its sections) that a config cannot have, at the key,
  /// with the keys that are allowed there. Returns whether there was none.
  static func checkKeys(_ root: Node, file: String, diagnostics: inout Diagnostics) -> Bool {
    var valid = true
    func check(_ node: Node, section: String) {
      guard case .mapping(let mapping) = node, let allowed = allowedKeys[section] else { return }
      for (key, value) in mapping {
        guard let name = key.string, allowed.contains(name) else {
          let location = SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
          let place = section.isEmpty ? "a config file" : section
          diagnostics.error(
            "unknown key \"\(key.string ?? "")\" in \(place); the allowed keys are \(allowed.joined(separator: ", "))",
            at: location)
          valid = false
          continue
        }
        if section.isEmpty { check(value, section: name) }
      }
    }
    check(root, section: "")
    return valid
  }

  // MARK: Applying it to the document tree

  static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

  /// The document with the namespace and renames written in as `x-swift-` extensions, and
  /// only the operations the filter keeps.
  func apply(to root: Node) -> Node {
    guard case .mapping(var top) = root else { return root }
    let tag = top.tag
    if let namespace {
      var info = top["info"]?.mapping ?? Node.Mapping([], tag)
      info["x-swift-namespace"] = Node(namespace)
      top["info"] = .mapping(info)
    }
    if let schemas = renames?.schemas, var components = top["components"]?.mapping,
      var section = components["schemas"]?.mapping
    {
      for (name, swiftName) in schemas {
        guard var schema = section[name]?.mapping else { continue }
        schema["x-swift-name"] = Node(swiftName)
        section[name] = .mapping(schema)
      }
      components["schemas"] = .mapping(section)
      top["components"] = .mapping(components)
    }
    if let paths = top["paths"]?.mapping {
      var kept: [(Node, Node)] = []
      for (pathKey, item) in paths {
        guard case .mapping(let itemMapping) = item, let template = pathKey.string else {
          kept.append((pathKey, item))
          continue
        }
        var pairs: [(Node, Node)] = []
        var hasOperation = false
        for (key, value) in itemMapping {
          guard let method = key.string, Self.methods.contains(method), case .mapping(var operation) = value else {
            pairs.append((key, value))
            continue
          }
          let operationID = operation["operationId"]?.string
          let tags = operation["tags"]?.sequence?.compactMap(\.string) ?? []
          guard keeps(operationID: operationID, tags: tags, path: template) else { continue }
          let methodAndPath = method.uppercased() + " " + template
          if let rename = renames?.operations?[operationID ?? methodAndPath] ?? renames?.operations?[methodAndPath] {
            operation["x-swift-name"] = Node(rename)
          }
          hasOperation = true
          pairs.append((key, .mapping(operation)))
        }
        if hasOperation || filter == nil {
          kept.append((pathKey, .mapping(Node.Mapping(pairs, itemMapping.tag, itemMapping.style, itemMapping.mark))))
        }
      }
      top["paths"] = .mapping(Node.Mapping(kept, paths.tag, paths.style, paths.mark))
    }
    return .mapping(top)
  }

  private func keeps(operationID: String?, tags: [String], path: String) -> Bool {
    guard let filter else { return true }
    if let id = operationID, filter.operations?.contains(id) ?? false { return true }
    if tags.contains(where: { filter.tags?.contains($0) ?? false }) { return true }
    return filter.paths?.contains(path) ?? false
  }
}
