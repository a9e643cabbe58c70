import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One provider's webhook route on a `ServerTransport`: what every generated
/// `register(on:path:…)` shares.
///
/// A delivery is answered in this order, and nothing that arrives can make it throw:
/// 1. **401** when the verifier rejects the request, before the body is read, whatever it holds.
/// 2. **413** when the body is longer than `maximumBodySize` (read once, never past the limit).
/// 3. **400** with a one-line `text/plain` reason naming the provider when the body does not
///    decode as the payload.
/// 4. **200** when the handler returns, **500** with a generic body when it throws, so that the
///    provider delivers again.
///
/// No answer echoes a credential, and the receiver logs nothing.
@_spi(Generated) public struct WebhookReceiver<Event: Sendable>: Sendable {
  let provider: String
  let verifier: WebhookVerifier?
  let maximumBodySize: Int
  let decode: @Sendable (Data, HTTPFields) throws -> Event
  let handler: @Sendable (Event) async throws -> Void

  /// - Parameters:
  ///   - provider: The provider's namespace, such as `Api4Com`, named in 400 answers.
  ///   - verifier: Checks the credential the subscription registered; `nil` accepts any request.
  ///   - maximumBodySize: The longest body accepted, in bytes; a negative value counts as 0.
  ///   - decode: The generated decoder: body and headers to the event.
  ///   - handler: The user's code, called once per accepted delivery.
  @_spi(Generated) public init(
    provider: String,
    verifier: WebhookVerifier?,
    maximumBodySize: Int,
    decode: @escaping @Sendable (Data, HTTPFields) throws -> Event,
    handler: @escaping @Sendable (Event) async throws -> Void
  ) {
    self.provider = provider
    self.verifier = verifier
    self.maximumBodySize = max(0, maximumBodySize)
    self.decode = decode
    self.handler = handler
  }

  /// Registers the route: `POST path` only.
  @_spi(Generated) public func register(on transport: any ServerTransport, path: String) throws {
    try transport.register({ request, body, _ in await respond(to: request, body: body) }, method: .post, path: path)
  }

  /// The answer to one delivery.
  func respond(to request: HTTPRequest, body: HTTPBody?) async -> (HTTPResponse, HTTPBody?) {
    if let verifier {
      do {
        try verifier.verify(headers: request.headerFields, url: request.path)
      } catch {
        // Where the credential was expected is for the server's owner, not for the caller.
        return Self.answer(.unauthorized, "unauthorized")
      }
    }
    let data: Data
    switch await Self.collect(body, upTo: maximumBodySize) {
    case .complete(let bytes): data = bytes
    case .tooLarge:
      return Self.answer(.contentTooLarge, "\(provider) webhook: the body is larger than \(maximumBodySize) bytes")
    case .unreadable: return Self.answer(.badRequest, "\(provider) webhook: the body could not be read")
    }
    let event: Event
    do {
      event = try decode(data, request.headerFields)
    } catch let error as WebhookDecodingError {
      return Self.answer(.badRequest, Self.oneLine(error.description))
    } catch {
      return Self.answer(.badRequest, "\(provider) webhook: the body is not a \(provider) payload")
    }
    do {
      try await handler(event)
    } catch {
      // The handler's error may hold anything, secrets included: none of it is sent.
      return Self.answer(.internalServerError, "the webhook could not be handled; deliver it again")
    }
    return (HTTPResponse(status: .ok), nil)
  }

  enum Collected {
    case complete(Data)
    case tooLarge
    case unreadable
  }

  /// Reads `body` once, stopping as soon as it passes `limit`.
  static func collect(_ body: HTTPBody?, upTo limit: Int) async -> Collected {
    guard let body else { return .complete(Data()) }
    if case .known(let length) = body.length, length > limit { return .tooLarge }
    var data = Data()
    do {
      for try await chunk in body {
        guard chunk.count <= limit - data.count else { return .tooLarge }
        data.append(contentsOf: chunk)
      }
    } catch {
      return .unreadable
    }
    return .complete(data)
  }

  /// At most 500 characters on one line: a decoding reason can quote keys the sender chose.
  static func oneLine(_ text: String) -> String {
    let breaks: Set<Unicode.GeneralCategory> = [.control, .lineSeparator, .paragraphSeparator]
    let scalars = text.unicodeScalars.map { breaks.contains($0.properties.generalCategory) ? " " : $0 }
    let flat = String(String.UnicodeScalarView(scalars))
    return flat.count <= 500 ? flat : String(flat.prefix(499)) + "…"
  }

  /// A `text/plain` answer; the transport sets its length.
  static func answer(_ status: HTTPResponse.Status, _ reason: String) -> (HTTPResponse, HTTPBody?) {
    let body = Data(reason.utf8)
    var response = HTTPResponse(status: status)
    response.headerFields[.contentType] = "text/plain; charset=utf-8"
    return (response, HTTPBody(body))
  }
}
