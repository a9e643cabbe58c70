import Foundation

/// A value that can be sent as a path, query or header parameter.
@_spi(Generated) public protocol ParameterValue {
  /// The value as text, before percent-encoding.
  var parameterText: String { get }
}

@_spi(Generated) extension String: ParameterValue { public var parameterText: String { self } }
@_spi(Generated) extension Int: ParameterValue { public var parameterText: String { String(self) } }
@_spi(Generated) extension Int32: ParameterValue { public var parameterText: String { String(self) } }
@_spi(Generated) extension Int64: ParameterValue { public var parameterText: String { String(self) } }
@_spi(Generated) extension Double: ParameterValue { public var parameterText: String { String(self) } }
@_spi(Generated) extension Float: ParameterValue { public var parameterText: String { String(self) } }
@_spi(Generated) extension Bool: ParameterValue { public var parameterText: String { self ? "true" : "false" } }
@_spi(Generated) extension URL: ParameterValue { public var parameterText: String { absoluteString } }
@_spi(Generated) extension UUID: ParameterValue { public var parameterText: String { uuidString.lowercased() } }
@_spi(Generated) extension Timestamp: ParameterValue { public var parameterText: String { rawValue } }

/// A request path whose interpolated values are percent-encoded as one path segment each:
/// `"/calls/\(callID)/hangup"`.
@_spi(Generated) public struct RequestPath: ExpressibleByStringInterpolation, Sendable {
  @_spi(Generated) public struct StringInterpolation: StringInterpolationProtocol {
    var text = ""

    @_spi(Generated) public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 8)
    }

    @_spi(Generated) public mutating func appendLiteral(_ literal: String) {
      text += literal
    }

    @_spi(Generated) public mutating func appendInterpolation(_ value: some ParameterValue) {
      text += PercentEncoding.encode(value.parameterText, allowing: PercentEncoding.unreserved)
    }

    @_spi(Generated) public mutating func appendInterpolation<T: RawRepresentable>(_ value: T)
    where T.RawValue: ParameterValue {
      appendInterpolation(value.rawValue)
    }

    /// An array in the `simple` style: `a,b,c`, each value percent-encoded.
    @_spi(Generated) public mutating func appendInterpolation(_ values: [some ParameterValue]) {
      text += values.map { PercentEncoding.encode($0.parameterText, allowing: PercentEncoding.unreserved) }
        .joined(separator: ",")
    }

    @_spi(Generated) public mutating func appendInterpolation<T: RawRepresentable>(_ values: [T])
    where T.RawValue: ParameterValue {
      appendInterpolation(values.map(\.rawValue))
    }

    /// The `matrix` style: `;id=5`; an array `;id=3,4`, or `;id=3;id=4` exploded.
    @_spi(Generated) public mutating func appendInterpolation(matrix value: some ParameterValue, name: String) {
      appendInterpolation(matrix: [value], name: name)
    }

    @_spi(Generated) public mutating func appendInterpolation(
      matrix values: [some ParameterValue], name: String, explode: Bool = false
    ) {
      let prefix = ";" + Self.encoded(name) + "="
      let texts = values.map { Self.encoded($0.parameterText) }
      text += explode ? texts.map { prefix + $0 }.joined() : prefix + texts.joined(separator: ",")
    }

    /// The `label` style: `.5`; an array `.3,4`, or `.3.4` exploded.
    @_spi(Generated) public mutating func appendInterpolation(label value: some ParameterValue) {
      appendInterpolation(label: [value])
    }

    @_spi(Generated) public mutating func appendInterpolation(
      label values: [some ParameterValue], explode: Bool = false
    ) {
      text += "." + values.map { Self.encoded($0.parameterText) }.joined(separator: explode ? "." : ",")
    }

    private static func encoded(_ text: String) -> String {
      PercentEncoding.encode(text, allowing: PercentEncoding.unreserved)
    }
  }

  let text: String
  /// The path as the spec writes it, where it is known: a literal path is its own.
  let template: String?

  @_spi(Generated) public init(stringLiteral value: String) {
    text = value
    template = value
  }

  @_spi(Generated) public init(stringInterpolation: StringInterpolation) {
    text = stringInterpolation.text
    template = nil
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
@_spi(Generated) extension Secret: ParameterValue { public var parameterText: String { value } }
