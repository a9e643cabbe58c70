/// The incoming webhooks of the spec's `webhooks:` section.
public struct Webhooks: Hashable, Sendable {
  /// The property path that tells the events of ``WebhookEvent`` apart, such as `["eventType"]` or
  /// `["data", "event_type"]`: from `x-webhooks-discriminator`, the config's
  /// `webhooks.discriminator`, or inferred from the payloads; `nil` when there is no event enum.
  public var discriminator: [String]?
  /// Every webhook, in the spec's order.
  public var events: [WebhookEventCase]
  /// The encodings the event enum's decoder accepts, the one assumed without a `Content-Type`
  /// first.
  public var eventFormats: [WebhookFormat]
  /// What the event enum's handler answers with; `nil` for no content.
  public var eventAnswer: ResponseBody?
  /// The payload types of the webhooks outside the event enum, each with its own decoder and
  /// `register`.
  public var payloadDecoders: [WebhookPayloadDecoder]
  /// Whether subscriptions can rename payload fields (`x-webhooks-renamable-fields`), so the
  /// decoders take the renames.
  public var acceptsRenamedFields: Bool
  /// The longest body a receiver accepts unless told otherwise, in bytes.
  public var maximumBodySize: Int

  /// The webhooks gathered into the event enum, in the spec's order.
  public var enumEvents: [WebhookEventCase] { events.filter { !$0.values.isEmpty } }
}

/// How a webhook's body is encoded: what the runtime's `WebhookPayload` accepts.
public enum WebhookFormat: String, Hashable, Sendable {
  case json, form
}

public struct WebhookEventCase: Hashable, Sendable {
  /// The key in `webhooks:`.
  public var key: String
  public var swiftName: String
  public var payloadType: String
  /// The discriminator values that choose this case of the event enum: the payload's `const` or
  /// `enum` at the discriminator's path, or the key where the payload gives none that is its own.
  /// Empty for a webhook outside the enum.
  public var values: [String]
  /// The encodings its request body declares, JSON first.
  public var formats: [WebhookFormat]
  /// Its 2xx response's content, which the handler returns; `nil` for none (`Void`, 200).
  public var answer: ResponseBody?
  public var documentation: Documentation
}

/// A payload type outside the event enum, decoded and registered on its own.
public struct WebhookPayloadDecoder: Hashable, Sendable {
  public var payloadType: String
  /// The webhooks whose payload it is, in the spec's order.
  public var keys: [String]
  public var formats: [WebhookFormat]
  public var answer: ResponseBody?
}
