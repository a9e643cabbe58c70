import Foundation

/// How a webhook handler's value becomes the body of the receiver's 200 answer, with the media
/// type the webhook declares for its 2xx response.
///
/// Generated `register` functions pass one, for a webhook that answers with content:
///
/// ```swift
/// let receiver = WebhookReceiver(
///   provider: "Callbox", verifier: verifier, maximumBodySize: maximumBodySize,
///   decode: { body, headers in
///     try WebhookPayload(provider: "Callbox", body: body, headers: headers, accepting: [.form])
///       .decode(IncomingCall.self)
///   },
///   handler: handler, answer: .text("application/xml"))
/// ```
@_spi(Generated) public struct WebhookAnswer<Value>: Sendable {
  let encode: @Sendable (Value) throws -> (body: Data, contentType: String)
}

extension WebhookAnswer where Value == String {
  /// The handler's text as UTF-8, for `application/xml` (TwiML) and `text/*`.
  @_spi(Generated) public static func text(_ mediaType: String) -> Self {
    Self { text in (Data(text.utf8), mediaType) }
  }
}

extension WebhookAnswer where Value: Encodable & Sendable {
  /// The handler's value as JSON, such as Vonage's NCCO (a JSON array of actions).
  @_spi(Generated) public static func json(_ mediaType: String = "application/json") -> Self {
    Self { value in (try JSONCoding.encoder.encode(value), mediaType) }
  }
}
