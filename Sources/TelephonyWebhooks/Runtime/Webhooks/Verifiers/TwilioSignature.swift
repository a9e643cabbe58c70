import Crypto
import Foundation

extension WebhookVerifier {
  /// Accepts a delivery signed as Twilio signs its webhooks: `X-Twilio-Signature`, the base64
  /// HMAC-SHA1 of the full URL followed by each form parameter, sorted by name, as name then
  /// value.
  ///
  /// The URL is `publicURL` followed by the request's query. Without `publicURL`, it is
  /// `https://` (or the scheme in `X-Forwarded-Proto`), the `Host` header and the request target.
  /// It is accepted with and without the scheme's default port, as Twilio's own validators do.
  /// A JSON body is covered by the URL's `bodySHA256` query parameter, the hex SHA-256 of the
  /// body, which must match it.
  ///
  /// - Parameters:
  ///   - authToken: The account's auth token.
  ///   - publicURL: The URL the provider was given for this webhook, without its query: set it
  ///     when a proxy in front of the server changes the scheme, host or path.
  public static func twilio(authToken: String, publicURL: URL? = nil) -> Self {
    Self(rule: .signed(TwilioSignature(key: authToken, publicURL: publicURL, provider: .twilio)))
  }

  /// Accepts a delivery signed as SignalWire signs its webhooks: Twilio's algorithm
  /// (``twilio(authToken:publicURL:)``) keyed by the project's signing key, read from
  /// `X-SignalWire-Signature`, or `X-Twilio-Signature` when that is absent.
  ///
  /// - Parameters:
  ///   - signingKey: The SignalWire project's signing key.
  ///   - publicURL: The URL the provider was given for this webhook, without its query.
  public static func signalWire(signingKey: String, publicURL: URL? = nil) -> Self {
    Self(rule: .signed(TwilioSignature(key: signingKey, publicURL: publicURL, provider: .signalWire)))
  }
}

/// Twilio's HMAC-SHA1 over the URL and the sorted form parameters; SignalWire's is the same.
struct TwilioSignature: SignatureScheme {
  enum Provider: Sendable {
    case twilio
    case signalWire

    /// The headers that may carry the signature, the first present read.
    var headers: [String] {
      switch self {
      case .twilio: ["X-Twilio-Signature"]
      case .signalWire: ["X-SignalWire-Signature", "X-Twilio-Signature"]
      }
    }
  }

  let key: SymmetricKey
  let publicURL: URL?
  let provider: Provider

  init(key: String, publicURL: URL?, provider: Provider) {
    self.key = SymmetricKey(data: Data(key.utf8))
    self.publicURL = publicURL
    self.provider = provider
  }

  var signatureName: String { "\(provider.headers[0]) header" }

  var description: String {
    let name = provider == .twilio ? "twilio" : "signalWire"
    return "\(name): <redacted>, publicURL: \(publicURL?.absoluteString ?? "from the request")"
  }

  func verify(url: String?, body: Data, now: Date, header: (String) -> String?) throws(WebhookVerificationError) {
    guard let name = provider.headers.first(where: { header($0) != nil }), let value = header(name) else {
      throw WebhookVerificationError(reason: .missing, credential: signatureName)
    }
    guard let signature = Data(base64Encoded: SignatureSupport.trimmed(value)) else {
      throw WebhookVerificationError(reason: .malformed, credential: "\(name) header")
    }
    let fullURL = try Self.fullURL(target: url, publicURL: publicURL, header: header)
    let parameters: [(String, String)]
    if let hash = WebhookVerifier.queryValue("bodySHA256", in: fullURL) {
      // A JSON body: the URL is signed alone, and carries the body's hash.
      guard
        WebhookVerifier.constantTimeEquals(
          Data(hash.lowercased().utf8), Data(SignatureSupport.sha256Hex(body).utf8))
      else { throw WebhookVerificationError(reason: .mismatch, credential: "bodySHA256 query parameter") }
      parameters = []
    } else {
      parameters = FormDecoder.pairs(in: body) ?? []
    }
    var matched = false
    for candidate in Self.portVariants(fullURL) {
      let content = Self.signedContent(url: candidate, parameters: parameters)
      matched = HMAC<Insecure.SHA1>.isValidAuthenticationCode(signature, authenticating: content, using: key) || matched
    }
    guard matched else { throw WebhookVerificationError(reason: .mismatch, credential: "\(name) header") }
  }

  /// The URL followed by each parameter, sorted by name and then value, as name then value.
  /// Repeated pairs count once, as in Twilio's own validators.
  static func signedContent(url: String, parameters: [(String, String)]) -> Data {
    let unique = Set(parameters.map { Pair(name: $0.0, value: $0.1) })
    let sorted = unique.sorted { lhs, rhs in
      lhs.name == rhs.name
        ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
    }
    var content = url
    for pair in sorted { content += pair.name + pair.value }
    return Data(content.utf8)
  }

  private struct Pair: Hashable {
    var name: String
    var value: String
  }

  /// The base64 signature of `url` and `parameters` with `key`.
  static func signature(key: SymmetricKey, url: String, parameters: [(String, String)]) -> String {
    let mac = HMAC<Insecure.SHA1>.authenticationCode(
      for: signedContent(url: url, parameters: parameters), using: key)
    return Data(mac).base64EncodedString()
  }

  /// The URL the provider called: `publicURL` with the request's query, the full URL passed,
  /// or the scheme (`X-Forwarded-Proto`, else `https`), `Host` and the request target.
  static func fullURL(
    target: String?, publicURL: URL?, header: (String) -> String?
  ) throws(WebhookVerificationError) -> String {
    let target = target ?? ""
    let isAbsolute = target.lowercased().hasPrefix("http://") || target.lowercased().hasPrefix("https://")
    if let publicURL {
      var base = publicURL.absoluteString
      guard let query = target.firstIndex(of: "?").map({ target[$0...] }) else { return base }
      if let cut = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = String(base[..<cut]) }
      return base + query.prefix { $0 != "#" }
    }
    if isAbsolute { return target }
    guard let host = header("Host"), !host.isEmpty else {
      throw WebhookVerificationError(reason: .missing, credential: "Host header")
    }
    let forwarded = header("X-Forwarded-Proto")?.split(separator: ",").first
      .map { SignatureSupport.trimmed($0).lowercased() }
    let scheme = forwarded.flatMap { $0 == "http" || $0 == "https" ? $0 : nil } ?? "https"
    return "\(scheme)://\(host)\(target.hasPrefix("/") ? target : "/" + target)"
  }

  /// `url`, and `url` with the scheme's default port added when it has none, or removed when it
  /// has it: Twilio may sign either.
  static func portVariants(_ url: String) -> [String] {
    guard let separator = url.range(of: "://") else { return [url] }
    let defaultPort: String
    switch url[..<separator.lowerBound].lowercased() {
    case "https": defaultPort = "443"
    case "http": defaultPort = "80"
    default: return [url]
    }
    let authorityEnd = url[separator.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
    let authority = url[separator.upperBound..<authorityEnd]
    let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
    let host = authority[hostStart...]
    if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
      guard host[host.index(after: colon)...] == defaultPort else { return [url] }
      return [url, String(url[..<colon] + url[authorityEnd...])]
    }
    return [url, String(url[..<authorityEnd]) + ":" + defaultPort + String(url[authorityEnd...])]
  }
}
