/// Hands out unique names: a name as asked for while it is free, otherwise the first of it
/// numbered from 2 (`call`, `call2`, `call3`…) that is. Every collision in the generator goes
/// through it, so the numbering is the same everywhere and depends only on the order of claims.
struct NameAllocator<Owner> {
  /// Who holds each name claimed so far.
  private(set) var owners: [String: Owner]

  init(reserving owners: [String: Owner] = [:]) {
    self.owners = owners
  }

  /// Whether `name` is claimed already.
  func isTaken(_ name: String) -> Bool {
    owners[name] != nil
  }

  /// The holder of `name`, if it is claimed.
  func owner(of name: String) -> Owner? {
    owners[name]
  }

  /// Claims `name` for `owner`, or, when it is taken, the first free name that `numbered` gives
  /// from 2 up (by default `name` with the number appended, its backticks dropped). Returns the
  /// name claimed, and the holder of `name` when it was taken, for the caller's warning.
  mutating func claim(
    _ name: String, for owner: Owner, numbered: ((Int) -> String)? = nil
  ) -> (name: String, collision: Owner?) {
    guard let holder = owners[name] else {
      owners[name] = owner
      return (name, nil)
    }
    let unique = Self.firstFree(name, numbered: numbered, isTaken: isTaken)
    owners[unique] = owner
    return (unique, holder)
  }

  /// `name` with a number appended, without backticks: `default` → `default2`.
  static func numbered(_ name: String, _ number: Int) -> String {
    SwiftName.unescaped(name) + String(number)
  }

  /// The first of `numbered(2)`, `numbered(3)`… for which `isTaken` is false.
  static func firstFree(_ name: String, numbered: ((Int) -> String)? = nil, isTaken: (String) -> Bool) -> String {
    let candidate = numbered ?? { Self.numbered(name, $0) }
    var number = 2
    while isTaken(candidate(number)) { number += 1 }
    return candidate(number)
  }
}

extension NameAllocator where Owner == Void {
  /// Names that only need to be distinct, such as the keys that are already taken.
  init(reserving names: some Sequence<String>) {
    self.init(reserving: Dictionary(names.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }))
  }

  /// Claims `name`, or the first free numbered one.
  mutating func claim(_ name: String, numbered: ((Int) -> String)? = nil) -> String {
    claim(name, for: (), numbered: numbered).name
  }
}
