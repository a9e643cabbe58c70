import Foundation

// A hand-written file beside the generated one: generating never touches it.
extension Dialtone.Client {
  /// Dialtone's sandbox, where calls are simulated.
  public static let sandboxURL = URL(string: "https://sandbox.dialtone.example/v1")!
}
