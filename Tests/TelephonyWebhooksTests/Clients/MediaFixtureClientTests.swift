import Crypto
import FixtureClients
import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

extension TestServer {
  func media() -> MediaFixture.Client {
    MediaFixture.Client(serverURL: baseURL, token: "media-token")
  }
}

/// Every row of DESIGN's "Bodies and media types" table over real HTTP, asserting the exact
/// bytes sent and received.
@Suite struct MediaFixtureClientTests {
  @Test func aFormBodyIsEncodedAsHTMLFormsAre() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"id":"CA1","status":"queued"}"#, status: 201))

      let call = try await server.media().placeCall(
        body: .init(
          to: "+1 555", from: "a?b=c&d", record: true, timeout: 30, statusCallbackEvent: ["initiated", "answered"],
          tags: ["Zoë", "vip"], metadata: .init(campaign: "spring sale", priority: 2), note: nil))

      #expect(call == .init(id: "CA1", status: "queued"))
      let request = try #require(server.lastRequest)
      #expect(request.method == "POST")
      #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
      #expect(request.header("Accept") == "application/json")
      #expect(request.header("Authorization") == "Bearer media-token")
      #expect(
        String(decoding: request.body, as: UTF8.self)
          == "To=%2B1+555&From=a%3Fb%3Dc%26d&Record=true&Timeout=30"
          + "&StatusCallbackEvent=initiated&StatusCallbackEvent=answered&Tags=Zo%C3%AB%7Cvip"
          + "&Metadata=%7B%22campaign%22%3A%22spring+sale%22%2C%22priority%22%3A2%7D")
    }
  }

  @Test func aBodyThatCannotBeEncodedThrowsBeforeAnythingIsSent() async throws {
    try await TestServer.with { server in
      let error = try await #require(throws: APIError.self) {
        _ = try await server.media().placeCall(body: .init(to: "1", from: "2", maxPrice: .nan))
      }
      #expect(error.kind == .encoding)
      #expect(error.description.contains("\"MaxPrice\""))
      #expect(error.description.contains("not a finite number"))
      #expect(server.requests.isEmpty)
    }
  }

  @Test func jsonIsPreferredWhenAFormIsAlsoOffered() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("[]"))

      _ = try await server.media().searchCalls(body: .init(number: "+1 555"))

      let request = try #require(server.lastRequest)
      #expect(request.header("Content-Type") == "application/vnd.media+json")
      #expect(String(decoding: request.body, as: UTF8.self) == #"{"number":"+1 555"}"#)
    }
  }

  @Test func aMultipartUploadCarriesBinaryBytesUnchanged() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"id":"ME1","size":7}"#, status: 201))
      let bytes = Data([0x00, 0xFF, 0xFE, 0x00, 0x80, 0x0D, 0x0A, 0xC3])

      let media = try await server.media().uploadMedia(
        body: .init(
          file: MultipartFile(bytes, filename: "greeting.wav", contentType: "audio/wav"), name: "Welcome",
          labels: ["ivr", "en"], loop: false, settings: .init(campaign: "c", priority: 1)))

      #expect(media.id == "ME1")
      let request = try #require(server.lastRequest)
      let contentType = try #require(request.header("Content-Type"))
      #expect(contentType.hasPrefix("multipart/form-data; boundary="))
      let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
      #expect(boundary.count >= 32)
      func part(_ headers: String, _ body: String) -> Data {
        Data("--\(boundary)\r\n\(headers)\r\n\r\n\(body)\r\n".utf8)
      }
      var expected = Data(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"File\"; filename=\"greeting.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
          .utf8)
      expected.append(bytes)
      expected.append(Data("\r\n".utf8))
      expected.append(part("Content-Disposition: form-data; name=\"Name\"\r\nContent-Type: text/plain", "Welcome"))
      expected.append(part("Content-Disposition: form-data; name=\"Labels\"\r\nContent-Type: text/plain", "ivr"))
      expected.append(part("Content-Disposition: form-data; name=\"Labels\"\r\nContent-Type: text/plain", "en"))
      expected.append(part("Content-Disposition: form-data; name=\"Loop\"\r\nContent-Type: text/plain", "false"))
      expected.append(
        part(
          "Content-Disposition: form-data; name=\"Settings\"\r\nContent-Type: application/json",
          #"{"campaign":"c","priority":1}"#))
      expected.append(Data("--\(boundary)--\r\n".utf8))
      #expect(request.body == expected)
    }
  }

  @Test func aBinaryDownloadStreamsAndMatchesItsDigest() async throws {
    try await TestServer.with { server in
      var generator = SplitMix64(seed: 11)
      let words = (0..<(4 * 1024 * 1024 / 8)).map { _ in generator.next() }
      let audio = words.withUnsafeBytes { Data($0) }
      let expectedDigest = SHA256.hash(data: audio)
      server.enqueue(.init(status: 200, headers: ["Content-Type": "audio/wav"], body: audio))

      let body = try await server.media().downloadRecording(recordingID: "RE1")

      var hash = SHA256()
      var count = 0
      for try await chunk in body {
        hash.update(data: chunk)
        count += chunk.count
      }
      #expect(count == audio.count)
      #expect(hash.finalize() == expectedDigest)
      let request = try #require(server.lastRequest)
      #expect(request.header("Accept") == "audio/wav, audio/mpeg, application/json")
    }
  }

  @Test func anErrorStatusOnADownloadIsAnAPIErrorWithItsBody() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"message":"no such recording"}"#, status: 404))

      let error = try await #require(throws: APIError.self) {
        _ = try await server.media().downloadRecording(recordingID: "RE404")
      }
      #expect(error.kind == .unexpectedStatus)
      #expect(error.status == 404)
      #expect(String(decoding: error.rawBody, as: UTF8.self) == #"{"message":"no such recording"}"#)
      #expect(error.errorBody as? MediaFixture.Problem == .init(message: "no such recording"))
    }
  }

  @Test func aMediaTypeTheOperationDoesNotDeclareIsADecodingError() async throws {
    try await TestServer.with { server in
      server.enqueue(.text("<html>login</html>", status: 200, contentType: "text/html; charset=utf-8"))
      let error = try await #require(throws: APIError.self) {
        _ = try await server.media().downloadRecording(recordingID: "RE1")
      }
      #expect(error.kind == .decoding)
      #expect(error.description.contains("text/html"))

      server.enqueue(.text("<call/>", status: 201, contentType: "application/xml"))
      let jsonError = try await #require(throws: APIError.self) {
        _ = try await server.media().placeCall(body: .init(to: "1", from: "2"))
      }
      #expect(jsonError.kind == .decoding)
      #expect(jsonError.description.contains("application/xml"))
    }
  }

  @Test func anXMLRequestAndATextResponse() async throws {
    try await TestServer.with { server in
      server.enqueue(.text("Accepted ✓", status: 200, contentType: "text/plain; charset=utf-8"))
      let xml = #"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Grüß Gott</Say></Response>"#

      let answer = try await server.media().sendCallControl(body: xml)

      #expect(answer == "Accepted ✓")
      let request = try #require(server.lastRequest)
      #expect(request.header("Content-Type") == "application/xml")
      #expect(request.header("Accept") == "text/plain")
      #expect(request.body == Data(xml.utf8))
    }
  }

  @Test func aTextResponseIsReadInItsCharset() async throws {
    try await TestServer.with { server in
      server.enqueue(
        .init(
          status: 200, headers: ["Content-Type": "text/csv; charset=ISO-8859-1"],
          body: Data([0x5A, 0x6F, 0xEB, 0x2C, 0x31])))

      let transcript = try await server.media().getTranscript(callID: "CA1")

      #expect(transcript == "Zoë,1")
      let request = try #require(server.lastRequest)
      #expect(request.header("Accept") == "text/plain, text/csv")
    }
  }

  @Test func everyQueryStyle() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("[]"))

      _ = try await server.media().listCalls(
        callIds: ["CA1", "CA 2"], filter: .init(status: "active", direction: "out/bound"), status: ["ringing", "busy"],
        fields: ["id", "a,b"], tags: ["x", "y"], codes: [1, 2], range: .init(from: 1, to: 5))

      let request = try #require(server.lastRequest)
      #expect(request.path == "/calls/CA1,CA%202")
      #expect(
        request.rawQuery
          == "filter%5Bstatus%5D=active&filter%5Bdirection%5D=out%2Fbound&status=ringing&status=busy"
          + "&fields=id,a%2Cb&tags=x%20y&codes=1%7C2&from=1&to=5")
      #expect(request.query.first! == ("filter[status]", "active"))
    }
  }

  @Test func binaryUploadsSendTheBytesAndTheirType() async throws {
    try await TestServer.with { server in
      let bytes = Data([0x52, 0x49, 0x46, 0x46, 0x00, 0xFF])
      server.enqueue(.init(status: 204), .init(status: 204), .init(status: 204))

      try await server.media().replaceMedia(mediaID: "ME1", body: HTTPBody(bytes))
      try await server.media().appendMedia(mediaID: "ME1", contentType: "audio/mpeg", body: HTTPBody(bytes))
      let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
        continuation.yield(ArraySlice(bytes.prefix(3)))
        continuation.yield(ArraySlice(bytes.dropFirst(3)))
        continuation.finish()
      }
      try await server.media().storeRaw(
        mediaID: "ME1", contentType: "application/octet-stream",
        body: HTTPBody(stream, length: .unknown, iterationBehavior: .single))

      let requests = server.requests
      #expect(requests.map(\.body) == [bytes, bytes, bytes])
      #expect(requests.map { $0.header("Content-Type") } == ["audio/wav", "audio/mpeg", "application/octet-stream"])
      #expect(requests.map(\.method) == ["PUT", "POST", "PUT"])
    }
  }
}

extension MediaFixtureClientTests {
  @Test func aOneShotUploadIsNotRetried() async throws {
    try await TestServer.with { server in
      server.enqueue(.json("{}", status: 503, headers: ["Retry-After": "0"]), .init(status: 204))
      let client = MediaFixture.Client(
        serverURL: server.baseURL, token: "media-token", middlewares: [RetryMiddleware(initialDelay: .zero)])
      let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
        continuation.yield([1, 2, 3])
        continuation.finish()
      }

      let error = try await #require(throws: APIError.self) {
        try await client.storeRaw(
          mediaID: "ME1", contentType: "application/octet-stream",
          body: HTTPBody(stream, length: .unknown, iterationBehavior: .single))
      }

      #expect(server.requests.count == 1)
      #expect(error.description.contains("one-shot"))
      // A body the SDK encoded itself can be sent again.
      server.enqueue(.json("{}", status: 503, headers: ["Retry-After": "0"]), .init(status: 204))
      try await client.replaceMedia(mediaID: "ME1", body: HTTPBody(Data([1, 2, 3])))
      #expect(server.requests.map(\.body).suffix(2) == [Data([1, 2, 3]), Data([1, 2, 3])])
    }
  }
}

/// A small deterministic generator for test bytes.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
