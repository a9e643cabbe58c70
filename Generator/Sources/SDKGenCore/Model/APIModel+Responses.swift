/// A body a client reads from a response, or a webhook receiver sends as its answer.
public struct ResponseBody: Hashable, Sendable {
  public var type: TypeUsage
  /// How it is read or written: `.json`, `.text` or `.binary` (and, for answers, `.form`).
  public var encoding: BodyEncoding
  /// The media types declared for it, in the spec's order; the first is the one sent.
  public var mediaTypes: [String]
}

/// What an operation gives back on success.
public enum ResponseShape: Hashable, Sendable {
  /// No body: the method returns `Void`.
  case empty
  /// One body type for every success status: the method returns it.
  case body(ResponseBody)
  /// 2xx statuses with different bodies (or some with a body and some without): the method
  /// returns a generated enum with a case per status.
  case outcomes(ResponseOutcomes)
}

/// The enum an operation returns when its 2xx responses differ, such as
/// `Client.GetCallOutcome` with `.ok(Call)`, `.accepted(Job)` and `.noContent`.
///
/// It is nested in the client, named after the method: it belongs to that one method, and a
/// schema of the spec (which the namespace holds) can never take its name.
public struct ResponseOutcomes: Hashable, Sendable {
  /// `<Method>Outcome`, such as `GetCallOutcome`.
  public var name: String
  /// Exact statuses first, then ranges, so that a `switch` reaches every case.
  public var cases: [ResponseOutcome]
  /// Whether every payload is `Hashable` (a streamed body is not).
  public var isHashable: Bool
}

/// One case of ``ResponseOutcomes``.
public struct ResponseOutcome: Hashable, Sendable {
  public var status: StatusMatch
  /// `ok`, `created`, `noContent`, or `status218` for a status without a name.
  public var swiftName: String
  /// `nil` for a status without a body: the case has no payload.
  public var body: ResponseBody?
  public var documentation: Documentation
}

public struct SuccessResponse: Hashable, Sendable {
  /// The 2xx status codes; `2XX` is 200 through 299.
  public var statuses: [StatusMatch]
  public var shape: ResponseShape
  public var documentation: Documentation
}

extension ResponseShape {
  /// The body, unless there is none.
  public var body: ResponseBody? {
    switch self {
    case .empty, .outcomes: nil
    case .body(let body): body
    }
  }
}

public struct ErrorResponse: Hashable, Sendable {
  public var status: StatusMatch
  /// The body's type, when the spec gives one.
  public var type: TypeUsage?
  /// Whether `type` is a named struct with an ``ErrorFormat``.
  public var hasErrorFormat: Bool
}

/// Error statuses that throw the same way: with a typed error body, or without one.
public struct ErrorCase: Hashable, Sendable {
  /// In the spec's order; never `default`.
  public var statuses: [StatusMatch]
  /// The error body type the runtime decodes, or `nil` to keep the body raw.
  public var errorBody: TypeUsage?
}

/// How an operation throws for a status that is not a success: the statuses that throw
/// differently from `default`, grouped, then `default` for every other.
public struct ErrorHandling: Hashable, Sendable {
  /// In the order of each group's first status in the spec.
  public var cases: [ErrorCase]
  /// The error body type of every other status (the spec's `default` response), if typed.
  public var fallbackErrorBody: TypeUsage?

  public init(cases: [ErrorCase] = [], fallbackErrorBody: TypeUsage? = nil) {
    self.cases = cases
    self.fallbackErrorBody = fallbackErrorBody
  }
}

public enum StatusMatch: Hashable, Sendable {
  case code(Int)
  /// `4XX`: the first digit.
  case range(Int)
  case `default`
}
