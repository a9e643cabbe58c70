import OpenAPIKit

/// Parameter styles: which `style` each location allows, and what shape of value it writes.
extension ModelBuilder {
  /// What a parameter's value is, for the style that writes it.
  struct ParameterShape {
    /// Sent as an enum's raw value (or an array of them).
    var isEnum: Bool
    /// A struct or dictionary, written member by member.
    var isObject: Bool
  }

  func parameterStyle(
    _ style: OpenAPI.Parameter.SchemaContext.Style, location: Parameter.Location, path: [String]
  ) -> ParameterStyle? {
    switch (location, style) {
    case (.query, .form): return .form
    case (.query, .spaceDelimited): return .spaceDelimited
    case (.query, .pipeDelimited): return .pipeDelimited
    case (.query, .deepObject): return .deepObject
    case (.path, .simple), (.header, .simple): return .simple
    case (.path, .matrix): return .matrix
    case (.path, .label): return .label
    case (.cookie, .form): return .form
    default:
      let supported =
        switch location {
        case .query: "form, spaceDelimited, pipeDelimited or deepObject"
        case .cookie: "form"
        case .path: "simple, matrix or label"
        case .header: "simple"
        }
      error(
        "unsupported: the \(style.rawValue) style for a \(location.rawValue) parameter; use \(supported)",
        value: path + ["style"])
      return nil
    }
  }

  /// Checks that `type` is a value `style` can write, and says how it is written.
  func parameterShape(
    _ type: TypeUsage, style: ParameterStyle, location: Parameter.Location, name: String, path: [String]
  ) -> ParameterShape? {
    let resolved = resolveAlias(type)
    var isObject = false
    let element: TypeUsage
    switch resolved {
    case .array(let inner):
      element = resolveAlias(inner)
    case .dictionary(let value):
      isObject = true
      element = resolveAlias(value)
    case .named(let typeName):
      if case .structure = declarations[typeName]?.declaration {
        isObject = true
        element = .builtin(.string)
      } else {
        element = resolved
      }
    default:
      element = resolved
    }
    if isObject && location == .path {
      error("unsupported: an object \(location.rawValue) parameter (\"\(name)\")", key: path)
      return nil
    }
    if style == .deepObject && !isObject {
      error("unsupported: the deepObject style for \"\(name)\", which is not an object", key: path)
      return nil
    }
    var isArray = false
    if case .array = resolved { isArray = true }
    if style == .spaceDelimited || style == .pipeDelimited, !isArray {
      error("unsupported: the \(style.rawValue) style for \"\(name)\", which is not an array", key: path)
      return nil
    }
    switch element {
    case .named(let elementName):
      guard case .enumeration = declarations[elementName]?.declaration else {
        error("unsupported: a nested \(location.rawValue) parameter (\"\(name)\")", key: path)
        return nil
      }
      return ParameterShape(isEnum: !isObject, isObject: isObject)
    case .array, .dictionary, .builtin(.json), .builtin(.multipartFile), .builtin(.httpBody):
      error("unsupported: a nested or free-form \(location.rawValue) parameter (\"\(name)\")", key: path)
      return nil
    default:
      return ParameterShape(isEnum: false, isObject: isObject)
    }
  }
}
