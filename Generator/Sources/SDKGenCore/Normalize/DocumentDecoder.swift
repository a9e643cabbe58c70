import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// Decodes a located YAML or JSON tree as an OpenAPI document of whichever version it declares,
/// converting OpenAPI 3.0 to 3.1 so that the model stage sees one dialect.
///
/// A 3.0 document converts field by field under the same keys, so the original file's source
/// map still locates every part of the converted document.
enum DocumentDecoder {
  enum Dialect: Equatable {
    case openAPI30
    case openAPI31
  }

  /// The dialect the root mapping declares, or an error at its `openapi` or `swagger` key.
  static func dialect(of root: Node, sourceMap: SourceMap, diagnostics: inout Diagnostics) -> Dialect? {
    if let swagger = root["swagger"] {
      diagnostics.error(
        "Swagger \(swagger.string ?? "2.0") is not supported; convert the spec to OpenAPI 3.0 or 3.1 first (for example with swagger2openapi)",
        at: sourceMap.key(["swagger"]))
      return nil
    }
    guard let version = root["openapi"]?.string else { return .openAPI31 }
    if version.hasPrefix("3.0") { return .openAPI30 }
    if version.hasPrefix("3.1") { return .openAPI31 }
    diagnostics.error(
      "unsupported OpenAPI version \"\(version)\"; sdkgen reads OpenAPI 3.0.x and 3.1.x",
      at: sourceMap.value(["openapi"]))
    return nil
  }

  /// The document, converted to 3.1 if need be; a decoding failure becomes one located error.
  static func decode(_ root: Node, dialect: Dialect, sourceMap: SourceMap, diagnostics: inout Diagnostics)
    -> OpenAPIKit.OpenAPI.Document?
  {
    // Vendor extensions are read from the YAML instead (see VendorExtensions). Yams' decoder
    // keeps the document's key order, which the output's order follows.
    let userInfo: [CodingUserInfoKey: Any] = [OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false]
    do {
      switch dialect {
      case .openAPI31:
        return try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: root, userInfo: userInfo)
      case .openAPI30:
        let document = try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: root, userInfo: userInfo)
        return document.convert(to: .v3_1_1)
      }
    } catch {
      let (message, codingPath): (String, [CodingKey]) =
        switch dialect {
        case .openAPI31:
          {
            let error = OpenAPIKit.OpenAPI.Error(from: error)
            return (error.localizedDescription, error.codingPath)
          }()
        case .openAPI30:
          {
            let error = OpenAPIKit30.OpenAPI.Error(from: error)
            return (error.localizedDescription, error.codingPath)
          }()
        }
      diagnostics.error(
        self.message(message, version: dialect == .openAPI30 ? "3.0" : "3.1"),
        at: sourceMap.key(codingPath.map(\.pathComponent)))
      return nil
    }
  }

  /// OpenAPIKit's explanation, on one line; an unknown `type` gets a message of its own.
  private static func message(_ text: String, version: String) -> String {
    if let range = text.range(of: "Cannot initialize JSONType from invalid String value ") {
      let value = text[range.upperBound...].prefix { $0 != "." && !$0.isNewline }
      return "unknown type \"\(value)\"; use string, integer, number, boolean, array, object or null"
    }
    let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
    return "not a valid OpenAPI \(version) document: " + oneLine
  }
}
