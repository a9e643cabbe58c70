import Foundation
import TelephonyWebhooks
import Testing

@testable import TelephonyWebhooksExamples

/// Code that takes `any <Namespace>.API` is tested with a fake of a few lines, and the generated
/// clients conform.
@Suite struct APIProtocolTests {
  @Test func aServiceTakingTheThuliumAPIIsTestedWithAFake() async throws {
    let hook = Thulium.Webhook(id: 1, actions: [.customerCreated], subscriptionURL: "https://example.com/hook")
    let audit = SubscriptionAudit(thulium: FakeThulium(webhooks: [hook]))
    #expect(try await audit.subscriptionURLs() == ["https://example.com/hook"])
  }

  @Test func anOperationTheFakeDoesNotImplementThrowsNamingIt() async throws {
    let fake: any Thulium.API = FakeThulium()
    let error = await #expect(throws: UnimplementedOperation.self) {
      try await fake.deleteWebhook(webhookID: 1, acceptLanguage: nil)
    }
    #expect(error?.operationID == "deleteWebhook")
    #expect(error?.description == "FakeThulium does not implement deleteWebhook; implement it in the fake to call it")
  }

  @Test func aFakeGetsThePageSequencesFromTheProtocol() async throws {
    struct FakePlusofon: Plusofon.API {
      func listWebhooks(type: Plusofon.WebhookType?, page: Int?) async throws -> Plusofon.WebhookPage {
        let item = Plusofon.WebhookSummary(id: page ?? 0, url: "https://example.com", event: .create)
        return Plusofon.WebhookPage(
          currentPage: page ?? 1, data: [item], lastPage: 2,
          nextPageURL: page == 1 ? "https://example.com/?page=2" : nil, perPage: 1, total: 2)
      }
    }
    var ids: [Int] = []
    for try await webhook in FakePlusofon().allWebhooks() { ids.append(webhook.id) }
    #expect(ids == [1, 2])
  }

  @Test func theClientsConformThroughTheirOwnMethods() async throws {
    let mock = MockTransport()
    let api: any Thulium.API = Thulium.Client(
      serverURL: URL(string: "https://acme.thulium.com/api")!, username: "api-user", password: "api-password",
      transport: mock)
    let webhooks = try await api.listWebhooks(acceptLanguage: nil)
    #expect(!webhooks.isEmpty)
    #expect(mock.requests.map(\.operationID) == ["listWebhooks"])
  }
}
