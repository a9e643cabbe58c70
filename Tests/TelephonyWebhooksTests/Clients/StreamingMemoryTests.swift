import FixtureClients
import Foundation
import HTTPTypes
import TelephonyWebhooks
import TestSupport
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

  /// Set in the child process that measures, alone, so that no other test's memory is counted.
  static let probeVariable = "TELEPHONYWEBHOOKS_STREAMING_PROBE"
  static var isProbe: Bool { ProcessInfo.processInfo.environment[probeVariable] != nil }

  /// Runs ``measureInThisProcess()`` in a process of its own (this test binary again, filtered
  /// to that test): resident memory is per process, and other tests run in parallel here.
  @Test(.enabled(if: !isProbe && residentBytes() != nil, "needs /proc/self/statm"))
  func a256MiBDownloadStaysUnder64MiBOfGrowth() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--testing-library", "swift-testing", "--filter", "StreamingMemoryTests/measureInThisProcess"]
    process.environment = ProcessInfo.processInfo.environment.merging([Self.probeVariable: "1"]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationStatus == 0, "\(text)")
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("streamed ") }, "\(text)")
    let growth = try #require(line.split(separator: " ").last.flatMap { Int($0) })
    #expect(growth < 64 * 1024 * 1024, "\(line)")
  }

  @Test(.enabled(if: isProbe))
  func measureInThisProcess() async throws {
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
    #expect(growth < 64 * 1024 * 1024)
    print("streamed \(received) bytes; peak resident growth in bytes \(growth)")
  }
}

/// What the default transport holds on this platform: a download over real HTTP through
/// `URLSessionTransport`, with the resident growth when the call returns and at its peak.
/// swift-openapi-urlsession 1.4 streams only on Apple platforms; on Linux it reads the whole
/// response first, so the growth is about the body's size. A measurement, not a check: run it
/// with `MEASURE_URLSESSION=1 swift test --filter URLSessionBufferingMeasurement`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["MEASURE_URLSESSION"] != nil))
struct URLSessionBufferingMeasurement {
  @Test(arguments: [48, 96])
  func download(mebibytes: Int) async throws {
    try await TestServer.with { server in
      // Kept alive to the end, so that the server's copy is in the baseline and never freed.
      let payload = Data(repeating: 0x5A, count: mebibytes * 1024 * 1024)
      server.enqueue(.init(status: 200, headers: ["Content-Type": "audio/wav"], body: payload))
      let baseline = try #require(StreamingMemoryTests.residentBytes())

      let body = try await server.media().downloadRecording(recordingID: "RE1")
      let onReturn = (StreamingMemoryTests.residentBytes() ?? 0) - baseline
      var peak = onReturn
      var received = 0
      for try await chunk in body {
        received += chunk.count
        peak = max(peak, (StreamingMemoryTests.residentBytes() ?? 0) - baseline)
      }

      #expect(received == payload.count)
      print(
        "URLSessionTransport: \(mebibytes) MiB download; resident growth \(onReturn >> 20) MiB when the call returned, \(peak >> 20) MiB at peak"
      )
    }
  }
}
