import Foundation
import Testing

@testable import SDKGenCore

/// Doc comments link what DocC can resolve: symbols of the generated file always, the runtime's
/// symbols only when the file is compiled into the runtime's own module.
@Suite struct DocLinkTests {
  static func generate(_ spec: String, options: RenderOptions) throws -> String {
    let path = SDKGenProcess.packageRoot.appendingPathComponent(spec).path
    let (files, diagnostics) = Generator.generate(specPaths: [path], options: options)
    #expect(!diagnostics.hasErrors)
    return try #require(files.first).contents
  }

  @Test func insideTheRuntimeModuleRuntimeSymbolsAreLinks() throws {
    let text = try Self.generate("Tests/Fixtures/kitchen-sink.yaml", options: RenderOptions())
    #expect(text.contains("/// - Throws: ``APIError`` for a status other than"))
    #expect(text.contains("such as ``RetryMiddleware``."))
    #expect(text.contains("iterating it throws ``APIError``"))
    #expect(text.contains("- Throws: ``WebhookDecodingError`` naming"))
    #expect(!text.contains("`APIError` "))
  }

  @Test func outsideItRuntimeSymbolsAreCodeVoiceAndTheFilesOwnSymbolsStayLinks() throws {
    let text = try Self.generate(
      "Tests/Fixtures/kitchen-sink.yaml", options: RenderOptions(additionalImports: ["TelephonyWebhooks"]))
    #expect(!text.contains("``APIError``"))
    #expect(!text.contains("``RetryMiddleware``"))
    #expect(!text.contains("``WebhookDecodingError``"))
    #expect(text.contains("/// - Throws: `APIError` for a status other than"))
    #expect(text.contains("decodes as ``unknown(_:)``"))
    #expect(text.contains("decodes as ``unknown(_:_:)``"))
    #expect(text.contains("such as ``serverURL(region:version:)``"))
  }
}
