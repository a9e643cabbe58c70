import Testing

@testable import SDKGenCore

@Suite struct NameScopeTests {
  @Test func theImportedNamesTableDrivesReservedNamesAndQualification() {
    // Module names are reserved, so that a qualified name always finds its module.
    for module in ["Swift", "Foundation", "OpenAPIRuntime", "TelephonyWebhooks"] {
      #expect(SwiftName.isReservedTypeName(module))
    }
    // The runtime's types that generated code names are qualified where a schema shadows them.
    let scope = NameScope(declaring: ["Indirect", "Credential", "Void"])
    #expect(scope.spell("Indirect") == "TelephonyWebhooks.Indirect")
    #expect(scope.spell("Credential") == "TelephonyWebhooks.Credential")
    #expect(scope.spell("Void") == "Swift.Void")
    #expect(NameScope().spell("Indirect") == "Indirect")
  }
}
