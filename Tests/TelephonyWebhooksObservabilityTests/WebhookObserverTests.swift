import Foundation
import HTTPTypes
import InMemoryLogging
import InMemoryTracing
import Logging
import TelephonyWebhooks
import TelephonyWebhooksObservability
import Testing
import Tracing

/// The receivers' observers, in process through `WebhookTestTransport`: a line per delivery, a
/// rejection at `warning` with its reason and never the credential.
@Suite struct LoggingWebhookObserverTests {
  @Test func aHandledDeliveryIsOneInfoLineAndARejectedOneAWarningWithItsReason() async throws {
    let handler = InMemoryLogHandler()
    let logger = Logger(label: "webhooks", factory: { _ in handler })
    let server = WebhookTestTransport()
    try Thulium.WebhookEvent.register(
      on: server, path: "/hooks/thulium", verifier: .basicAuth(username: "hook-user", password: "hook-password"),
      observer: LoggingWebhookObserver(logger: logger)
    ) { _ in }
    let payload = Data(#"{"action": "CUSTOMER_CREATED", "customer_id": 9}"#.utf8)
    var headers: HTTPFields = [.contentType: "application/json"]
    headers[.authorization] = "Basic " + Data("hook-user:hook-password".utf8).base64EncodedString()
    #expect(try await server.deliver(payload, to: "/hooks/thulium", headerFields: headers).status == 200)
    headers[.authorization] = "Basic " + Data("hook-user:guessed-password".utf8).base64EncodedString()
    #expect(try await server.deliver(payload, to: "/hooks/thulium", headerFields: headers).status == 401)

    let entries = handler.entries
    try #require(entries.count == 2)
    #expect(entries[0].level == .info)
    #expect(entries[0].message.description.hasPrefix("Thulium webhook POST /hooks/thulium 200 "))
    #expect(entries[0].metadata["http.route"] == "/hooks/thulium")
    #expect(entries[1].level == .warning)
    #expect(
      entries[1].message.description
        == "Thulium webhook POST /hooks/thulium 401 rejected: \(entries[1].metadata["rejection"] ?? "")")
    #expect(entries[1].metadata["rejection"]?.description.contains("does not match") == true)
    for entry in entries {
      let text = "\(entry.message) \(entry.metadata)"
      for secret in ["hook-password", "guessed-password", "aG9vay11c2Vy"] {
        #expect(!text.contains(secret))
      }
    }
  }

  @Test func aBodyThatDoesNotDecodeIsAWarningAndAThrowingHandlerAnError() async throws {
    let handler = InMemoryLogHandler()
    let server = WebhookTestTransport()
    try Api4Com.WebhookEvent.register(
      on: server, path: "/hooks/api4com",
      observer: LoggingWebhookObserver(logger: Logger(label: "webhooks", factory: { _ in handler }))
    ) { _ in throw CancellationError() }
    #expect(try await server.deliver("[1, 2]", to: "/hooks/api4com").status == 400)
    let payload = #"{"eventType": "channel-park", "id": "c1"}"#
    #expect(try await server.deliver(payload, to: "/hooks/api4com").status == 500)
    #expect(handler.entries.map(\.level) == [.warning, .error])
    #expect(handler.entries[1].message.description.hasSuffix("rejected: the handler failed"))
  }
}

extension TracingMiddlewareTests {
  @Test func eachDeliveryIsOneServerSpanWithItsAnswerAsTheStatus() async throws {
    tracer.clearAll()
    let server = WebhookTestTransport()
    try Api4Com.WebhookEvent.register(
      on: server, path: "/hooks/api4com", verifier: .queryParameter("secret", equals: "s3cr3t"),
      observer: TracingWebhookObserver()
    ) { _ in }
    var headers: HTTPFields = [.contentType: "application/json"]
    headers[HTTPField.Name(InMemoryTracer.traceIDKey)!] = "trace-from-api4com"
    headers[HTTPField.Name(InMemoryTracer.spanIDKey)!] = "span-from-api4com"
    let payload = #"{"eventType": "channel-park", "id": "c1"}"#
    #expect(try await server.deliver(payload, to: "/hooks/api4com?secret=s3cr3t", headerFields: headers).status == 200)
    #expect(try await server.deliver(payload, to: "/hooks/api4com?secret=nope").status == 401)

    let spans = tracer.popFinishedSpans()
    try #require(spans.count == 2)
    #expect(spans.map(\.operationName) == ["Api4Com webhook", "Api4Com webhook"])
    #expect(spans.allSatisfy { $0.kind == .server })
    #expect(spans[0].traceID == "trace-from-api4com")
    #expect(spans[0].parentSpanID == "span-from-api4com")
    #expect(spans[0].attributes.get("http.route") == "/hooks/api4com")
    #expect(spans[0].attributes.get("http.request.method") == "POST")
    #expect(spans[0].attributes.get("http.response.status_code") == 200)
    #expect(spans[0].status == nil)
    #expect(spans[1].attributes.get("http.response.status_code") == 401)
    #expect(spans[1].attributes.get("error.type") == "unauthorized")
    #expect(spans[1].status?.code == .error)
    #expect(!"\(spans.map(\.attributes))".contains("s3cr3t"))
  }
}
