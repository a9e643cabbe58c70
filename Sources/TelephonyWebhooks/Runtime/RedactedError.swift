import Foundation

/// An error that quoted a credential, as an ``APIError`` carries it in its
/// ``APIError/underlyingError``: the original's type name, domain and code, and its texts with
/// every credential replaced by `<redacted>`.
///
/// Errors that quote no credential are kept as they were thrown, so `catch` on their own type
/// still works; a `URLError` keeps its type with the credentials taken out of its `userInfo`.
public struct RedactedError: Error, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable, LocalizedError, CustomNSError
{
  /// The original error's fully qualified type name, such as `MyApp.SigningError`.
  public let typeName: String
  /// The original error's `NSError` domain.
  public let domain: String
  /// The original error's `NSError` code: an enum's case index, or its own `errorCode`.
  public let code: Int
  /// The original error's `description`, redacted.
  public let description: String
  /// The original error's `debugDescription` (`String(reflecting:)`), redacted.
  public let debugDescription: String
  /// The original error's `localizedDescription`, redacted.
  public let localizedText: String

  init(redacting error: any Error, with redactor: Redactor) {
    let bridged = error as NSError
    typeName = String(reflecting: type(of: error))
    domain = bridged.domain
    code = bridged.code
    description = redactor.redact(String(describing: error))
    debugDescription = redactor.redact(String(reflecting: error))
    localizedText = redactor.redact(bridged.localizedDescription)
  }

  public var errorDescription: String? { localizedText }
  public static var errorDomain: String { "TelephonyWebhooks.RedactedError" }
  public var errorCode: Int { code }
  public var errorUserInfo: [String: Any] { [NSLocalizedDescriptionKey: localizedText] }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: ["typeName": typeName, "domain": domain, "code": code, "description": description],
      displayStyle: .struct)
  }
}

/// Takes the credentials of one request out of text and errors.
struct Redactor: Sendable {
  static let replacement = "<redacted>"

  /// The secret strings, longest first, so that a secret containing another is replaced whole.
  let secrets: [String]

  init(_ secrets: some Sequence<String>) {
    self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
  }

  func redact(_ text: String) -> String {
    secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.replacement) }
  }

  func leaks(_ text: String) -> Bool {
    secrets.contains { text.contains($0) }
  }

  /// `error` itself when nothing it shows holds a credential; otherwise a `URLError` with a
  /// scrubbed `userInfo`, or a ``RedactedError``.
  func redact(_ error: any Error) -> any Error {
    guard !secrets.isEmpty, leaks(error) else { return error }
    if let urlError = error as? URLError {
      let scrubbed = URLError(urlError.code, userInfo: redact(userInfo: urlError.userInfo))
      if !leaks(scrubbed) { return scrubbed }
    }
    return RedactedError(redacting: error, with: self)
  }

  /// Whether any way of showing `error` (print, debugPrint, dump, `localizedDescription`, its
  /// `NSError` user info) holds a credential.
  func leaks(_ error: any Error) -> Bool {
    var dumped = ""
    dump(error, to: &dumped)
    let bridged = error as NSError
    return [
      String(describing: error), String(reflecting: error), dumped, bridged.localizedDescription,
      String(describing: bridged.userInfo),
    ].contains(where: leaks)
  }

  private func redact(userInfo: [String: Any]) -> [String: Any] {
    userInfo.mapValues { value -> Any in
      switch value {
      case let text as String:
        return redact(text)
      case let url as URL:
        let redacted = redact(url.absoluteString)
        guard redacted != url.absoluteString else { return url }
        let encoded = redacted.replacingOccurrences(of: Self.replacement, with: "%3Credacted%3E")
        return URL(string: encoded) ?? redacted
      case let error as URLError:
        return URLError(error.code, userInfo: redact(userInfo: error.userInfo))
      case let error as NSError:
        return NSError(domain: error.domain, code: error.code, userInfo: redact(userInfo: error.userInfo))
      default:
        return value
      }
    }
  }
}
