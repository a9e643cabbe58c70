import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One provider's webhook route on a `ServerTransport`: what every generated
/// `register(on:path:…)` shares.
///
/// A delivery is answered in this order, and nothing that arrives can make it throw:
/// 1. **401** when a static-credential verifier (``WebhookVerifier/basicAuth(username:password:)``,
///    ``WebhookVerifier/header(_:equals:)``, ``WebhookVerifier/queryParameter(_:equals:)``)
///    rejects the request, before the body is read, whatever it holds.
/// 2. **413** when the body is longer than `maximumBodySize` (read once, never past the limit).
/// 3. **401** when a signed scheme's verifier rejects the request: its signature covers the body.
/// 4. **400** with a one-line `text/plain` reason naming the provider when the body does not
///    decode as the payload.
/// 5. **200** when the handler returns, with its value as the body when the webhook answers with
///    content (see ``WebhookAnswer``); **500** with a generic body when it throws or its value
///    cannot be encoded, so that the provider delivers again.
///
/// No answer echoes a credential, and the receiver logs nothing.
@_spi(Generated) public struct WebhookReceiver<Event: Sendable>: Sendable {
  let provider: String
  let verifier: WebhookVerifier?
  let maximumBodySize: Int
  let decode: @Sendable (Data, HTTPFields) throws -> Event
  /// Runs the handler and makes the answer: 200, with the handler's value if it has one, or 500.
  let handle: @Sendable (Event) async -> (HTTPResponse, HTTPBody?)

