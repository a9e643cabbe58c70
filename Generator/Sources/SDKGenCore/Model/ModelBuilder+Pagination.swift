import OpenAPIKit

/// `x-pagination`: page sequences over list operations.
extension ModelBuilder {
  func translatePagination(_ value: Any, operation: Operation, path: [String]) -> Pagination? {
    guard let settings = value as? [String: Any], let name = settings["name"] as? String,
      let page = settings["page"] as? String, let items = settings["items"] as? String,
      let next = settings["next"] as? String
    else {
      error("x-pagination needs the strings name, page, items and next", key: path)
      return nil
    }
    guard let pageParameter = operation.parameters.first(where: { $0.name == page && $0.location == .query }),
      resolveAlias(pageParameter.type) == .builtin(.int)
    else {
      error(
        "x-pagination: \"\(page)\" is not an integer query parameter of \(operation.operationID)",
        value: path + ["page"])
      return nil
    }
    guard let responseType = operation.success.shape.body?.type,
      let (itemSteps, itemsType) = propertyPath(items, from: responseType, path: path + ["items"]),
      let (nextSteps, nextType) = propertyPath(next, from: responseType, path: path + ["next"])
    else { return nil }
    guard case .array(let element) = resolveAlias(itemsType) else {
      error("x-pagination: \"\(items)\" is not an array", value: path + ["items"])
      return nil
    }
    return Pagination(
      swiftName: SwiftName.memberName(name), pageParameter: pageParameter.swiftName, itemsPath: itemSteps,
      elementType: element, nextPath: nextSteps, nextIsPageNumber: resolveAlias(nextType) == .builtin(.int))
  }

  /// Follows dotted JSON property names through generated structs.
  func propertyPath(_ dotted: String, from type: TypeUsage, path: [String]) -> ([PropertyStep], TypeUsage)? {
    var steps: [PropertyStep] = []
    var current = type
    for key in dotted.split(separator: ".").map(String.init) {
      guard case .named(let name) = resolveAlias(current),
        case .structure(let declaration)? = declarations[name]?.declaration,
        let property = declaration.properties.first(where: { $0.jsonName == key })
      else {
        error("x-pagination: the response has no property \"\(dotted)\"", value: path)
        return nil
      }
      steps.append(PropertyStep(swiftName: property.swiftName, isOptional: property.isOptional))
      current = property.type
    }
    return (steps, current)
  }
}
