import Foundation

public struct Operation: Hashable, Sendable {
  public enum Method: String, Hashable, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
  }

  public var operationID: String
  public var swiftName: String
  public var method: Method
  /// The path template, such as `/webhooks/{webhook_id}`.
  public var path: String
  /// The path as sent: its text, with each path parameter's value in place of its `{name}`.
  public var pathSegments: [PathSegment] = []
  public var documentation: Documentation
  /// Path, then query, then header parameters, each group in the spec's order.
  public var parameters: [Parameter]
  public var requestBody: RequestBody?
  public var success: SuccessResponse
  public var errors: [ErrorResponse]
  /// How each error status throws, from `errors`.
  public var errorHandling = ErrorHandling()
  /// Alternatives, each a set of security scheme keys that must all be applied.
  public var security: [[String]]
  public var isDeprecated: Bool
  public var pagination: Pagination?
  /// The `Accept` header the request sets: every media type the responses declare, in the
  /// spec's order; `nil` when that is JSON alone, which the runtime asks for by default.
  public var accept: String?
  /// The operation's own server (its path's or its own `servers`, variables at their defaults)
  /// where it differs from the client's.
  public var serverURL: String? = nil
  /// The name of the client's static property that holds ``serverURL``.
  public var serverName: String? = nil
  /// The answer a mock transport gives by default, from the spec's examples.
  public var exampleAnswer: ExampleAnswer? = nil
}

/// A part of an operation's path.
public enum PathSegment: Hashable, Sendable {
  /// Text sent as it is, such as `/webhooks/`.
  case literal(String)
  /// A path parameter's value, by its Swift name, percent-encoded.
  case parameter(swiftName: String)
}

/// A server that some operations name for themselves, as a static property of the client.
public struct OperationServer: Hashable, Sendable {
  public var swiftName: String
  public var url: String
  /// The Swift names of the operations sent to it, in the spec's order.
  public var operations: [String]
  /// Whether it is one of the spec's top-level servers, which the client declares already.
  public var isClientServer = false
}

public struct Parameter: Hashable, Sendable {
  public enum Location: String, Hashable, Sendable {
    case path, query, header, cookie
  }

  public var name: String
  public var swiftName: String
  public var location: Location
  public var type: TypeUsage
  /// Whether the value is an enum, sent as its raw value.
  public var isEnum: Bool
  public var isRequired: Bool
  /// How an array or object is written: `form` in the query and cookies, `simple` in the path and headers.
  public var style: ParameterStyle
  /// For arrays in the query: `tag=a&tag=b` (exploded) or `tag=a,b`.
  public var explode: Bool
  /// Whether the value is a generated struct, written member by member as `style` says.
  public var isObject: Bool
  public var documentation: Documentation
  public var isDeprecated: Bool
  /// Whether the parameter is described by `content: application/json`: its value is sent as
  /// JSON text, whatever `style` says.
  public var isJSON = false
}

/// OpenAPI's `style` of a parameter, or of a form body's property.
public enum ParameterStyle: String, Hashable, Sendable {
  case form, simple, spaceDelimited, pipeDelimited, deepObject
  /// Path parameters only: `;id=5` and `.5`.
  case matrix, label
}

/// How a body is written or read: the row of DESIGN's table its media type falls in.
public enum BodyEncoding: Hashable, Sendable {
  /// `application/json` and `*+json`: the generated type through `JSONEncoder`.
  case json
  /// `application/x-www-form-urlencoded` with an object schema, and the spec's `encoding` entries.
  case form([PropertyEncoding])
  /// `multipart/form-data` with an object schema, and the spec's `encoding` entries.
  case multipart([PropertyEncoding])
  /// `text/*` and XML: a `String`.
  case text
  /// Anything else: an `HTTPBody`, streamed.
  case binary
}

/// An `encoding` entry of a form or multipart body: how one property is sent.
public struct PropertyEncoding: Hashable, Sendable {
  /// The property's name in the spec.
  public var name: String
  public var style: ParameterStyle
  public var explode: Bool
  public var contentType: String?
}

public struct RequestBody: Hashable, Sendable {
  public var type: TypeUsage
  public var encoding: BodyEncoding
  /// The media type sent, such as `application/json`; for a wildcard or one of several, the
  /// first the spec lists (the caller then passes `contentType:`).
  public var mediaType: String
  /// Whether the operation takes a `contentType: String` parameter before `body:`.
  public var takesContentType: Bool
  /// Whether it is JSON sent as `application/json`, the runtime's default, so that the request
  /// names no content type.
  public var isPlainJSON: Bool
  public var isRequired: Bool
  public var documentation: Documentation
}

/// How to walk every page of a list operation (`x-pagination`).
public struct Pagination: Hashable, Sendable {
  /// The sequence method, such as `allWebhooks`.
  public var swiftName: String
  /// The page number parameter's Swift name.
  public var pageParameter: String
  /// Property steps from the response to the items array.
  public var itemsPath: [PropertyStep]
  public var elementType: TypeUsage
  /// Property steps from the response to the next-page marker.
  public var nextPath: [PropertyStep]
  /// Whether the marker is the next page's number; otherwise it is non-nil while there is
  /// a next page (a URL), and the next page is this one plus one.
  public var nextIsPageNumber: Bool
}

public struct PropertyStep: Hashable, Sendable {
  public var swiftName: String
  public var isOptional: Bool
}
