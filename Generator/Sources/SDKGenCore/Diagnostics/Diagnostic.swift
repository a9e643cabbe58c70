/// A place in a spec file: 1-based line and column, as compilers and editors count them.
public struct SourceLocation: Hashable, Sendable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

/// One problem found in a spec, printed the way compilers print them:
/// `specs/api4com.yaml:12:7: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  public var message: String
  public var location: SourceLocation

  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public var description: String {
    "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
  }
}

/// Collects diagnostics while a stage keeps going, so that one run reports every problem.
public struct Diagnostics: Sendable {
  public private(set) var all: [Diagnostic] = []

  public init() {}

  public var hasErrors: Bool { all.contains { $0.severity == .error } }

  public mutating func error(_ message: String, at location: SourceLocation) {
    all.append(Diagnostic(.error, message, at: location))
  }

  public mutating func warning(_ message: String, at location: SourceLocation) {
    all.append(Diagnostic(.warning, message, at: location))
  }

  /// How many diagnostics there are so far, to mark where a unit of the spec begins.
  var count: Int { all.count }

  /// Whether an error was added since `start`.
  func hasErrors(since start: Int) -> Bool {
    all[start...].contains { $0.severity == .error }
  }

  /// Turns the errors added since `start` into warnings that say what was skipped.
  mutating func demoteErrors(since start: Int, skipped unit: String) {
    for index in all.indices[start...] where all[index].severity == .error {
      all[index].severity = .warning
      all[index].message = "skipped \(unit): " + all[index].message
    }
  }

  /// Adds `note` to the errors added since `start`.
  mutating func annotateErrors(since start: Int, _ note: String) {
    for index in all.indices[start...]
    where all[index].severity == .error && !all[index].message.contains("--skip-unsupported") {
      all[index].message += note
    }
  }

  public mutating func append(contentsOf other: Diagnostics) {
    all += other.all
  }

  /// In file order, each once.
  public var sorted: [Diagnostic] {
    var seen = Set<Diagnostic>()
    return all.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
      .filter { seen.insert($0).inserted }
  }
}
