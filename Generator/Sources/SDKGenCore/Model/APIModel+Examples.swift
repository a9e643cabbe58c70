/// What a mock transport answers an operation with when a test scripts nothing: the first
/// success status and a body the generated client decodes.
public struct ExampleAnswer: Hashable, Sendable {
  /// Where the body came from.
  public enum Source: String, Hashable, Sendable {
    /// The response's documented `example` or first `examples` entry.
    case documented
    /// Built from the schema: its properties' examples, defaults and types.
    case schema
  }

  /// The status sent: the first 2xx code, or 200 for `2XX`.
  public var status: Int
  /// The body's media type; `nil` with no body.
  public var mediaType: String?
  /// The body as text: JSON, pretty-printed with sorted keys, or the text of a `text/*` body;
  /// `nil` with no body.
  public var body: String?
  public var source: Source
  /// What the client reads the body as: the success body, or an outcome enum's first case's.
  public var responseBody: ResponseBody? = nil
}
