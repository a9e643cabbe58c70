import Foundation

/// A file in a `multipart/form-data` request body: its bytes, and optionally the file name and
/// media type its part declares.
///
/// ```swift
/// let greeting = MultipartFile(wavData, filename: "greeting.wav", contentType: "audio/wav")
/// ```
///
/// Without a `contentType`, the part is sent as the spec's `encoding` says, else as
/// `application/octet-stream`. In a JSON body the file is its bytes in base64.
public struct MultipartFile: Codable, Hashable, Sendable {
  /// The file's bytes, sent unchanged.
  public var data: Data
  /// The `filename` of the part's `Content-Disposition`.
  public var filename: String?
  /// The part's `Content-Type`.
  public var contentType: String?

  /// A file part of `data`, named `filename` and typed `contentType` when they are given.
  public init(_ data: Data, filename: String? = nil, contentType: String? = nil) {
    self.data = data
    self.filename = filename
    self.contentType = contentType
  }

  /// Decodes the bytes from base64, without a file name or media type.
  public init(from decoder: any Decoder) throws {
    self.init(try Data(from: decoder))
  }

  /// Encodes the bytes as base64; a multipart body sends them as they are instead.
  public func encode(to encoder: any Encoder) throws {
    try data.encode(to: encoder)
  }
}
