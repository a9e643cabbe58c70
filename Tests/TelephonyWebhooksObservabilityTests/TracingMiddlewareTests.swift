import Foundation
import InMemoryTracing
import TelephonyWebhooks
import TelephonyWebhooksObservability
import TestSupport
import Testing
import Tracing

/// The process's one bootstrapped tracer: `InstrumentationSystem` can be bootstrapped once.
let tracer: InMemoryTracer = {
  let tracer = InMemoryTracer()
  InstrumentationSystem.bootstrap(tracer)
  return tracer
}()

/// `TracingMiddleware` over real HTTP on 127.0.0.1, with the bootstrapped in-memory tracer.
/// Serialized: the tests share the tracer's finished spans.
@Suite(.serialized) struct TracingMiddlewareTests {
  @Test func eachOperationIsOneClientSpanWithTheHTTPAttributesAndItsContextInTheRequest() async throws {
    tracer.clearAll()
    var serverPort = 0
    let requests = try await TestServer.with { server in
      serverPort = server.baseURL.port ?? 0
      server.enqueue(.init(json: "[]"), .init(status: 404, json: #"{"message":"no such webhook"}"#))
      let client = Thulium.Client(
        serverURL: server.baseURL, username: "thulium-user", password: "thulium-password",
        middlewares: [TracingMiddleware()])
      _ = try await client.listWebhooks()
      await #expect(throws: APIError.self) { try await client.deleteWebhook(webhookID: 7) }
      return server.requests
    }
    let spans = tracer.popFinishedSpans()
    try #require(spans.count == 2)
    #expect(spans.map(\.operationName) == ["listWebhooks", "deleteWebhook"])
    #expect(spans.allSatisfy { $0.kind == .client })

    let list = spans[0].attributes
    #expect(list.get("http.request.method") == "GET")
    #expect(list.get("http.response.status_code") == 200)
    #expect(list.get("server.address") == "127.0.0.1")
    #expect(list.get("server.port") == .int64(Int64(serverPort)))
    #expect(list.get("url.full") == "http://127.0.0.1:\(serverPort)/webhooks")
    #expect(list.get("error.type") == nil)
    #expect(spans[0].status == nil)

    let delete = spans[1].attributes
    #expect(delete.get("http.request.method") == "DELETE")
    #expect(delete.get("url.template") == "/webhooks/{webhook_id}")
    #expect(delete.get("url.full") == "http://127.0.0.1:\(serverPort)/webhooks/7")
    #expect(list.get("url.template") == "/webhooks")
    #expect(delete.get("http.response.status_code") == 404)
    #expect(delete.get("error.type") == "404")
    #expect(spans[1].status?.code == .error)

    // The instrument injected each span's context into its request.
    #expect(requests.map { $0.header(InMemoryTracer.traceIDKey) } == spans.map(\.traceID))
    #expect(requests.map { $0.header(InMemoryTracer.spanIDKey) } == spans.map(\.spanID))
  }

  @Test func noSpanAttributeHoldsACredential() async throws {
    tracer.clearAll()
    try await TestServer.with { server in
      try await Credentials.sendOneOfEach(to: server, middlewares: [TracingMiddleware()])
    }
    let spans = tracer.popFinishedSpans()
    #expect(spans.map(\.operationName) == ["listIntegrations", "deleteWebhook", "listWebhooks", "getStatus"])
    for span in spans {
      let shown = String(describing: span.attributes)
      for secret in Credentials.secrets {
        #expect(!shown.contains(secret), "\(secret) in \(shown)")
      }
    }
    guard case .string(let url)? = spans[3].attributes.get("url.full") else {
      Issue.record("no url.full")
      return
    }
    #expect(url.hasSuffix("/status?verbose=true&key=REDACTED"))
  }
}
