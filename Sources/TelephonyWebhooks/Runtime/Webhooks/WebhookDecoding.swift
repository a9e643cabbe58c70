import Foundation
import HTTPTypes

/// Why an incoming webhook request could not be decoded.
public struct WebhookDecodingError: Error, CustomStringConvertible {
  /// The provider whose payload it was, such as `Api4Com`.
  public var provider: String
  /// What is wrong, with the JSON path where it applies.
  public var reason: String
  /// The body as received.
  public var rawBody: Data
  /// The decoding error behind it, if any.
  public var underlyingError: (any Error)?

  public var description: String {
    "\(provider) webhook: \(reason)"
  }
}

/// A webhook request body, parsed once, that generated decoders read from.
@_spi(Generated) public struct WebhookPayload: Sendable {
  let provider: String
  @_spi(Generated) public let json: JSONValue
  let body: Data
  /// The body as received, before renames: what errors carry.
  private let received: Data
  /// The renames applied, from the standard name to the name sent: errors name fields as sent.
  private let applied: [String: String]

  /// Parses `body` as a JSON object. `renamedFields` maps a standard field name to the name
  /// the subscription renamed it to (Plusofon's `fields[]`, `before` to `after`); the payload
  /// is read as if it used the standard names.
  @_spi(Generated) public init(
    provider: String, body: Data, headers: HTTPFields, renamedFields: [String: String] = [:]
  ) throws {
    self.provider = provider
    self.received = body
    if let contentType = headers[.contentType]?.lowercased(), !contentType.contains("json") {
      throw WebhookDecodingError(
        provider: provider, reason: "the body is \(contentType), not JSON", rawBody: body)
    }
    let parsed: JSONValue
    do {
      parsed = try JSONCoding.decoder.decode(JSONValue.self, from: body)
    } catch {
      throw WebhookDecodingError(
        provider: provider, reason: body.isEmpty ? "the body is empty" : "the body is not valid JSON",
        rawBody: body, underlyingError: error)
    }
    guard var members = parsed.objectValue else {
      throw WebhookDecodingError(provider: provider, reason: "the body is not a JSON object", rawBody: body)
    }
    var applied: [String: String] = [:]
    if renamedFields.isEmpty {
      self.body = body
    } else {
      for (standard, renamed) in renamedFields.sorted(by: { $0.key < $1.key }) where members[standard] == nil {
        if let value = members.removeValue(forKey: renamed) {
          members[standard] = value
          applied[standard] = renamed
        }
      }
      self.body = try JSONCoding.encoder.encode(members)
    }
    self.applied = applied
    self.json = .object(members)
  }

  /// The value of the discriminator property, such as `eventType` or `action`.
  @_spi(Generated) public func discriminator(_ property: String) throws -> String {
    guard let value = json[property]?.stringValue else {
      throw WebhookDecodingError(
        provider: provider, reason: "the payload has no string \"\(property)\"", rawBody: received)
    }
    return value
  }

  /// Decodes the payload into its generated type.
  @_spi(Generated) public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    do {
      return try JSONCoding.decoder.decode(type, from: body)
    } catch {
      let error = namingFieldsAsSent(error)
      throw WebhookDecodingError(
        provider: provider,
        reason: "the payload does not match \(type) \(JSONCoding.describe(error, body: received))",
        rawBody: received, underlyingError: error)
    }
  }

  /// `error` with a renamed field in its coding path named as the body sent it.
  private func namingFieldsAsSent(_ error: any Error) -> any Error {
    guard !applied.isEmpty, let error = error as? DecodingError else { return error }
    func asSent(_ context: DecodingError.Context) -> DecodingError.Context {
      guard let first = context.codingPath.first, let sent = applied[first.stringValue] else { return context }
      return DecodingError.Context(
        codingPath: [AnyCodingKey(sent)] + context.codingPath.dropFirst(),
        debugDescription: context.debugDescription, underlyingError: context.underlyingError)
    }
    switch error {
    case .typeMismatch(let type, let context): return DecodingError.typeMismatch(type, asSent(context))
    case .valueNotFound(let type, let context): return DecodingError.valueNotFound(type, asSent(context))
    case .keyNotFound(let key, let context): return DecodingError.keyNotFound(key, asSent(context))
    case .dataCorrupted(let context): return DecodingError.dataCorrupted(asSent(context))
    @unknown default: return error
    }
  }
}
