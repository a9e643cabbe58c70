import Foundation

/// How a list or object becomes `name=value` pairs, as OpenAPI's `style` and `explode` say,
/// for query parameters and for the properties of a form body.
@_spi(Generated) public enum ParameterStyle: String, Sendable, Hashable {
  /// `tag=a&tag=b` exploded, `tag=a,b` not; an object's members as pairs, or `name=k,v,k2,v2`.
  case form
  /// `tag=a%20b`.
  case spaceDelimited
  /// `tag=a%7Cb`.
  case pipeDelimited
  /// `filter[status]=active`: each member of an object under the parameter's name.
  case deepObject
}

/// How one property of a form or multipart body is sent: OpenAPI's `encoding` object.
@_spi(Generated) public struct PropertyEncoding: Sendable, Hashable {
  @_spi(Generated) public var style: ParameterStyle
  @_spi(Generated) public var explode: Bool
  /// The part's (multipart) or the value's (form, `application/json` only) media type.
  @_spi(Generated) public var contentType: String?

  @_spi(Generated) public init(style: ParameterStyle = .form, explode: Bool? = nil, contentType: String? = nil) {
    self.style = style
    self.explode = explode ?? (style == .form || style == .deepObject)
    self.contentType = contentType
  }
}

/// Writes a value as percent-encoded `name=value` pairs in a style, with the delimiters the
/// style adds left as they are.
struct StyledPairs: Sendable {
  /// Percent-encodes one name or value.
  var escape: @Sendable (String) -> String
  /// `%20` in a query, `+` in a form body.
  var encodedSpace: String

  func pairs(name: String, value: BodyValue, style: ParameterStyle, explode: Bool) throws -> [String] {
    let encodedName = escape(name)
    switch value {
    case .null:
      return []
    case .string, .number, .bool, .file:
      return [encodedName + "=" + escape(value.text ?? "")]
    case .list(let items):
      let texts = try items.compactMap { item -> String? in
        if case .null = item { return nil }
        guard let text = item.text else { throw Self.nested(name) }
        return escape(text)
      }
      if explode && style != .deepObject {
        return texts.map { encodedName + "=" + $0 }
      }
      let delimiter =
        switch style {
        case .form, .deepObject: ","
        case .spaceDelimited: encodedSpace
        case .pipeDelimited: "%7C"
        }
      return texts.isEmpty ? [] : [encodedName + "=" + texts.joined(separator: delimiter)]
    case .object(let members):
      var result: [String] = []
      var flat: [String] = []
      for member in members {
        let memberName: String
        switch (style, explode) {
        case (.deepObject, _): memberName = name + "[" + member.name + "]"
        case (_, true): memberName = member.name
        case (_, false):
          guard let text = member.value.text else {
            if case .null = member.value { continue }
            throw Self.nested(name)
          }
          flat += [escape(member.name), escape(text)]
          continue
        }
        if case .object = member.value { throw Self.nested(name) }
        result += try pairs(name: memberName, value: member.value, style: .form, explode: true)
      }
      return flat.isEmpty ? result : [encodedName + "=" + flat.joined(separator: ",")]
    }
  }

  private static func nested(_ name: String) -> EncodingError {
    EncodingError.invalidValue(
      name,
      .init(codingPath: [], debugDescription: "\(name) nests a list or object in a way its style cannot express"))
  }
}

extension PercentEncoding {
  /// `application/x-www-form-urlencoded` as HTML forms send it: the RFC 3986 unreserved
  /// characters as they are, a space as `+`, every other UTF-8 byte as `%XX`.
  static func formEncode(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: " "):
        result += "+"
      default:
        result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
      }
    }
    return result
  }
}
