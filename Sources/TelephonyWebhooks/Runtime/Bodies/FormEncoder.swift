import Foundation

/// Encodes a generated model as an `application/x-www-form-urlencoded` body, as a browser
/// sends an HTML form: `To=%2B1+555&Record=true`.
///
/// Each property is a `name=value` pair in the order the model encodes them; a list repeats the
/// name, booleans are `true` and `false`, and `nil` properties are left out. A property's
/// `encoding` can choose another style, or `application/json` to send the value as JSON text.
enum FormEncoder {
  static let contentType = "application/x-www-form-urlencoded"

  static func encode(_ value: some Encodable, encodings: [String: PropertyEncoding] = [:]) throws -> Data {
    let writer = StyledPairs(escape: { PercentEncoding.formEncode($0) }, encodedSpace: "+")
    let members = try BodyValue.captureMembers(of: value, bodyKind: "form")
    var pairs: [String] = []
    for member in members {
      let encoding = encodings[member.name] ?? PropertyEncoding()
      if let contentType = encoding.contentType, MediaType(contentType).isJSON {
        if case .null = member.value { continue }
        let json = String(decoding: try member.value.json, as: UTF8.self)
        pairs += try writer.pairs(name: member.name, value: .string(json), style: .form, explode: true)
      } else {
        pairs += try writer.pairs(
          name: member.name, value: member.value, style: encoding.style, explode: encoding.explode)
      }
    }
    return Data(pairs.joined(separator: "&").utf8)
  }
}
