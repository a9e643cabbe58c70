// The overhead of one generated operation over a real HTTP round trip: Plusofon's generated
// `getWebhook(webhookID:)` against a hand-written `URLSession` + `JSONDecoder` call of the same
// request, both on `URLSession.shared`, to a Hummingbird server on 127.0.0.1 in this process;
// and the same operation through a minimal transport (`ours-lean`), to tell our runtime's cost
// from swift-openapi-urlsession's.
//
//   RequestBench [ROUNDS] [REQUESTS]                  prints one JSON object (see `Result`)
//   RequestBench profile CLIENT REQUESTS CONCURRENCY  only CLIENT (ours, ours-lean or hand), for perf
//
// Each round sends REQUESTS requests through one client, from 1 or 16 tasks at once, and keeps
// the wall time and this process's CPU time per request (server included: it does the same work
// for both). The clients alternate round by round; the first round of each is a warm-up.

import Foundation
import HTTPTypes
import HandPlusofon
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime
import TelephonyWebhooks

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The webhook the server returns, every field set, as Plusofon sends it.
let webhookJSON = """
  {"id":42,"url":"https://hooks.example.com/plusofon/42","event":"answer","type_call":"inbound",\
  "type":"lk","type_style":"long","template":null,"fields":[{"before":"call_id","after":"my_call_id"}],\
  "headers":[{"name":"X-Secret","value":"abc"}],"params":[{"name":"source","value":"bench"}]}
  """

/// One request through one client; returns a number that depends on the decoded result.
typealias Call = @Sendable () async throws -> Int

struct BenchError: Error, CustomStringConvertible {
  var description: String
}

/// Serves `GET /webhooks/{id}`; a request without both credentials gets 401, so the two
/// clients must do the same authentication work.
func startServer() async throws -> (port: Int, task: Task<Void, any Error>) {
  let router = Router()
  let payload = ByteBuffer(string: webhookJSON)
  router.get("/webhooks/:id") { request, _ -> Response in
    guard request.headers[.authorization] == "Bearer token", request.headers[HTTPField.Name("Client")!] == "10553"
    else { return Response(status: .unauthorized) }
    return Response(
      status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: payload))
  }
  let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
  var logger = Logger(label: "RequestBench")
  logger.logLevel = .warning
  let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: 0)),
    onServerRunning: { channel in
      continuation.yield(channel.localAddress?.port ?? 0)
      continuation.finish()
    },
    logger: logger
  )
  let task = Task { try await app.runService(gracefulShutdownSignals: []) }
  var iterator = ports.makeAsyncIterator()
  guard let port = await iterator.next(), port > 0 else { throw BenchError(description: "the server did not start") }
  return (port, task)
}

func makeCalls(port: Int) -> [(String, Call)] {
  let base = URL(string: "http://127.0.0.1:\(port)")!
  let ours = Plusofon.Client(serverURL: base, token: "token")
  let ourCall: Call = {
    let webhook = try await ours.getWebhook(webhookID: 42)
    return webhook.id + webhook.url.utf8.count
  }
  // What a developer writes without a generator: the same URL, headers, status check and
  // decode, on the same shared session that URLSessionTransport() uses.
  let handCall: Call = {
    var request = URLRequest(url: base.appendingPathComponent("webhooks/42"))
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    request.setValue("10553", forHTTPHeaderField: "Client")
    request.setValue("Bearer token", forHTTPHeaderField: "Authorization")
    let (data, response) = try await URLSession.shared.data(for: request)
    guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
      throw BenchError(description: "hand-written call: \(response)")
    }
    let webhook = try JSONDecoder().decode(HandPlusofon.Webhook.self, from: data)
    return webhook.id + webhook.url.utf8.count
  }
  // Ours again, through the least a `ClientTransport` can do on the same session: what is left
  // between this and `ours` is swift-openapi-urlsession's, between this and `hand` ours.
  let lean = Plusofon.Client(serverURL: base, token: "token", transport: DataTaskTransport())
  let leanCall: Call = {
    let webhook = try await lean.getWebhook(webhookID: 42)
    return webhook.id + webhook.url.utf8.count
  }
  return [("ours", ourCall), ("ours-lean", leanCall), ("hand", handCall)]
}

