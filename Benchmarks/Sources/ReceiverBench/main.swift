// The webhook receiver's overhead: a Hummingbird server on 127.0.0.1 with three POST routes
// that a second process (wrk) loads with Api4Com's documented payloads.
//
//   ReceiverBench    prints `port N` once listening, then serves until SIGTERM or SIGINT
//   ReceiverBench profile ROUTE COUNT FILE...
//                    no server: calls the generated route's handler (`api4com`,
//                    `api4com-verified` or a signed route's name) COUNT times in this process with
//                    the JSON payloads in FILE..., in turn, for callgrind (which cannot run the
//                    server); a signed route's payloads are each signed once, before the loop
//
// - `/bare`: a bare Hummingbird route that reads the body (at most 1 MiB) and answers 200.
// - `/bare-decode`: the same, decoding the body with a `JSONDecoder` into the generated
//   `Api4Com.ChannelEvent` first: the least a hand-written receiver of these payloads does.
// - `/hooks/api4com`: `Api4Com.WebhookEvent.register(on:path:handler:)` on the same `Router`,
//   through swift-openapi-hummingbird: reads, decodes and hands the event to the handler.
// - `/hooks/api4com-verified`: the same with `verifier: .queryParameter("secret", …)`.
// - `/hooks/api4com-standard-webhooks`, `-twilio`, `-signalwire`, `-telnyx`, `-vonage`: the same
//   with each signature scheme's verifier (SignedRoutes.swift), for the profile mode.
// - `GET /count`: how many bodies each route accepted, to check that every request was handled.

import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import TelephonyWebhooks

/// How many deliveries each route accepted.
final class Counts: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [String: Int] = [:]

  func add(_ route: String) {
    lock.lock()
    values[route, default: 0] += 1
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
  }
}

/// Registers the generated routes on `transport`.
func registerHooks(on transport: any ServerTransport, counts: Counts) throws {
  try Api4Com.WebhookEvent.register(on: transport, path: "/hooks/api4com") { event in
    counts.add("api4com")
    withExtendedLifetime(event) {}
  }
  try Api4Com.WebhookEvent.register(
    on: transport, path: "/hooks/api4com-verified", verifier: .queryParameter("secret", equals: "s3cr3t")
  ) { event in
    counts.add("api4com-verified")
    withExtendedLifetime(event) {}
  }
  for route in SignedRoute.all {
    try Api4Com.WebhookEvent.register(on: transport, path: "/hooks/\(route.name)", verifier: route.verifier) { event in
      counts.add(route.name)
      withExtendedLifetime(event) {}
    }
  }
}

let counts = Counts()
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "profile", arguments.count >= 4, let count = Int(arguments[2]) {
  let payloads = try arguments.dropFirst(3).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
  Profile.run(route: arguments[1], count: count, payloads: payloads, counts: counts)
  exit(0)
}
let router = Router()
router.post("/bare") { request, _ -> HTTPResponse.Status in
  _ = try await request.body.collect(upTo: 1_048_576)
  counts.add("bare")
  return .ok
}
let decoder = JSONDecoder()
router.post("/bare-decode") { request, _ -> HTTPResponse.Status in
  let body = try await request.body.collect(upTo: 1_048_576)
  let event = try decoder.decode(Api4Com.ChannelEvent.self, from: Data(body.readableBytesView))
  counts.add("bare-decode")
  withExtendedLifetime(event) {}
  return .ok
}
try registerHooks(on: router, counts: counts)
router.get("/count") { _, _ in counts.text }

var logger = Logger(label: "ReceiverBench")
logger.logLevel = .warning
let app = Application(
  router: router,
  configuration: .init(address: .hostname("127.0.0.1", port: 0)),
  onServerRunning: { channel in
    // Unbuffered, so that bench.py reads the port at once.
    FileHandle.standardOutput.write(Data("port \(channel.localAddress?.port ?? 0)\n".utf8))
  },
  logger: logger
)
try await app.runService()
