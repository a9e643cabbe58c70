import Foundation
import HTTPTypes

/// One request of a generated operation, before authentication and middlewares.
@_spi(Generated) public struct OperationRequest: Sendable {
  let operationID: String
  var method: HTTPRequest.Method
  var path: String
  var query: [(name: String, value: String)] = []
  var headerFields = HTTPFields()
  var body: Data?

  @_spi(Generated) public init(operationID: String, method: HTTPRequest.Method, path: RequestPath) {
    self.operationID = operationID
    self.method = method
    self.path = path.text
  }

  /// Adds a query parameter; `nil` adds nothing.
  @_spi(Generated) public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
    if let value {
      query.append((name, value.parameterText))
    }
  }

  /// Adds an array query parameter in the `form` style: `tag=a&tag=b` when exploded,
  /// `tag=a,b` when not.
  @_spi(Generated) public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?, explode: Bool = true)
  {
    guard let values else { return }
    if explode {
      for value in values { addQuery(name, value) }
    } else {
      addQuery(name, values.map(\.parameterText).joined(separator: ","))
    }
  }

  /// Sets a header; `nil` sets nothing.
  @_spi(Generated) public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
    guard let value, let fieldName = HTTPField.Name(name) else { return }
    headerFields[fieldName] = value.parameterText
  }

  /// Encodes `value` as the JSON body.
  @_spi(Generated) public mutating func setBody(_ value: some Encodable) throws {
    do {
      body = try JSONCoding.encoder.encode(value)
    } catch {
      throw APIError(
        kind: .encoding, operationID: operationID, underlyingError: error,
        detail: String(describing: error))
    }
  }

  /// The path and the percent-encoded query, as `HTTPRequest.path` wants them.
  var pathAndQuery: String {
    guard !query.isEmpty else { return path }
    let encoded = query.map { item in
      PercentEncoding.encode(item.name, allowing: PercentEncoding.unreserved) + "="
        + PercentEncoding.encode(item.value, allowing: PercentEncoding.unreserved)
    }
    return path + "?" + encoded.joined(separator: "&")
  }
}
