import Foundation
import OpenAPIRuntime

/// The request bodies of generated operations beyond JSON: forms, multipart, text and binary.
/// Each sets the body and the `Content-Type` that says what it is.
extension OperationRequest {
  /// Encodes `value` as an `application/x-www-form-urlencoded` body, with the spec's `encoding`
  /// per property.
  @_spi(Generated) public mutating func setFormBody(
    _ value: some Encodable, encoding: [String: PropertyEncoding] = [:]
  ) throws {
    let data = try withEncodingErrors { try FormEncoder.encode(value, encodings: encoding) }
    setBody(data, contentType: FormEncoder.contentType)
  }

  /// Encodes `value` as a `multipart/form-data` body with a random boundary.
  @_spi(Generated) public mutating func setMultipartBody(
    _ value: some Encodable, encoding: [String: PropertyEncoding] = [:]
  ) throws {
    let body = try withEncodingErrors { try MultipartWriter.encode(value, encodings: encoding) }
    setBody(body.data, contentType: body.contentType)
  }

  /// Sends `text` as `contentType` (`text/plain`, `application/xml`), in the charset it names or
  /// else UTF-8.
  @_spi(Generated) public mutating func setTextBody(_ text: String, contentType: String) throws {
    let data = try withEncodingErrors {
      guard let stringEncoding = MediaType(contentType).stringEncoding else {
        throw BodyEncodingError("the charset of \(contentType) is not one this client can write")
      }
      guard let data = text.data(using: stringEncoding) else {
        throw BodyEncodingError("the text cannot be written in the charset of \(contentType)")
      }
      return data
    }
    setBody(data, contentType: contentType)
  }

  /// Sends `body` as it streams, as `contentType`.
  @_spi(Generated) public mutating func setBinaryBody(_ body: HTTPBody, contentType: String) {
    self.body = body
    self.contentType = contentType
  }

  mutating func setBody(_ data: Data, contentType: String) {
    body = HTTPBody(data)
    self.contentType = contentType
  }

  /// Runs `encode`, keeping the ``Secret``s it encodes (to scrub from errors) and turning what it
  /// throws into an ``APIError`` of kind `encoding` that names the property that failed.
  mutating func withEncodingErrors<T>(_ encode: () throws -> T) throws -> T {
    do {
      let (result, secrets) = try SecretCollector.collecting(encode)
      secretValues += secrets
      return result
    } catch let error as APIError {
      throw error
    } catch {
      throw APIError(
        kind: .encoding, operationID: operationID, underlyingError: error, detail: BodyEncodingError.describe(error))
    }
  }
}

/// A body that cannot be written as its media type asks.
struct BodyEncodingError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }

  /// One line that names the property: `the property "price" cannot be encoded: inf is not a
  /// finite number`.
  static func describe(_ error: any Error) -> String {
    guard case .invalidValue(_, let context) = error as? EncodingError else {
      return String(describing: error)
    }
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      .reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
    let reason = context.debugDescription.isEmpty ? "invalid value" : context.debugDescription
    return path.isEmpty ? reason : "the property \"\(path)\" cannot be encoded: \(reason)"
  }
}
