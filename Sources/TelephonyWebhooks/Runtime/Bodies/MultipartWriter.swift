import Foundation

/// Writes a generated model as a `multipart/form-data` body (RFC 7578): one part per property,
/// and one per element of a list.
///
/// A ``MultipartFile`` is a file part with its `filename` and `Content-Type`; text, numbers and
/// booleans are `text/plain` parts; objects are `application/json` parts. A property's
/// `encoding` can name another `Content-Type`. The boundary is random and checked against
/// every part, so it never occurs in the content.
struct MultipartWriter {
  /// The body, and the `Content-Type` that names its boundary.
  struct Body {
    var data: Data
    var contentType: String
  }

  private struct Part {
    var name: String
    var filename: String?
    var contentType: String?
    var data: Data
  }

  static func encode(
    _ value: some Encodable, encodings: [String: PropertyEncoding] = [:],
    boundary makeBoundary: () -> String = Self.randomBoundary
  ) throws -> Body {
    let members = try BodyValue.captureMembers(of: value, bodyKind: "multipart")
    var parts: [Part] = []
    for member in members {
      let declared = encodings[member.name]?.contentType
      let values: [BodyValue]
      if case .list(let items) = member.value, !(declared.map { MediaType($0).isJSON } ?? false) {
        values = items
      } else {
        values = [member.value]
      }
      for value in values {
        if let part = try part(member.name, value, declaredType: declared) { parts.append(part) }
      }
    }
    var boundary = makeBoundary()
    while parts.contains(where: { $0.data.range(of: Data(boundary.utf8)) != nil }) {
      boundary = makeBoundary()
    }
    var data = Data()
    for part in parts {
      data.append(Data("--\(boundary)\r\n".utf8))
      var disposition = "Content-Disposition: form-data; name=\"\(quoted(part.name))\""
      if let filename = part.filename { disposition += "; filename=\"\(quoted(filename))\"" }
      data.append(Data("\(disposition)\r\n".utf8))
      if let contentType = part.contentType { data.append(Data("Content-Type: \(contentType)\r\n".utf8)) }
      data.append(Data("\r\n".utf8))
      data.append(part.data)
      data.append(Data("\r\n".utf8))
    }
    data.append(Data("--\(boundary)--\r\n".utf8))
    return Body(data: data, contentType: "multipart/form-data; boundary=\(boundary)")
  }

  private static func part(_ name: String, _ value: BodyValue, declaredType: String?) throws -> Part? {
    switch value {
    case .null:
      return nil
    case .file(let file):
      return Part(
        name: name, filename: file.filename,
        contentType: file.contentType ?? declaredType ?? "application/octet-stream", data: file.data)
    case .string, .number, .bool:
      if let declaredType, MediaType(declaredType).isJSON {
        return Part(name: name, contentType: declaredType, data: try value.json)
      }
      return Part(name: name, contentType: declaredType ?? "text/plain", data: Data((value.text ?? "").utf8))
    case .list, .object:
      return Part(name: name, contentType: declaredType ?? "application/json", data: try value.json)
    }
  }

  /// A name or file name inside the header's quotes, escaped as HTML forms do.
  private static func quoted(_ text: String) -> String {
    text.replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
      .replacingOccurrences(of: "\"", with: "%22")
  }

  /// `TelephonyWebhooks-` and 32 random letters and digits.
  static func randomBoundary() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var generator = SystemRandomNumberGenerator()
    return "TelephonyWebhooks-" + String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
  }
}
