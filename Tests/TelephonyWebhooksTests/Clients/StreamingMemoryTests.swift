import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import Testing

/// A recording far larger than the memory it may take: 256 MiB flow through a generated
/// operation while the process's resident memory grows by less than 64 MiB.
///
/// The bytes come from a transport that produces them on demand, as a streaming transport does
/// from the network: `URLSessionTransport` buffers whole responses on Linux (swift-openapi-urlsession
/// streams only on Apple platforms), so this measures what the SDK itself holds.
@Suite struct StreamingMemoryTests {
  static let total = 256 * 1024 * 1024
  static let chunkSize = 64 * 1024

  /// Answers every request with `total` bytes of audio, made one chunk at a time as they are read.
  struct GeneratingTransport: ClientTransport {
    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
      HTTPResponse, HTTPBody?
    ) {
      let chunk = ArraySlice((0..<StreamingMemoryTests.chunkSize).map { UInt8(truncatingIfNeeded: $0) })
      let remaining = Locked(StreamingMemoryTests.total)
      let stream = AsyncStream<ArraySlice<UInt8>> {
        remaining.withLock { left in
          guard left > 0 else { return nil }
          left -= chunk.count
          return chunk
        }
      }
      var response = HTTPResponse(status: .ok)
      response.headerFields[.contentType] = "audio/wav"
      return (response, HTTPBody(stream, length: .known(Int64(StreamingMemoryTests.total)), iterationBehavior: .single))
    }
  }

  /// The resident set size, from `/proc/self/statm`.
  static func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  @Test(.enabled(if: residentBytes() != nil, "needs /proc/self/statm"))
  func a256MiBDownloadStaysUnder64MiBOfGrowth() async throws {
    let client = MediaFixture.Client(
      serverURL: URL(string: "http://127.0.0.1:1")!, token: "t", transport: GeneratingTransport())
    let baseline = try #require(Self.residentBytes())
    var peak = baseline
    var received = 0
    var sinceSample = 0

    let body = try await client.downloadRecording(recordingID: "RE1")
    for try await chunk in body {
      received += chunk.count
      sinceSample += chunk.count
      if sinceSample >= 4 * 1024 * 1024 {
        sinceSample = 0
        peak = max(peak, Self.residentBytes() ?? 0)
      }
    }

    let growth = peak - baseline
    #expect(received == Self.total)
    #expect(growth < 64 * 1024 * 1024, "peak resident memory grew by \(growth / 1024 / 1024) MiB")
    print("streamed \(received / 1024 / 1024) MiB; peak resident growth \(growth / 1024) KiB")
  }
}
