extension Api4Com {
  /// Whether a call's `metadata` satisfies a `webhookConstraint`: every key of the constraint is
  /// present with an equal value (see ``JSONValue/contains(_:)``).
  ///
  /// Api4Com delivers a call's webhooks to an integration only when this holds. An empty
  /// constraint accepts every call.
  public static func metadata(_ metadata: [String: JSONValue], satisfies constraint: WebhookConstraint) -> Bool {
    JSONValue.object(metadata).contains(.object(constraint))
  }
}

extension Api4Com.Integration {
  /// Whether Api4Com delivers the webhooks of a call with this `metadata` to this integration:
  /// the call's metadata satisfies ``webhookConstraint``; an integration without one receives
  /// every call's.
  public func receivesWebhooks(forCallMetadata metadata: [String: JSONValue]?) -> Bool {
    Api4Com.metadata(metadata ?? [:], satisfies: webhookConstraint ?? [:])
  }
}
