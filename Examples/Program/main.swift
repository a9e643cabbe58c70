import Foundation
import TelephonyWebhooksExamples

// Usage: TelephonyWebhooksExample <base URL>
// Points all three clients at one server (for example a mock of the three APIs) and lists and
// creates a webhook with each provider.
let arguments = CommandLine.arguments
guard arguments.count == 2, let base = URL(string: arguments[1]) else {
  FileHandle.standardError.write(Data("usage: TelephonyWebhooksExample <base URL>\n".utf8))
  exit(64)
}
do {
  let report = try await listAndCreateWebhooks(
    api4com: base.appendingPathComponent("api4com"), plusofon: base.appendingPathComponent("plusofon"),
    thulium: base.appendingPathComponent("thulium"))
  for line in report { print(line) }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(1)
}
