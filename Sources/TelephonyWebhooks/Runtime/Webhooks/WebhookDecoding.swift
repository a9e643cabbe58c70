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

/// A webhook request body that generated decoders read from: JSON, or, where the webhook
/// declares it, `application/x-www-form-urlencoded`.
///
/// Each JSON parse of a payload costs more than the rest of a delivery, so the body is parsed
/// only as often as the decoder needs: once for the discriminator's value (which also checks that
/// the body is a JSON object) and once for the payload type. It becomes a ``JSONValue`` only for
/// renamed fields, or when ``json`` is read for an event this SDK does not know.
///
/// A form webhook's generated decoder is one line:
///
/// ```swift
/// try WebhookPayload(provider: "Callbox", body: body, headers: headers, accepting: [.form])
///   .decode(IncomingCall.self)
/// ```
@_spi(Generated) public struct WebhookPayload: Sendable {
  /// A body's encoding, as a webhook declares its request body's media types.
  @_spi(Generated) public enum Format: Sendable {
    /// `application/json`, or any media type with `json` in it.
    case json
    /// `application/x-www-form-urlencoded`, read with ``FormDecoder``.
    case form
  }

  let provider: String
  let body: Data
  /// The body as received, before renames: what errors carry.
  private let received: Data
  /// The renames applied, from the standard name to the name sent: errors name fields as sent.
  private let applied: [String: String]
  /// The body's members when renames were applied; `nil` when the body is used as received.
  private let members: [String: JSONValue]?
  /// A form body's pairs, after renames; `nil` for JSON.
  private let pairs: [(String, String)]?

  /// Takes `body` as a JSON object, or as form pairs where `formats` allow it. `renamedFields`
  /// maps a standard field name to the name the subscription renamed it to (Plusofon's
  /// `fields[]`, `before` to `after`); the payload is read as if it used the standard names.
  ///
  /// The `Content-Type` header chooses among `formats`; without one, the body is read as the
  /// first. Another media type throws. A JSON body that is not an object throws here when there
  /// are fields to rename, else from the first of ``discriminator(_:)`` and ``decode(_:)`` that
  /// reads it, with the same error.
  @_spi(Generated) public init(
    provider: String, body: Data, headers: HTTPFields, accepting formats: [Format] = [.json],
    renamedFields: [String: String] = [:]
  ) throws {
    self.provider = provider
    self.received = body
    let format = try Self.format(of: headers[.contentType], accepting: formats, provider: provider, body: body)
    if format == .form {
      guard let pairs = FormDecoder.pairs(in: body) else {
        throw WebhookDecodingError(
          provider: provider, reason: "the body is not valid application/x-www-form-urlencoded text", rawBody: body)
      }
      let sent = Dictionary(renamedFields.map { ($0.value, $0.key) }) { first, _ in first }
      let names = Set(pairs.map(\.0))
      var applied: [String: String] = [:]
      self.pairs = pairs.map { name, value in
        guard let standard = sent[name], !names.contains(standard) else { return (name, value) }
        applied[standard] = name
        return (standard, value)
      }
      (self.body, self.applied, self.members) = (body, applied, nil)
      return
    }
    self.pairs = nil
    guard !renamedFields.isEmpty else {
      (self.body, self.applied, self.members) = (body, [:], nil)
      return
    }
    var members: [String: JSONValue]
    do {
      members = try JSONCoding.decoder.decode([String: JSONValue].self, from: body)
    } catch {
      throw Self.notAnObject(provider: provider, body: body, error)
    }
    var applied: [String: String] = [:]
    for (standard, renamed) in renamedFields.sorted(by: { $0.key < $1.key }) where members[standard] == nil {
      if let value = members.removeValue(forKey: renamed) {
        members[standard] = value
        applied[standard] = renamed
      }
    }
    self.body = try JSONCoding.encoder.encode(members)
    self.applied = applied
    self.members = members
  }

  /// The body's format from its `Content-Type`: one of `formats`, the first when there is none.
  private static func format(
    of contentType: String?, accepting formats: [Format], provider: String, body: Data
  ) throws -> Format {
    guard let contentType else { return formats.first ?? .json }
    if formats.contains(.json), mentionsJSON(contentType) { return .json }
    if formats.contains(.form), MediaType(contentType).essence == FormEncoder.contentType { return .form }
    let expected = formats.map { $0 == .json ? "JSON" : FormEncoder.contentType }.joined(separator: " or ")
    throw WebhookDecodingError(
      provider: provider, reason: "the body is \(contentType.lowercased()), not \(expected)", rawBody: body)
  }

  /// The whole payload, after renames. Read it after ``discriminator(_:)``, which checks that
  /// the body is a JSON object. A form body is an object of its values as strings, a repeated
  /// name's as an array.
  @_spi(Generated) public var json: JSONValue {
    if let pairs {
      let fields = FormFields(pairs)
      return .object(
        fields.values.mapValues { $0.count == 1 ? .string($0[0]) : .array($0.map(JSONValue.string)) })
    }
    return .object(members ?? (try? JSONCoding.decoder.decode([String: JSONValue].self, from: body)) ?? [:])
  }