  /// - Parameters:
  ///   - provider: The provider's namespace, such as `Api4Com`, named in 400 answers.
  ///   - verifier: Checks the credential the subscription registered; `nil` accepts any request.
  ///   - maximumBodySize: The longest body accepted, in bytes; a negative value counts as 0.
  ///   - decode: The generated decoder: body and headers to the event.
  ///   - handler: The user's code, called once per accepted delivery; its return answers 200
  ///     with no body.
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
    self.handle = { event in
      do {
        try await handler(event)
      } catch {
        return Self.handlerFailed
      }
      return (HTTPResponse(status: .ok), nil)
    }
  }

  /// A receiver whose handler answers with content, such as TwiML or an NCCO.
  ///
  /// - Parameters:
  ///   - provider: The provider's namespace, such as `Callbox`, named in 400 answers.
  ///   - verifier: Checks the credential or signature; `nil` accepts any request.
  ///   - maximumBodySize: The longest body accepted, in bytes; a negative value counts as 0.
  ///   - decode: The generated decoder: body and headers to the event.
  ///   - handler: The user's code, called once per accepted delivery; what it returns is the
  ///     body of the 200 answer.
  ///   - answer: How that value is encoded, and the media type it is sent as: the webhook's
  ///     declared 2xx response content, such as `.text("application/xml")`.
  @_spi(Generated) public init<Answer>(
    provider: String,
    verifier: WebhookVerifier?,
    maximumBodySize: Int,
    decode: @escaping @Sendable (Data, HTTPFields) throws -> Event,
    handler: @escaping @Sendable (Event) async throws -> Answer,
    answer: WebhookAnswer<Answer>
  ) {
    self.provider = provider
    self.verifier = verifier
    self.maximumBodySize = max(0, maximumBodySize)
    self.decode = decode
    self.handle = { event in
      let encoded: (body: Data, contentType: String)
      do {
        encoded = try answer.encode(try await handler(event))
      } catch {
        return Self.handlerFailed
      }
      var response = HTTPResponse(status: .ok)
      response.headerFields[.contentType] = encoded.contentType
      return (response, HTTPBody(encoded.body))
    }
  }

  /// What a handler that threw, or whose answer would not encode, gets: a generic 500, as its
  /// error may hold anything, secrets included.
  /// What a delivery whose credential or signature does not verify gets: where the credential
  /// was expected is for the server's owner, not for the caller. Built only for such a delivery.
  static var unauthorized: (HTTPResponse, HTTPBody?) {
    answer(.unauthorized, "unauthorized")
  }

  static var handlerFailed: (HTTPResponse, HTTPBody?) {
    answer(.internalServerError, "the webhook could not be handled; deliver it again")
  }

  /// Registers the route: `POST path` only. `observer`, if given, wraps every delivery.
  @_spi(Generated) public func register(
    on transport: any ServerTransport, path: String, observer: (any WebhookReceiverObserver)? = nil
  ) throws {
    try transport.register(
      { request, body, _ in
        guard let observer else { return await respond(to: request, body: body).answer }
        let delivery = WebhookDelivery(
          provider: provider, method: request.method, route: path, headerFields: request.headerFields)
        let answer = AnswerBox()
        _ = await observer.observe(delivery) {
          let (response, outcome) = await respond(to: request, body: body)
          answer.set(response)
          return outcome
        }
        // An observer that never called `next` still gets the delivery answered.
        if let sent = answer.value { return sent }
        return await respond(to: request, body: body).answer
      }, method: .post, path: path)
  }

  /// The answer to one delivery, and its outcome for an observer.
  func respond(to request: HTTPRequest, body: HTTPBody?) async -> (
    answer: (HTTPResponse, HTTPBody?), outcome: WebhookDeliveryOutcome
  ) {
    func rejected(_ answer: (HTTPResponse, HTTPBody?), _ rejection: WebhookDeliveryOutcome.Rejection) -> (
      answer: (HTTPResponse, HTTPBody?), outcome: WebhookDeliveryOutcome
    ) {
      (answer, WebhookDeliveryOutcome(status: answer.0.status.code, rejection: rejection))
    }
    if let verifier, !verifier.coversBody {
      do {
        try verifier.verify(headers: request.headerFields, url: request.path)
      } catch {
        return rejected(Self.unauthorized, .unauthorized(reason: Self.reason(error)))
      }
    }
    let data: Data
    switch await Self.collect(body, upTo: maximumBodySize) {
    case .complete(let bytes): data = bytes
    case .tooLarge:
      return rejected(
        Self.answer(.contentTooLarge, "\(provider) webhook: the body is larger than \(maximumBodySize) bytes"),
        .tooLarge(limit: maximumBodySize))
    case .unreadable:
      return rejected(Self.answer(.badRequest, "\(provider) webhook: the body could not be read"), .unreadable)
    }
    if let verifier, verifier.coversBody {
      do {
        try verifier.verify(headers: Self.withHost(request), url: request.path, body: data)
      } catch {
        return rejected(Self.unauthorized, .unauthorized(reason: Self.reason(error)))
      }
    }
    let event: Event
    do {
      event = try decode(data, request.headerFields)
    } catch let error as WebhookDecodingError {
      let reason = Self.oneLine(error.description)
      return rejected(Self.answer(.badRequest, reason), .undecodable(reason: reason))
    } catch {
      let reason = "\(provider) webhook: the body is not a \(provider) payload"
      return rejected(Self.answer(.badRequest, reason), .undecodable(reason: reason))
    }
    let answer = await handle(event)
    let status = answer.0.status.code
    return (
      answer, WebhookDeliveryOutcome(status: status, rejection: (200..<300).contains(status) ? nil : .handlerFailed)
    )
  }

  /// Why a verifier refused: its error's description, which names the credential and never
  /// holds its value; any other error by its type alone.
  static func reason(_ error: any Error) -> String {
    (error as? WebhookVerificationError)?.description ?? "webhook rejected: \(type(of: error))"
  }

  /// The request's headers with `Host`, which an HTTP/2 request (or a transport that moved it
  /// to the request's authority) lacks: Twilio's signature covers it when no public URL is set.
  static func withHost(_ request: HTTPRequest) -> HTTPFields {
    var headers = request.headerFields
    let host = HTTPField.Name("Host")!
    if headers[host] == nil, let authority = request.authority { headers[host] = authority }
    return headers
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

/// The answer a delivery's `next` made, handed out of the observer's closure.
private final class AnswerBox: @unchecked Sendable {
  private let lock = NSLock()
  private var answer: (HTTPResponse, HTTPBody?)?

  func set(_ answer: (HTTPResponse, HTTPBody?)) {
    lock.withLock { self.answer = answer }
  }

  var value: (HTTPResponse, HTTPBody?)? {
    lock.withLock { answer }
  }
}
