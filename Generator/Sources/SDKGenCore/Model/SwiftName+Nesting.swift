/// The rules that keep type names short: inline types nested in their parent, array items in
/// the singular, dotted schema names without repeated segments, and one name for a repeated enum.
extension SwiftName {
  /// The part of a type's name after the last dot: `Request.Message` → `Message`.
  public static func ownName(_ name: String) -> String {
    name.split(separator: ".").last.map(String.init) ?? name
  }

  /// The name of a nested type's parent, or `nil` for a type of the namespace:
  /// `Request.Message` → `Request`.
  public static func parentName(_ name: String) -> String? {
    name.lastIndex(of: ".").map { String(name[..<$0]) }
  }

  /// The type of a member declared inside `parent`: `SendMessageRequest` and `message` →
  /// `SendMessageRequest.Message`. An own name that a member type cannot have, or that would
  /// hide a name generated code uses (`Type`, `CodingKeys`, `String`, `Data`), gets the last
  /// word of the parent's own name in front: `Call` and `type` → `Call.CallType`,
  /// `VoiceCall` and `type` → `VoiceCall.CallType`.
  public static func nestedTypeName(_ member: String, in parent: String) -> String {
    nested(typeNamePart(member), in: parent)
  }

  /// The element type of an array type named `name`: inside a parent, the last word in the
  /// singular (`Request.Messages` → `Request.Message`, `Order.Items` → `Order.Item`); a type of
  /// the namespace gets `Item` (`Calls` → `CallsItem`), and so does a singular that would hide
  /// a name generated code uses (`Errors` → `ErrorsItem`, not `Error`).
  public static func itemTypeName(_ name: String) -> String {
    guard let parent = parentName(name) else { return name + "Item" }
    let own = singular(ownName(name))
    return hides(own) ? name + "Item" : nested(own, in: parent)
  }

  /// `own` inside `parent`; one that hides a name gets the last word of the parent's own name in
  /// front (`Call` → `Call.CallType`, `ButtonItemBase` → `ButtonItemBase.BaseType`).
  private static func nested(_ own: String, in parent: String) -> String {
    guard hides(own) else { return parent + "." + own }
    return parent + "." + (words(ownName(parent)).last.map(capitalizedWord) ?? "") + own
  }

  /// Whether a nested type of this name would break generated code: a name a member type cannot
  /// have, or one that generated code writes unqualified.
  private static func hides(_ own: String) -> Bool {
    reservedTypeNames.contains(own) || ImportedNames.modules[own] != nil
  }

  /// Plural words whose singular is not the word without its ending.
  private static let irregularSingulars = [
    "aliases": "alias", "analyses": "analysis", "buses": "bus", "caches": "cache", "indices": "index",
    "statuses": "status", "movies": "movie", "cookies": "cookie",
  ]

  /// Words that end like a plural but are not one; they stay as they are.
  private static let notPlurals: Set<String> = [
    "address", "alias", "analysis", "basis", "bonus", "canvas", "class", "news", "series", "species", "status",
    "success", "access", "process", "kudos", "chaos", "always", "plus", "minus", "corpus", "campus", "census",
    "consensus", "axis", "thesis", "lens", "bus", "gas",
  ]

