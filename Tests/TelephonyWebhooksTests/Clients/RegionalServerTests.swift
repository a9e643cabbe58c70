import FixtureClients
import Foundation
import Testing

/// A spec with several top-level servers: the first is the default, each other one a static URL
/// (or, with variables, a function) named after its host, to pass as `serverURL:`.
@Suite struct RegionalServerTests {
  @Test func everyTopLevelServerCanBeChosen() {
    #expect(MediaFixture.Client.defaultServerURL == URL(string: "https://api.media.example/v1")!)
    #expect(MediaFixture.Client.euV1ServerURL == URL(string: "https://eu.media.example/v1")!)
    #expect(MediaFixture.Client.tenantV1ServerURL() == URL(string: "https://acme.media.example/v1")!)
    #expect(MediaFixture.Client.tenantV1ServerURL(tenant: "beta") == URL(string: "https://beta.media.example/v1")!)
  }
}
