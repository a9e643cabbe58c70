import Foundation
import TelephonyWebhooks

/// The example program's work: with each provider, list the webhooks and create one.
///
/// `TelephonyWebhooksExample` runs it against the servers you give it; the tests run it against
/// a local server.
public func listAndCreateWebhooks(api4com: URL, plusofon: URL, thulium: URL) async throws -> [String] {
  var report: [String] = []

  let api4comClient = Api4Com.Client(serverURL: api4com, token: "your-api4com-token")
  let integrations = try await api4comClient.listIntegrations()
  report.append("Api4Com: \(integrations.count) integration(s)")
  let metadata = Api4Com.IntegrationMetadata(
    webhookURL: URL(string: "https://example.com/hooks/api4com?secret=s3cr3t"), webhookVersion: "1.8",
    webhookTypes: [.channelAnswer, .channelHangup])
  let integration = try await api4comClient.updateIntegration(
    body: Api4Com.Integration(gateway: "integration-code", webhook: true, metadata: metadata))
  report.append("Api4Com: saved integration \(integration.gateway)")

  let plusofonClient = Plusofon.Client(serverURL: plusofon, token: "your-plusofon-token")
  let page = try await plusofonClient.listWebhooks(type: .lk)
  report.append("Plusofon: \(page.total) webhook(s)")
  let created = try await plusofonClient.createWebhook(
    body: Plusofon.WebhookRequest(url: URL(string: "https://example.com/hooks/plusofon")!, event: .destroy))
  report.append("Plusofon: created \(created.success)")

  let thuliumClient = Thulium.Client(serverURL: thulium, username: "api_user", password: "api_pass")
  let webhooks = try await thuliumClient.listWebhooks()
  report.append("Thulium: \(webhooks.count) webhook(s)")
  let webhook = try await thuliumClient.createWebhook(
    body: Thulium.WebhookRequest(
      actions: [.chatConversationCreated], subscriptionURL: URL(string: "https://example.pl")!))
  report.append("Thulium: created webhook \(webhook.id)")
  return report
}