  /// A type name with its last word in the singular: `Messages` → `Message`, `PaymentSettings`
  /// → `PaymentSetting`, `Addresses` → `Address`, `Statuses` → `Status`, `Countries` →
  /// `Country`. Irregular plurals (`People`, `Data`) and words that are not plurals (`Status`,
  /// `Info`) stay as they are, and so does a word in capitals (`SMS`).
  public static func singular(_ name: String) -> String {
    guard let last = words(name).last, last.count > 3, last != last.uppercased() else { return name }
    let lower = last.lowercased()
    let head = String(name.dropLast(last.count))
    func replaced(_ count: Int, with ending: String) -> String { head + last.dropLast(count) + ending }
    if let singular = irregularSingulars[lower] {
      return head + last.prefix(1) + singular.dropFirst()
    }
    if notPlurals.contains(lower) { return name }
    if lower.hasSuffix("ies") { return replaced(3, with: "y") }
    if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes")
      || lower.hasSuffix("zzes")
    {
      return replaced(2, with: "")
    }
    if lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") {
      return replaced(1, with: "")
    }
    return name
  }

  /// A dotted or path-like schema name without the segments that say nothing new: the leading
  /// ones that repeat the namespace (`voice.v1.call` in `TwilioVoiceV1` → `Call`); those whose
  /// words a later segment repeats, singular or plural
  /// (`dialing_permissions.dialing_permissions_country` → `DialingPermissionsCountry`,
  /// `attachments.attachment-base` → `AttachmentBase`); and in each segment, the words that
  /// begin the segment before it too (`dialing_permissions_country.dialing_permissions_prefixes`
  /// → `DialingPermissionsCountryPrefixes`), and a segment that only repeats how the one before
  /// ends (`conversation-status.statuses.created` → `ConversationStatusCreated`).
  public static func pathTypeName(_ key: String, namespace: String) -> String {
    pathTypeName(key, namespaceWords: namespaceWordSet(namespace))
  }

  /// The namespace's words in lower case, as ``pathTypeName(_:namespace:)`` drops them.
  private static func namespaceWordSet(_ namespace: String) -> Set<String> {
    Set(words(namespace).map { $0.lowercased() })
  }

  /// A word of a schema name, with the form that makes two words the same word (in any case,
  /// singular or plural: `buttons` and `Button`) worked out once: the rules compare every
  /// segment's words with every later segment's.
  private struct PathWord {
    let text: String
    let form: String

    init(_ text: String) {
      self.text = text
      form = singular(capitalizedWord(text)).lowercased()
    }
  }

  private static func pathTypeName(_ key: String, namespaceWords: Set<String>) -> String {
    let parts = key.split(whereSeparator: { $0 == "." || $0 == "/" })
    guard parts.count > 1 else { return typeName(key) }
    let segments = parts.map { words(String($0)).map(PathWord.init) }
    var kept = Array(segments.drop { segment in segment.allSatisfy { namespaceWords.contains($0.text.lowercased()) } })
    if kept.isEmpty { kept = [segments.last!] }
    kept = kept.enumerated().filter { index, segment in
      !kept[(index + 1)...].contains { later in contains(later, segment) }
    }.map(\.element)
    var result: [PathWord] = kept[0]
    for (previous, segment) in zip(kept, kept.dropFirst()) {
      // `conversation-status.statuses`: the segment only repeats how the one before ends.
      if segment.count <= result.count, zip(result.suffix(segment.count), segment).allSatisfy({ $0.form == $1.form }) {
        continue
      }
      let shared = zip(previous, segment).prefix { $0.form == $1.form }.count
      result += segment.dropFirst(shared)
    }
    return typeName(result.map(\.text).joined(separator: "_"))
  }

  /// The length over which a type name reads as generated rather than written.
  public static let longTypeName = 40

  /// Every dotted or path-like schema name of a spec, each as ``pathTypeName(_:namespace:)``
  /// gives it, except in a group of names filed alike (the same segments before the last) where
  /// one is longer than ``longTypeName``: there every name starts at the segments that tell it
  /// apart, two at least. The leading segments are the folders the vendor filed the schema in;
  /// a name keeps the shortest run of its last segments that ends no other key as long as it or
  /// shorter, unless another schema's name spells it too.
  /// `templates.components.buttons.button-item-url` → `ButtonItemURL` and
  /// `templates.components.carousel.buttons.button-item-url` → `CarouselButtonItemURL`. The
  /// names depend only on the set of keys, never on their order.
  public static func pathTypeNames(_ keys: [String], namespace: String) -> [String: String] {
    let namespaceWords = namespaceWordSet(namespace)
    var names = Dictionary(
      keys.map { ($0, pathTypeName($0, namespaceWords: namespaceWords)) }, uniquingKeysWith: { $1 })
    let segments = Dictionary(keys.map { ($0, pathSegments($0)) }, uniquingKeysWith: { $1 })
    let longFolders = Set(
      keys.filter { segments[$0]!.count > 2 && unescaped(names[$0]!).count > longTypeName }.map {
        segments[$0]!.dropLast()
      })
    var shortened: [String: String] = [:]
    if !longFolders.isEmpty {
      // Every key under each run of its last segments, so that a name's test of its endings looks
      // up the keys that end alike instead of comparing every pair of keys.
      var endings: [ArraySlice<String>: [String]] = [:]
      for key in keys {
        let own = segments[key]!
        for count in 0..<own.count { endings[own.suffix(count + 1), default: []].append(key) }
      }
      for key in keys where longFolders.contains(segments[key]!.dropLast()) {
        let own = segments[key]!
        guard
          let kept = (2..<own.count).first(where: { count in
            !(endings[own.suffix(count)] ?? []).contains { $0 != key && segments[$0]!.count <= own.count }
          })
        else { continue }
        shortened[key] = pathTypeName(own.suffix(kept).joined(separator: "."), namespaceWords: namespaceWords)
      }
    }
    // A short name that another schema's name spells as well stays long.
    let uses = Dictionary(grouping: keys.map { shortened[$0] ?? names[$0]! }, by: { $0 }).mapValues(\.count)
    for (key, name) in shortened where uses[name] == 1 { names[key] = name }
    return names
  }

  /// A key's segments in lower case: `Voice.v1/Call` → `voice`, `v1`, `call`.
  private static func pathSegments(_ key: String) -> [String] {
    key.split(whereSeparator: { $0 == "." || $0 == "/" }).map { $0.lowercased() }
  }

  /// Whether `words` holds `run` as consecutive words, each the same word in any case, singular
  /// or plural (`buttons` and `Button`).
  private static func contains(_ words: [PathWord], _ run: [PathWord]) -> Bool {
    guard !run.isEmpty, run.count <= words.count else { return false }
    return (0...(words.count - run.count)).contains { start in
      zip(words[start...], run).allSatisfy { $0.form == $1.form }
    }
  }

  /// The name of one type for an enum that several places declare alike: after its `format`
  /// (`http-method` → `HTTPMethod`), otherwise after the words that end every place's own name
  /// (`VoiceMethod`, `StatusCallbackMethod` → `Method`), otherwise the shortest own name.
  public static func sharedEnumName(format: String?, ownNames: [String]) -> String {
    if let format, !format.isEmpty { return componentTypeName(format) }
    let split = ownNames.map { words($0) }
    var shared: [String] = []
    while let word = split.first?.dropLast(shared.count).last,
      split.allSatisfy({ $0.count > shared.count && $0[$0.count - 1 - shared.count] == word })
    {
      shared.insert(word, at: 0)
    }
    if !shared.isEmpty { return componentTypeName(shared.joined()) }
    return ownNames.min { ($0.count, $0) < ($1.count, $1) } ?? "Value"
  }
}
