/// A credential value that never shows up in descriptions, dumps or reflection.
///
/// `print`, `dump`, `String(reflecting:)` and `Mirror` all see `<redacted>`; only the
/// request pipeline reads ``value``.
package struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  package let value: String

  package init(_ value: String) {
    self.value = value
  }

  package var description: String { "<redacted>" }
  package var debugDescription: String { "<redacted>" }
  package var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
