import Foundation
import HTTPTypes
import TelephonyWebhooks

/// What the middlewares may show of a request: its path, headers and URL, with every credential
/// the client knows of (``ClientOperationContext``) taken out.
enum RequestDescription {
  /// OpenTelemetry's replacement for a credential in `url.full`.
  static let redactedQueryValue = "REDACTED"
  static let redactedHeaderValue = "<redacted>"

  /// The operation's path template where the client knows it, else the request's path without
  /// its query.
  static func path(of request: HTTPRequest) -> String {
    if let template = ClientOperationContext.current?.pathTemplate { return template }
    let path = request.path ?? "/"
    return ClientOperationContext.redact(String(path.prefix { $0 != "?" }))
  }

  /// The full URL, without user information and with each credential query parameter's value
  /// replaced by `REDACTED`.
  static func fullURL(of request: HTTPRequest, baseURL: URL) -> String {
    var base = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
    base?.user = nil
    base?.password = nil
    var text = base?.string ?? baseURL.absoluteString
    while text.hasSuffix("/") { text.removeLast() }
    let target = request.path ?? ""
    guard let mark = target.firstIndex(of: "?") else { return ClientOperationContext.redact(text + target) }
    let pairs = target[target.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map {
      pair -> String in
      let name = String(pair.prefix { $0 != "=" })
      let decoded = name.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? name
      return ClientOperationContext.isCredential(queryName: decoded) ? name + "=" + redactedQueryValue : String(pair)
    }
    return ClientOperationContext.redact(text + target[..<mark] + "?" + pairs.joined(separator: "&"))
  }

  /// `name: value` per field, in order, with credential headers' values replaced.
  static func headers(_ fields: HTTPFields) -> [String] {
    fields.map { field in
      let value =
        ClientOperationContext.isCredential(field.name)
        ? redactedHeaderValue : ClientOperationContext.redact(field.value)
      return "\(field.name.rawName): \(value)"
    }
  }
}
