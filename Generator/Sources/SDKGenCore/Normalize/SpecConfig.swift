import Foundation
import Yams

/// What a user sets for a vendor's spec without editing it: a file beside the spec named
/// `<spec name>.config.yaml` (or `.yml`, `.json`), such as `twilio.config.yaml` for `twilio.json`.
///
/// ```yaml
/// namespace: Twilio                 # the Swift namespace (otherwise info.x-swift-namespace)
/// skipUnsupported: true             # as --skip-unsupported, for this spec
/// linesPerFile: 4000                # a larger spec's code is split into files of about this size
/// filter:                           # generate only these (swift-openapi-generator's keys);
///   operations: [CreateCall]        #   an operation is kept when it matches any entry
///   tags: [Calls]
///   paths: [/2010-04-01/Accounts/{AccountSid}/Calls.json]
/// renames:
///   schemas: {voice.v1.call: Call}  # component schema → Swift type name
///   operations: {FetchCall: getCall}  # operationId (or method and path) → Swift method name
/// ```
public struct SpecConfig: Codable, Hashable, Sendable {
  public struct Filter: Codable, Hashable, Sendable {
    public var operations: [String]?
    public var tags: [String]?
    public var paths: [String]?
  }

  public struct Renames: Codable, Hashable, Sendable {
    public var schemas: [String: String]?
    public var operations: [String: String]?
  }

  public var namespace: String?
  /// As `--skip-unsupported`, for this spec alone.
  public var skipUnsupported: Bool?
  /// The most lines a file of this spec's operations or models holds once its code is split
  /// (``RenderOptions/linesPerFile``); ``FileRenderer/linesPerFile`` by default.
  public var linesPerFile: Int?
  public var filter: Filter?
  public var renames: Renames?

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
    do {
      let config = try YAMLDecoder().decode(SpecConfig.self, from: text)
      if let lines = config.linesPerFile, lines <= 0 {
        diagnostics.error(
          "linesPerFile must be a positive number of lines", at: SourceLocation(file: file, line: 1, column: 1))
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
