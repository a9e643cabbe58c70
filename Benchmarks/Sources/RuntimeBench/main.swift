// The runtime cost of one call through each of the three Plusofon clients, over a transport that
// returns canned bytes: decoding a 10,000-webhook list page, and creating a webhook (encoding its
// body) 100,000 times.
//
//   RuntimeBench [SAMPLES]                    prints one JSON object of medians (milliseconds)
//   RuntimeBench profile CASE CLIENT COUNT    runs one case COUNT times, for callgrind

import Foundation

/// One way to make the measured call, returning a number that depends on the result so that
/// the optimizer cannot drop the work.
typealias Call = @Sendable () async throws -> Int

struct Clients {
  /// Client name → one call of the case.
  var decode: [(String, Call)]
  var encode: [(String, Call)]
}

let pageSize = 10_000
let encodeCount = 100_000

func makeClients() -> Clients {
  let page = CannedTransport(responseBody: Payloads.page(count: pageSize))
  let success = CannedTransport(responseBody: Payloads.success)
  let ours = (page: Ours.client(page), success: Ours.client(success))
  let theirs = (page: Theirs.client(page), success: Theirs.client(success))
  let hand = (page: Hand.client(page), success: Hand.client(success))
  return Clients(
    decode: [
      ("ours", { try await Ours.listWebhooks(ours.page) }),
      ("theirs", { try await Theirs.listWebhooks(theirs.page) }),
      ("hand", { try await Hand.listWebhooks(hand.page) }),
    ],
    encode: [
      ("ours", { try await Ours.createWebhook(ours.success) }),
      ("theirs", { try await Theirs.createWebhook(theirs.success) }),
      ("hand", { try await Hand.createWebhook(hand.success) }),
    ])
}

/// Consumes a result, opaquely to the optimizer.
@inline(never) func blackHole(_ value: Int) {}

/// Runs `call` `count` times and returns the elapsed milliseconds.
func time(_ count: Int, _ call: Call) async throws -> Double {
  var sink = 0
  let start = ContinuousClock.now
  for _ in 0..<count { sink &+= try await call() }
  let elapsed = ContinuousClock.now - start
  blackHole(sink)
  return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Samples every client in turn, round after round, so that drift of the machine's speed
/// affects them alike; one warm-up round first.
func measure(_ calls: [(String, Call)], count: Int, samples: Int) async throws -> [String: [Double]] {
  var results: [String: [Double]] = [:]
  for (_, call) in calls { _ = try await time(count, call) }
  for _ in 0..<samples {
    for (name, call) in calls { results[name, default: []].append(try await time(count, call)) }
  }
  return results
}

/// Runs `body` on the cooperative pool while the main thread waits. An async top level would
/// park the main thread in `dispatch_main`, which valgrind cannot run.
func runBlocking(_ body: @escaping @Sendable () async throws -> Void) {
  let done = DispatchSemaphore(value: 0)
  Task {
    do { try await body() } catch { Checks.fail("\(error)") }
    done.signal()
  }
  done.wait()
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "profile", arguments.count == 4 {
  let (kind, name, count) = (arguments[1], arguments[2], Int(arguments[3]) ?? 1)
  let clients = makeClients()
  let calls = kind == "decode" ? clients.decode : clients.encode
  guard let call = calls.first(where: { $0.0 == name })?.1 else {
    Checks.fail("usage: RuntimeBench profile decode|encode ours|theirs|hand COUNT")
  }
  runBlocking { _ = try await time(count, call) }
} else {
  let samples = arguments.first.flatMap { Int($0) } ?? 21
  runBlocking {
    try await Checks.run()
    let clients = makeClients()
    let decode = try await measure(clients.decode, count: 1, samples: samples)
    let encode = try await measure(clients.encode, count: encodeCount, samples: max(3, samples / 3))
    var report: [String: Any] = ["page_size": pageSize, "encode_count": encodeCount]
    for (kind, results) in [("decode", decode), ("encode", encode)] {
      report[kind] = results.mapValues { ["median_ms": median($0), "samples_ms": $0] }
    }
    let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
  }
}
