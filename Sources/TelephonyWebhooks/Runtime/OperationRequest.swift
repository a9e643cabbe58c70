import Foundation
import HTTPTypes

/// One request of a generated operation, before authentication and middlewares.
@_spi(Generated) public struct OperationRequest: Sendable {
  @_spi(Generated) public let operationID: String
  @_spi(Generated) public var method: HTTPRequest.Method
  @_spi(Generated) public var path: String
  @_spi(Generated) public var query: [(name: String, value: String)] = []
  @_spi(Generated) public var headerFields = HTTPFields()
  @_spi(Generated) public var body: Data?
  /// The ``Secret``s the parameters and the body hold, to scrub from errors.
  var secretValues: [String] = []

  @_spi(Generated) public init(operationID: String, method: HTTPRequest.Method, path: RequestPath) {
    self.operationID = operationID
    self.method = method
    self.path = path.text
  }

  /// Adds a query parameter; `nil` adds nothing.
  @_spi(Generated) public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
    if let value {
      if let secret = value as? Secret { secretValues.append(secret.value) }
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
      secretValues += values.compactMap { ($0 as? Secret)?.value }
      addQuery(name, values.map(\.parameterText).joined(separator: ","))
    }
  }

  /// Sets a header; `nil` sets nothing.
  @_spi(Generated) public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
    guard let value, let fieldName = HTTPField.Name(name) else { return }
    if let secret = value as? Secret { secretValues.append(secret.value) }
    headerFields[fieldName] = value.parameterText
  }

  /// Encodes `value` as the JSON body.
  @_spi(Generated) public mutating func setBody(_ value: some Encodable) throws {
    do {
      let (data, secrets) = try SecretCollector.collecting { try JSONCoding.encoder.encode(value) }
      body = data
      secretValues += secrets
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
