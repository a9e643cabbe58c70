import Foundation
import OpenAPIKit

extension ModelBuilder {
  /// The client's servers: the top-level ones; without them, the servers that every path or
  /// operation names alike.
  func translateServers() -> [Server] {
    var servers = document.servers
    var prefix = ["servers"]
    if servers.isEmpty {
      var lists: [([OpenAPI.Server], [String])] = []
      for (pathKey, entry) in document.paths {
        guard let item = entry.b else { continue }
        for endpoint in item.endpoints {
          if let own = endpoint.operation.servers {
            lists.append((own, ["paths", pathKey.rawValue, endpoint.method.rawValue.lowercased(), "servers"]))
          } else if let shared = item.servers {
            lists.append((shared, ["paths", pathKey.rawValue, "servers"]))
          } else {
            lists.append(([], []))
          }
        }
      }
      if let first = lists.first, !first.0.isEmpty, lists.allSatisfy({ $0.0 == first.0 }) {
        servers = first.0
        prefix = first.1
      }
    }
    clientServers = servers
    var taken = NameAllocator(reserving: ["defaultServerURL", "serverURL"])
    let base = servers.lazy.compactMap { Self.absoluteURL($0.urlTemplate.absoluteString, base: nil) }.first
    var result: [Server] = []
    for (index, server) in servers.enumerated() {
      let path = prefix + [String(index)]
      let variables = server.variables.map { name, variable in
        ServerVariable(
          name: name, swiftName: SwiftName.memberName(name), defaultValue: variable.default,
          allowedValues: variable.enum ?? [], documentation: Documentation(details: variable.description))
      }
      let written = server.urlTemplate.absoluteString
      guard let url = Self.absoluteURL(written, base: base) else {
        warning(
          "the server URL \"\(written)\" is relative and the spec has no absolute server to resolve it against; the client takes a serverURL",
          key: path + ["url"])
        continue
      }
      var model = Server(url: url, documentation: Documentation(details: server.description), variables: variables)
      if !result.isEmpty {
        model.swiftName = Self.uniqueServerName(
          url.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""), taken: &taken)
      }
      result.append(model)
    }
    return result
  }

  /// `url` made absolute: a protocol-relative `//host/path` takes `https`, and a relative one
  /// resolves against `base` (the spec's first absolute server); `nil` when it stays relative.
  /// A URL that starts with a variable, such as `{baseUrl}/v1`, is taken as it is.
  static func absoluteURL(_ url: String, base: String?) -> String? {
    if url.hasPrefix("//") { return "https:" + url }
    if url.hasPrefix("{") || hasScheme(url) { return url }
    guard let base, let baseURL = URL(string: base), let resolved = URL(string: url, relativeTo: baseURL) else {
      return nil
    }
    return resolved.absoluteString
  }

  /// Whether `url` starts with a scheme, such as `https:`.
  private static func hasScheme(_ url: String) -> Bool {
    guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isLetter else { return false }
    return url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
  }

  /// ``serverName(_:suffix:)``, numbered from 2 past the names in `taken`, which it joins.
  static func uniqueServerName(_ url: String, taken: inout NameAllocator<Void>) -> String {
    taken.claim(serverName(url)) { serverName(url, suffix: $0) }
  }

  /// The operation's own server, where its path or the operation itself names servers other
  /// than the client's: the first of them, with each variable at its default value.
  ///
  /// A relative URL resolves against the spec's first absolute server; with none, it is left
  /// out with a warning and the operation goes to the client's server.
  func operationServerURL(_ servers: [OpenAPI.Server]?, path: [String]) -> String? {
    guard let servers, let server = servers.first, servers != clientServers else { return nil }
    var url = server.urlTemplate.absoluteString
    for (name, variable) in server.variables {
      url = url.replacingOccurrences(of: "{\(name)}", with: variable.default)
    }
    let base = clientServers.lazy.compactMap { Self.absoluteURL($0.urlTemplate.absoluteString, base: nil) }.first
    guard let absolute = Self.absoluteURL(url, base: base), !absolute.contains("{"),
      let parsed = URL(string: absolute), parsed.scheme != nil, parsed.host != nil
    else {
      warning(
        "the server URL \"\(server.urlTemplate.absoluteString)\" is not absolute; the operation uses the client's server",
        key: path + ["0", "url"])
      return nil
    }
    return absolute
  }

  /// Names the servers that operations name for themselves after their hosts, such as
  /// `mediaServerURL` for `https://media.example.com`, and points each operation at its name.
  ///
  /// Where an operation would have no server at all (no own server, and the client's has
  /// variables or there is none), the client needs a `serverURL` for every operation, so no
  /// operation keeps its own.
  func nameOperationServers(_ operations: inout [Operation], clientServers: [Server]) -> [OperationServer] {
    let clientHasDefault = clientServers.first.map { $0.variables.isEmpty } ?? false
    guard clientHasDefault || operations.allSatisfy({ $0.serverURL != nil }) else {
      for index in operations.indices { operations[index].serverURL = nil }
      return []
    }
    // An operation server that is one of the client's own servers is named as the client names it.
    var byURL: [String: String] = [:]
    for server in clientServers.dropFirst() where server.variables.isEmpty {
      if let name = server.swiftName { byURL[server.url] = name }
    }
    var servers: [OperationServer] = []
    var taken = NameAllocator(reserving: ["defaultServerURL", "serverURL"] + clientServers.compactMap(\.swiftName))
    for index in operations.indices {
      guard let url = operations[index].serverURL else { continue }
      if clientHasDefault, url == clientServers[0].url {
        operations[index].serverURL = nil
        continue
      }
      let name =
        byURL[url]
        ?? {
          let name = Self.uniqueServerName(url, taken: &taken)
          byURL[url] = name
          return name
        }()
      operations[index].serverName = name
      if let known = servers.firstIndex(where: { $0.swiftName == name }) {
        servers[known].operations.append(operations[index].swiftName)
      } else {
        servers.append(
          OperationServer(
            swiftName: name, url: url, operations: [operations[index].swiftName],
            isClientServer: clientServers.contains { $0.swiftName == name }))
      }
    }
    return servers
  }

  /// `https://media.example.com/v2` → `mediaV2ServerURL`: the host's labels before its domain
  /// (or the domain, when there are none), then the path.
  static func serverName(_ url: String, suffix: Int? = nil) -> String {
    let parsed = URL(string: url)
    var labels = (parsed?.host ?? "").split(separator: ".").map(String.init)
    if labels.count > 2 {
      labels.removeLast(2)
    } else if labels.count == 2 {
      labels.removeLast()
    }
    let path = (parsed?.path ?? "").split(separator: "/").map(String.init)
    // Punctuation separates words (`2010-04-01` → `20100401`).
    var words = String((labels + path).joined(separator: " ").map { $0.isLetter || $0.isNumber ? $0 : " " })
      .split(separator: " ").joined(separator: " ")
    if words.isEmpty { words = "operation" }
    return SwiftName.memberName(words + (suffix.map { " \($0)" } ?? "") + " server URL")
  }
}
