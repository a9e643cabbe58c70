import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The generated routes without a server: what our runtime does per delivery, counted by
/// callgrind, which cannot run the Hummingbird server (its main thread parks in `dispatch_main`).
enum Profile {
  typealias Handler =
    @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
      HTTPResponse, HTTPBody?
    )

  /// Keeps the handlers registered on it by path.
  final class CapturingTransport: ServerTransport, @unchecked Sendable {
    var handlers: [String: Handler] = [:]

    func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
      handlers[path] = handler
    }
  }

  static func run(route: String, count: Int, payloads: [Data], counts: Counts) {
    let transport = CapturingTransport()
    do { try registerHooks(on: transport, counts: counts) } catch { fatalError("\(error)") }
    guard let handler = transport.handlers["/hooks/\(route)"], !payloads.isEmpty else {
      fatalError("usage: ReceiverBench profile api4com|api4com-verified|SIGNED-ROUTE COUNT FILE...")
    }
    let bodies = payloads.map { [UInt8]($0) }
    // Each payload signed once, now: the timestamps stay within the schemes' tolerance.
    let deliveries: [(target: String, headers: HTTPFields)] =
      if let signed = SignedRoute.all.first(where: { $0.name == route }) {
        payloads.map { signed.delivery(of: $0) }
      } else {
        Array(
          repeating: (route == "api4com-verified" ? "/hooks/\(route)?secret=s3cr3t" : "/hooks/\(route)", [:]),
          count: payloads.count)
      }
    let done = DispatchSemaphore(value: 0)
    Task {
      for index in 0..<count {
        let bytes = bodies[index % bodies.count]
        let (target, signature) = deliveries[index % deliveries.count]
        var headers: HTTPFields = [.contentType: "application/json", .contentLength: String(bytes.count)]
        headers.append(contentsOf: signature)
        let request = HTTPRequest(
          method: .post, scheme: nil, authority: SignedRoute.authority, path: target, headerFields: headers)
        // One chunk, its length known, as swift-openapi-hummingbird hands over a small body.
        let body = HTTPBody(bytes)
        let (response, _) = try await handler(request, body, ServerRequestMetadata())
        guard response.status == .ok else { fatalError("/hooks/\(route) answered \(response.status)") }
      }
      done.signal()
    }
    done.wait()
  }
}
