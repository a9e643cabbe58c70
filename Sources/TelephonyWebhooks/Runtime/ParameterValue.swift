import Foundation

/// A value that can be sent as a path, query or header parameter.
package protocol ParameterValue {
  /// The value as text, before percent-encoding.
  var parameterText: String { get }
}

extension String: ParameterValue { package var parameterText: String { self } }
extension Int: ParameterValue { package var parameterText: String { String(self) } }
extension Int32: ParameterValue { package var parameterText: String { String(self) } }
extension Int64: ParameterValue { package var parameterText: String { String(self) } }
extension Double: ParameterValue { package var parameterText: String { String(self) } }
extension Float: ParameterValue { package var parameterText: String { String(self) } }
extension Bool: ParameterValue { package var parameterText: String { self ? "true" : "false" } }
extension URL: ParameterValue { package var parameterText: String { absoluteString } }
extension UUID: ParameterValue { package var parameterText: String { uuidString.lowercased() } }
extension Timestamp: ParameterValue { package var parameterText: String { rawValue } }

/// A request path whose interpolated values are percent-encoded as one path segment each:
/// `"/calls/\(callID)/hangup"`.
package struct RequestPath: ExpressibleByStringInterpolation, Sendable {
  package struct StringInterpolation: StringInterpolationProtocol {
    var text = ""

    package init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 8)
    }

    package mutating func appendLiteral(_ literal: String) {
      text += literal
    }

    package mutating func appendInterpolation(_ value: some ParameterValue) {
      text += PercentEncoding.encode(value.parameterText, allowing: PercentEncoding.unreserved)
    }

    package mutating func appendInterpolation<T: RawRepresentable>(_ value: T)
    where T.RawValue: ParameterValue {
      appendInterpolation(value.rawValue)
    }
  }

  let text: String

  package init(stringLiteral value: String) {
    text = value
  }

  package init(stringInterpolation: StringInterpolation) {
    text = stringInterpolation.text
  }
}

enum PercentEncoding {
  /// RFC 3986 unreserved characters: everything else in a path segment or query value is
  /// encoded, so `/`, `+`, `&`, `=` and JSON punctuation arrive intact.
  static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  static func encode(_ text: String, allowing allowed: CharacterSet) -> String {
    text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}
extension Secret: ParameterValue { package var parameterText: String { value } }
