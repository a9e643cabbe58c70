/// What a fake of a namespace's `API` protocol throws for an operation it does not implement.
///
/// Every requirement of a generated `API` protocol has a default that throws this, so that a
/// test's fake implements only the operations the code under test calls:
///
/// ```swift
/// struct FakeThulium: Thulium.API {
///   func listWebhooks() async throws -> [Thulium.Webhook] { [] }
/// }
/// ```
public struct UnimplementedOperation: Error, CustomStringConvertible, Sendable, Hashable {
  /// The spec's `operationId`, such as `createWebhook`.
  public var operationID: String
  /// The type that does not implement it, such as `FakeThulium`.
  public var typeName: String

  public init(operationID: String, typeName: String) {
    self.operationID = operationID
    self.typeName = typeName
  }

  public var description: String {
    "\(typeName) does not implement \(operationID); implement it in the fake to call it"
  }
}
