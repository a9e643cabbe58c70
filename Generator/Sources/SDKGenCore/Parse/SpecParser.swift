import Foundation
import OpenAPIKit
import Yams

/// The parse stage's output: a spec file's YAML or JSON tree, each node with its line and column.
public struct LocatedDocument {
  /// The path the spec was read from, as diagnostics print it.
  public var path: String
  /// The root mapping.
  public var root: Node
  /// The parser the tree came from, kept alive while the tree is decoded.
  let parser: Parser?
}

/// A spec through the normalize stage: the OpenAPI 3.1 document, bundled and with its config
/// applied, and where each of its parts is in the file.
public struct ParsedSpec: Sendable {
  /// The path the spec was read from, as diagnostics print it.
  public var path: String
  public var document: OpenAPI.Document
  public var sourceMap: SourceMap
  /// The `x-` keys, by the path of the object that holds them.
  public var extensions: VendorExtensions
  /// The config file beside the spec, if there is one.
  public var config: SpecConfig?

  /// The file name without its extension, such as `plusofon`.
  public var baseName: String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
  }
}

/// Reads a spec file into an OpenAPIKit document, turning every failure into a diagnostic
/// with a line and column.
public enum SpecParser {
  /// Parses the spec at `path`, or reports why it cannot.
  public static func parse(path: String, validating: Bool = true, diagnostics: inout Diagnostics) -> ParsedSpec? {
    let start = SourceLocation(file: path, line: 1, column: 1)
    guard FileManager.default.fileExists(atPath: path) else {
      diagnostics.error("no such file", at: start)
      return nil
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      diagnostics.error("the file cannot be read", at: start)
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      diagnostics.error("the file is not UTF-8 text", at: start)
      return nil
    }
    // A config that does not read, or says what it cannot, stops the spec: generating without
    // the filter or renames it meant would only add errors that are not the spec's.
    let before = diagnostics.count
    let config = SpecConfig.load(besides: path, diagnostics: &diagnostics)?.0
    guard !diagnostics.hasErrors(since: before) else { return nil }
    return parse(text: text, path: path, config: config, validating: validating, diagnostics: &diagnostics)
  }

  /// YAMLDecoder's own resolver: scalars stay strings until a type asks for them, so the one
  /// parse serves both the source map and the decoder.
  static let resolver = [Tag.Name.bool, .int, .float, .null, .timestamp, .value]
    .reduce(Resolver.default) { $0.removing($1) }

  /// Parses spec text (YAML or JSON), then normalizes it (``Normalizer``); `path` is used for
  /// the diagnostics' locations.
  ///
  /// With `validating: false`, OpenAPIKit's validation is left for ``validate(_:diagnostics:)``,
  /// which the generator runs beside the model stage.
  public static func parse(
    text: String, path: String, config: SpecConfig? = nil, validating: Bool = true, diagnostics: inout Diagnostics
  ) -> ParsedSpec? {
    guard let located = locate(text: text, path: path, diagnostics: &diagnostics),
      let spec = Normalizer.normalize(located, config: config, diagnostics: &diagnostics)
    else { return nil }
    if validating {
      validate(spec, diagnostics: &diagnostics)
    }
    return spec
  }

  /// The parse stage: spec text (YAML or JSON) as a located tree, or why it is not one.
  public static func locate(text: String, path: String, diagnostics: inout Diagnostics) -> LocatedDocument? {
    let node: Node
    var parser: Parser?
    do {
      parser = try Parser(yaml: text, resolver: resolver)
      guard let composed = try parser?.singleRoot() else {
        diagnostics.error("the file is empty", at: SourceLocation(file: path, line: 1, column: 1))
        return nil
      }
      node = composed
    } catch let error as YamlError {
      let (message, location) = describe(error, path: path)
      diagnostics.error(message, at: location)
      return nil
    } catch {
      diagnostics.error("invalid YAML: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    }
    guard case .mapping = node else {
      diagnostics.error("an OpenAPI document must be a mapping", at: SourceMap(file: path, root: node).value([]))
      return nil
    }
    return LocatedDocument(path: path, root: node, parser: parser)
  }

  /// OpenAPIKit's validation of a spec parsed with `validating: false`.
  public static func validate(_ spec: ParsedSpec, diagnostics: inout Diagnostics) {
    validate(spec.document, sourceMap: spec.sourceMap, diagnostics: &diagnostics)
  }

  /// OpenAPIKit's own checks of what its types cannot express (server variables, duplicate
  /// parameters, parameter styles, …), each at its location. Its warnings stay
  /// warnings.
  private static func validate(_ document: OpenAPI.Document, sourceMap: SourceMap, diagnostics: inout Diagnostics) {
    do {
      // The checks sdkgen's own model stage does not make; duplicate operation ids, unresolved
      // `$ref`s and undeclared path parameters get more precise diagnostics there.
      let validator = Validator.blank
        .validating(.operationsContainResponses)
        .validating(.serverVariablesAreDefined)
        .validating(.serverVariableEnumIsValid)
        .validating(.serverVariableDefaultExistsInEnum)
        .validating(.pathItemParametersAreUnique)
        .validating(.operationParametersAreUnique)
        .validating(.parameterStyleAndLocationAreCompatible)
        .validating(.documentTagNamesAreUnique)
      let warnings = try document.validate(using: validator, strict: false)
      for warning in warnings {
        let path: [String] = warning.codingPath?.map { $0.pathComponent } ?? []
        diagnostics.warning(warning.localizedDescription, at: sourceMap.key(path))
      }
    } catch let errors as ValidationErrorCollection {
      for error in errors.values {
        diagnostics.error(error.reason, at: sourceMap.key(error.codingPath.map(\.pathComponent)))
      }
    } catch {
      diagnostics.error("the document does not validate: \(error)", at: sourceMap.value([]))
    }
  }

  private static func describe(_ error: YamlError, path: String) -> (String, SourceLocation) {
    func location(_ mark: Yams.Mark) -> SourceLocation {
      SourceLocation(file: path, line: mark.line, column: mark.column)
    }
    let start = SourceLocation(file: path, line: 1, column: 1)
    switch error {
    case .scanner(let context, let problem, let mark, _):
      return ("invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")", location(mark))
    case .parser(let context, let problem, let mark, _):
      return ("invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")", location(mark))
    case .composer(let context, let problem, let mark, _):
      return ("invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")", location(mark))
    case .reader(let problem, _, _, _):
      return ("invalid YAML: \(problem)", start)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (
        "invalid YAML: duplicate key \(duplicates.joined(separator: ", ")) \(context.text)", location(context.mark)
      )
    default:
      return ("invalid YAML: \(error)", start)
    }
  }
}

extension CodingKey {
  /// The step a source map uses: the key, or the index as a string.
  var pathComponent: String {
    intValue.map(String.init) ?? stringValue
  }
}
