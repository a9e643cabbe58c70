import Foundation

/// Server URLs with variables, such as Thulium's `https://{system}.thulium.com/api`.
@_spi(Generated) public enum ServerURL {
  /// Replaces each `{name}` in `template` with its value, percent-encoded so that the result is
  /// always a URL; a value that is not a valid host fails when the request is sent, with a
  /// transport error.
  @_spi(Generated) public static func expand(_ template: String, variables: [String: String]) -> URL {
    var text = template
    for (name, value) in variables {
      let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlHostAllowed) ?? value
      text = text.replacingOccurrences(of: "{\(name)}", with: encoded)
    }
    guard let url = URL(string: text) else {
      preconditionFailure("sdkgen checked that \(template) is a URL template")
    }
    return url
  }
}