/// A `ClientTransport` that is one `URLSession.shared.data(for:)`, for splitting the cost.
struct DataTaskTransport: ClientTransport {
  func send(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
  ) async throws -> (HTTPResponse, HTTPBody?) {
    guard let url = URL(string: baseURL.absoluteString + (request.path ?? "")) else {
      throw BenchError(description: "no URL for \(request.path ?? "")")
    }
    var urlRequest = URLRequest(url: url)
    urlRequest.httpMethod = request.method.rawValue
    for field in request.headerFields {
      urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
    }
    if let body { urlRequest.httpBody = try await Data(collecting: body, upTo: .max) }
    let (data, response) = try await URLSession.shared.data(for: urlRequest)
    guard let http = response as? HTTPURLResponse else { throw BenchError(description: "not HTTP: \(response)") }
    var fields = HTTPFields()
    for case (let name as String, let value as String) in http.allHeaderFields {
      if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
    }
    return (HTTPResponse(status: .init(code: http.statusCode), headerFields: fields), HTTPBody(data))
  }
}

func cpuSeconds() -> Double {
  var usage = rusage()
  #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

@inline(never) func blackHole(_ value: Int) {}

/// Sends `requests` requests from `concurrency` tasks; returns wall and CPU µs per request.
func round(_ call: @escaping Call, requests: Int, concurrency: Int) async throws -> (wall: Double, cpu: Double) {
  let cpuStart = cpuSeconds()
  let start = ContinuousClock.now
  let sink = try await withThrowingTaskGroup(of: Int.self) { group in
    for worker in 0..<concurrency {
      let share = requests / concurrency + (worker < requests % concurrency ? 1 : 0)
      group.addTask {
        var sink = 0
        for _ in 0..<share { sink &+= try await call() }
        return sink
      }
    }
    return try await group.reduce(0, &+)
  }
  let elapsed = ContinuousClock.now - start
  blackHole(sink)
  let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  return (wall * 1e6 / Double(requests), (cpuSeconds() - cpuStart) * 1e6 / Double(requests))
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func json(_ values: [Double]) -> String {
  "[" + values.map { String(format: "%.1f", $0) }.joined(separator: ", ") + "]"
}

func main() async throws {
  let arguments = Array(CommandLine.arguments.dropFirst())
  let (port, server) = try await startServer()
  defer { server.cancel() }
  let calls = makeCalls(port: port)
  // Both clients must see the same webhook before anything is timed.
  let results = try await calls.asyncMap { try await $0.1() }
  guard Set(results).count == 1 else { throw BenchError(description: "the clients disagree: \(results)") }

  if arguments.first == "profile", arguments.count == 4, let call = calls.first(where: { $0.0 == arguments[1] })?.1,
    let requests = Int(arguments[2]), let concurrency = Int(arguments[3])
  {
    _ = try await round(call, requests: requests, concurrency: concurrency)
    return
  }
  let rounds = arguments.count > 0 ? Int(arguments[0]) ?? 7 : 7
  let requests = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
  var output: [String] = []
  for concurrency in [1, 16] {
    var wall: [String: [Double]] = [:]
    var cpu: [String: [Double]] = [:]
    for index in 0...rounds {
      let order = index % 2 == 0 ? calls : calls.reversed()
      for (name, call) in order {
        let measured = try await round(call, requests: requests, concurrency: concurrency)
        if index > 0 {
          wall[name, default: []].append(measured.wall)
          cpu[name, default: []].append(measured.cpu)
        }
      }
    }
    let clients = calls.map(\.0).map { name in
      #""\#(name)": {"wall_us": \#(String(format: "%.1f", median(wall[name]!))), "#
        + #""cpu_us": \#(String(format: "%.1f", median(cpu[name]!))), "#
        + #""wall_samples": \#(json(wall[name]!)), "cpu_samples": \#(json(cpu[name]!))}"#
    }
    output.append(#""\#(concurrency)": {\#(clients.joined(separator: ", "))}"#)
  }
  print(#"{"requests": \#(requests), "rounds": \#(rounds), "concurrency": {\#(output.joined(separator: ", "))}}"#)
}

extension Array {
  func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
    var results: [T] = []
    for element in self { results.append(try await transform(element)) }
    return results
  }
}

// The main thread waits on a semaphore rather than in `dispatch_main` (where an async top level
// parks it), so that valgrind can run the profile mode.
let done = DispatchSemaphore(value: 0)
Task.detached {
  do {
    try await main()
  } catch {
    FileHandle.standardError.write(Data("RequestBench: \(error)\n".utf8))
    exit(1)
  }
  done.signal()
}
done.wait()
