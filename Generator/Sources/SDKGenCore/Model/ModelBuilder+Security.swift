import OpenAPIKit

/// Security requirements: which credentials each operation sends.
extension ModelBuilder {
  func translateSecurity(_ requirements: [OpenAPI.SecurityRequirement]?, schemes: [SecurityScheme], path: [String])
    -> [[String]]
  {
    let order = Dictionary(uniqueKeysWithValues: schemes.enumerated().map { ($1.key, $0) })
    let translated = (requirements ?? []).enumerated().map { index, requirement in
      let names = requirement.keys.compactMap { reference -> String? in
        // A mutualTLS scheme is the transport's: the request carries nothing for it.
        if let name = reference.name, transportSecuritySchemes.contains(name) { return nil }
        guard let name = reference.name, order[name] != nil else {
          error(
            "the security requirement names \"\(reference.name ?? reference.absoluteString)\", which is not in components/securitySchemes",
            key: path + [String(index)])
          return nil
        }
        return name
      }
      return names.sorted { order[$0]! < order[$1]! }
    }
    // An alternative that only the transport's mutualTLS met needs no credential, so it would
    // always be chosen first: it goes last, and the credentials the caller gave are sent.
    let isTransportOnly = (requirements ?? []).map { requirement in
      !requirement.keys.isEmpty && requirement.keys.allSatisfy { transportSecuritySchemes.contains($0.name ?? "") }
    }
    return zip(translated, isTransportOnly).filter { !$0.1 }.map(\.0)
      + zip(translated, isTransportOnly).filter { $0.1 }.map(\.0)
  }
}
