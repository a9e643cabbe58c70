import OpenAPIKit

extension OpenAPI.ComponentKey {
  /// The key `name` spells, or `nil` when it is not a valid one: what `init(rawValue:)` answers,
  /// worked out on the bytes of an ASCII name (`^[a-zA-Z0-9._-]+$`). OpenAPIKit's own check
  /// builds three `CharacterSet`s a call, and a large spec looks up thousands of `$ref`s.
  init?(componentName name: String) {
    var isASCII = true
    var isValid = !name.isEmpty
    for byte in name.utf8 {
      if byte >= 0x80 {
        isASCII = false
        break
      }
      let allowed =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
      if !allowed { isValid = false }
    }
    // A name with other letters or digits than ASCII ones: OpenAPIKit's own rule decides.
    guard isASCII else {
      self.init(rawValue: name)
      return
    }
    guard isValid else { return nil }
    self.init(stringLiteral: name)
  }
}
