import Foundation
import HTTPTypes

/// Checks once, before timing, that the three clients do the same work: the same page size
/// decoded, and the same request (method, path, auth headers, JSON body) sent.
enum Checks {
  static func run() async throws {
    let page = CannedTransport(responseBody: Payloads.page(count: 3))
    let counts = [
      try await Ours.listWebhooks(Ours.client(page)),
      try await Theirs.listWebhooks(Theirs.client(page)),
      try await Hand.listWebhooks(Hand.client(page)),
    ]
    guard counts == [3, 3, 3] else { fail("decoded page sizes differ: \(counts)") }

    let recorders = (0..<3).map { _ in RecordingTransport(responseBody: Payloads.success) }
    _ = try await Ours.createWebhook(Ours.client(recorders[0]))
    _ = try await Theirs.createWebhook(Theirs.client(recorders[1]))
    _ = try await Hand.createWebhook(Hand.client(recorders[2]))
    let sent = try recorders.map { recorder -> [String] in
      guard let request = recorder.request else { fail("no request sent") }
      let body = try JSONSerialization.jsonObject(with: recorder.body) as? NSDictionary
      return [
        "\(request.method) \(request.path ?? "")",
        request.headerFields[.authorization] ?? "no Authorization",
        request.headerFields[HTTPField.Name("Client")!] ?? "no Client header",
        request.headerFields[.contentType]?.prefix { $0 != ";" }.description ?? "no Content-Type",
        body.map { "\($0.count) keys" } ?? "no JSON object",
      ]
    }
    let bodies = try recorders.map { try JSONSerialization.jsonObject(with: $0.body) as? NSDictionary }
    guard sent[0] == sent[1], sent[1] == sent[2], bodies[0] == bodies[1], bodies[1] == bodies[2] else {
      fail("the clients send different requests: \(sent)")
    }
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("RuntimeBench: \(message)\n".utf8))
    exit(1)
  }
}
