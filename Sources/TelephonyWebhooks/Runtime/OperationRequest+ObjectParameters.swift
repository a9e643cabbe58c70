import Foundation
import HTTPTypes

/// Object parameters outside the query: a header in the `simple` style and a cookie in the
/// `form` style, as OpenAPI's style tables write them.
extension OperationRequest {
  /// `value` captured member by member. A dictionary's members come in hash order: sorted by
  /// key, the request is the same every time.
  mutating func capturedObject(_ value: some Encodable) throws -> BodyValue {
    let captured = try withEncodingErrors { try BodyValue.capture(value) }
    if value is [String: Any], case .object(let members) = captured {
      return .object(members.sorted { $0.name < $1.name })
    }
    return captured
  }

  /// Sets an object header in the `simple` style: `role,admin,firstName,Alex`, or
  /// `role=admin,firstName=Alex` when exploded; members without a value are left out, and the
  /// values are written as they are, as an array header's are. `nil` sets nothing.
  @_spi(Generated) public mutating func setHeaderObject(_ name: String, _ value: (some Encodable)?, explode: Bool)
    throws
  {
    guard let value, let fieldName = HTTPField.Name(name) else { return }
    guard case .object(let members) = try capturedObject(value) else { return }
    let parts = try withEncodingErrors {
      try members.compactMap { member -> String? in
        if case .null = member.value { return nil }
        guard let text = member.value.text else {
          throw EncodingError.invalidValue(
            name, .init(codingPath: [], debugDescription: "\(name) nests a list or object, which a header cannot hold"))
        }
        return member.name + (explode ? "=" : ",") + text
      }
    }
    if !parts.isEmpty { headerFields[fieldName] = parts.joined(separator: ",") }
  }

  /// Adds an object cookie in the `form` style: `filter=status,active`, or each member a cookie
  /// of its own (`status=active`) when exploded; names and values percent-encoded as a query's
  /// are. `nil` adds nothing.
  @_spi(Generated) public mutating func addCookieObject(_ name: String, _ value: (some Encodable)?, explode: Bool)
    throws
  {
    guard let value else { return }
    let captured = try capturedObject(value)
    cookies += try withEncodingErrors {
      try Self.queryPairs.pairs(name: name, value: captured, style: .form, explode: explode)
    }
  }
}