  /// The value of the discriminator property, such as `eventType` or `action`, or of a nested one
  /// named by a dotted path, such as `data.event_type`.
  @_spi(Generated) public func discriminator(_ path: String) throws -> String {
    try discriminator(at: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
  }

  /// The value of a nested discriminator, such as Telnyx's `data.event_type` (`["data",
  /// "event_type"]`).
  @_spi(Generated) public func discriminator(at path: [String]) throws -> String {
    let value: String?
    if let pairs {
      value = path.count == 1 ? pairs.first(where: { $0.0 == path[0] })?.1 : nil
    } else if let members {
      var node = JSONValue.object(members)
      for name in path { node = node.objectValue?[name] ?? .null }
      value = node.stringValue
    } else {
      do {
        value = try DiscriminatorProbe.decoder(for: path).decode(DiscriminatorProbe.self, from: body).value
      } catch {
        throw Self.notAnObject(provider: provider, body: body, error)
      }
    }
    guard let value else {
      throw WebhookDecodingError(
        provider: provider, reason: "the payload has no string \"\(path.joined(separator: "."))\"",
        rawBody: received)
    }
    return value
  }

  /// Decodes the payload into its generated type.
  @_spi(Generated) public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    do {
      if let pairs { return try FormDecoder.decode(type, pairs: pairs) }
      return try JSONCoding.decoder.decode(type, from: body)
    } catch {
      if members == nil, pairs == nil {
        // Not checked yet: a body that is no JSON object says so, as `init` did.
        do {
          _ = try JSONCoding.decoder.decode(ObjectProbe.self, from: body)
        } catch let probeError {
          throw Self.notAnObject(provider: provider, body: body, probeError)
        }
      }
      let error = namingFieldsAsSent(error)
      throw WebhookDecodingError(
        provider: provider,
        reason: "the payload does not match \(type) \(JSONCoding.describe(error, body: received))",
        rawBody: received, underlyingError: error)
    }
  }

  /// Whether `contentType` has `json` in it, in any case: on its bytes, as Foundation's
  /// `lowercased().contains(_:)` costs a twentieth of a delivery.
  static func mentionsJSON(_ contentType: String) -> Bool {
    let pattern = Array("json".utf8)
    let bytes = Array(contentType.utf8)
    guard bytes.count >= pattern.count else { return false }
    for start in 0...(bytes.count - pattern.count)
    where (0..<pattern.count).allSatisfy({ bytes[start + $0] | 0x20 == pattern[$0] }) {
      return true
    }
    return false
  }

  /// The error for a body that does not decode as a JSON object, from what decoding it threw.
  private static func notAnObject(provider: String, body: Data, _ error: any Error) -> WebhookDecodingError {
    switch error {
    case DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty,
      DecodingError.valueNotFound(_, let context) where context.codingPath.isEmpty:
      WebhookDecodingError(provider: provider, reason: "the body is not a JSON object", rawBody: body)
    default:
      WebhookDecodingError(
        provider: provider, reason: body.isEmpty ? "the body is empty" : "the body is not valid JSON",
        rawBody: body, underlyingError: error)
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

/// Decodes only when the body is a JSON object, reading none of its members.
private struct ObjectProbe: Decodable {
  init(from decoder: any Decoder) throws {
    _ = try decoder.container(keyedBy: AnyCodingKey.self)
  }
}

/// One string member of a JSON object, at the path of names in the decoder's `userInfo`; `nil`
/// when it is not there or not a string.
private struct DiscriminatorProbe: Decodable {
  static let path = CodingUserInfoKey(rawValue: "TelephonyWebhooks.discriminator")!
  private static let decoders = Decoders()

  let value: String?

  init(from decoder: any Decoder) throws {
    var container = try decoder.container(keyedBy: AnyCodingKey.self)
    guard let path = decoder.userInfo[Self.path] as? [String], let last = path.last else {
      value = nil
      return
    }
    for name in path.dropLast() {
      guard let nested = try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(name)) else {
        value = nil
        return
      }
      container = nested
    }
    value = try? container.decodeIfPresent(String.self, forKey: AnyCodingKey(last))
  }

  /// A decoder that reads `path`, made once per path (a generated type has one).
  static func decoder(for path: [String]) -> JSONDecoder {
    decoders.decoder(for: path)
  }

  private final class Decoders: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [[String]: JSONDecoder] = [:]

    func decoder(for path: [String]) -> JSONDecoder {
      lock.withLock {
        if let decoder = byPath[path] { return decoder }
        let decoder = JSONDecoder()
        decoder.userInfo[DiscriminatorProbe.path] = path
        byPath[path] = decoder
        return decoder
      }
    }
  }
}
