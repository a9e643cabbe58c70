import Testing

@testable import SDKGenCore

/// The rules that keep type names short (``SwiftName`` in `SwiftName+Nesting.swift`), a row each.
@Suite struct NamingRuleTests {
  @Test(arguments: [
    // A property's inline type nests in its parent, named after the property.
    ("message", "SendMessageManyRequest", "SendMessageManyRequest.Message"),
    ("call_status", "Call", "Call.CallStatus"),
    ("content", "Request.Message", "Request.Message.Content"),
    // A name a member type cannot have, or that generated code uses, gets the last word of the
    // parent's own name in front.
    ("type", "Call", "Call.CallType"),
    ("type", "Request.ButtonItemBase", "Request.ButtonItemBase.BaseType"),
    ("self", "Call", "Call.CallSelf"),
    ("coding_keys", "Call", "Call.CallCodingKeys"),
    ("data", "Call", "Call.CallData"),
    ("string", "Value", "Value.ValueString"),
  ])
  func nestedTypeNames(_ member: String, _ parent: String, _ expected: String) {
    #expect(SwiftName.nestedTypeName(member, in: parent) == expected)
  }

  @Test(arguments: [
    ("Request.Messages", "Request.Message"),
    ("Order.Items", "Order.Item"),
    ("Contact.Addresses", "Contact.Address"),
    ("Call.Statuses", "Call.Status"),
    ("Call.Countries", "Call.Country"),
    ("Order.PaymentSettings", "Order.PaymentSetting"),
    // Irregular plurals and words that are not plurals stay as they are.
    ("Report.People", "Report.People"),
    ("Report.Info", "Report.Info"),
    ("Report.Data", "Report.DataItem"),
    ("Report.Status", "Report.Status"),
    ("Report.SMS", "Report.SMS"),
    // A singular that would hide a name generated code uses keeps the plural, with `Item`.
    ("Problem.Errors", "Problem.ErrorsItem"),
    // A type of the namespace keeps `Item`, as before.
    ("Calls", "CallsItem"),
  ])
  func arrayItemsAreSingular(_ array: String, _ expected: String) {
    #expect(SwiftName.itemTypeName(array) == expected)
  }

  @Test(arguments: [
    ("Messages", "Message"), ("Items", "Item"), ("Addresses", "Address"), ("Statuses", "Status"),
    ("Entries", "Entry"), ("Matches", "Match"), ("Boxes", "Box"), ("Aliases", "Alias"), ("Responses", "Response"),
    ("Series", "Series"), ("Children", "Children"), ("Media", "Media"), ("Info", "Info"), ("Bus", "Bus"),
    ("Class", "Class"), ("Analysis", "Analysis"), ("IDs", "IDs"),
  ])
  func singulars(_ plural: String, _ expected: String) {
    #expect(SwiftName.singular(plural) == expected)
  }

  @Test(arguments: [
    // Segments that repeat the namespace go.
    ("voice.v1.byoc_trunk", "TwilioVoiceV1", "ByocTrunk"),
    ("voice.v1.call", "TwilioVoiceV1", "Call"),
    // A segment that a later one repeats goes, singular or plural.
    ("voice.v1.dialing_permissions.dialing_permissions_country", "TwilioVoiceV1", "DialingPermissionsCountry"),
    ("templates.components.attachments.attachment-base", "ZenviaV2", "TemplatesComponentsAttachmentBase"),
    ("subscription.partial-status.message-subscription", "ZenviaV2", "PartialStatusMessageSubscription"),
    // Words that begin the segment before too go from the later one.
    (
      "voice.v1.dialing_permissions.dialing_permissions_country.dialing_permissions_hrs_prefixes", "TwilioVoiceV1",
      "DialingPermissionsCountryHrsPrefixes"
    ),
    // A segment that only repeats how the one before ends goes.
    ("events.conversation-status.statuses.created", "ZenviaV2", "EventsConversationStatusCreated"),
    // Names without dots are as before; a name made only of the namespace keeps its last segment.
    ("ErrorResponse", "Acme", "ErrorResponse"),
    ("content.email.reply-to", "ZenviaV2", "ContentEmailReplyTo"),
    ("acme.v1", "AcmeV1", "V1"),
  ])
  func dottedNames(_ key: String, _ namespace: String, _ expected: String) {
    #expect(SwiftName.pathTypeName(key, namespace: namespace) == expected)
  }

  @Test(
    arguments: [
      ("http-method", ["VoiceMethod", "StatusCallbackMethod"], "HTTPMethod"),
      (nil, ["VoiceMethod", "SMSFallbackMethod", "StatusCallbackMethod"], "Method"),
      (nil, ["CallStatus", "RecordingCallStatus"], "CallStatus"),
      // Nothing shared: the shortest name.
      (nil, ["State", "Condition"], "State"),
      // A shared name that is reserved gets `Model`, as a schema's would.
      (nil, ["CallType", "MessageType"], "TypeModel"),
    ] as [(String?, [String], String)])
  func repeatedEnumNames(_ format: String?, _ ownNames: [String], _ expected: String) {
    #expect(SwiftName.sharedEnumName(format: format, ownNames: ownNames) == expected)
  }
}
