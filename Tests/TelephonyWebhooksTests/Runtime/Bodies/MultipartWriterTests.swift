import Foundation
import Testing

@_spi(Generated) @testable import TelephonyWebhooks

/// The multipart writer alone: exact bytes with a fixed boundary, and boundaries that never
/// occur in the content.
@Suite struct MultipartWriterTests {
  struct Upload: Encodable {
    var file: MultipartFile
    var name: String
    var labels: [String]?
    var loop: Bool?
    var settings: [String: Int]?
    var cover: MultipartFile?
  }

  @Test func writesOnePartPerPropertyAndElement() throws {
    let bytes = Data([0x00, 0xFF, 0x0D, 0x0A, 0x80, 0x00])
    let upload = Upload(
      file: MultipartFile(bytes, filename: "greeting \"1\".wav", contentType: "audio/wav"), name: "Grüße",
      labels: ["a", "b"], loop: true, settings: ["volume": 3])
    let body = try MultipartWriter.encode(
      upload, encodings: ["settings": PropertyEncoding(contentType: "application/json")]
    ) {
      "B0UNDARY"
    }
    #expect(body.contentType == "multipart/form-data; boundary=B0UNDARY")
    var expected = Data(
      "--B0UNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"greeting %221%22.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
        .utf8)
    expected.append(bytes)
    expected.append(
      Data(
        ("\r\n--B0UNDARY\r\nContent-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain\r\n\r\nGrüße\r\n"
          + "--B0UNDARY\r\nContent-Disposition: form-data; name=\"labels\"\r\nContent-Type: text/plain\r\n\r\na\r\n"
          + "--B0UNDARY\r\nContent-Disposition: form-data; name=\"labels\"\r\nContent-Type: text/plain\r\n\r\nb\r\n"
          + "--B0UNDARY\r\nContent-Disposition: form-data; name=\"loop\"\r\nContent-Type: text/plain\r\n\r\ntrue\r\n"
          + "--B0UNDARY\r\nContent-Disposition: form-data; name=\"settings\"\r\nContent-Type: application/json\r\n\r\n{\"volume\":3}\r\n"
          + "--B0UNDARY--\r\n").utf8))
    #expect(body.data == expected)
  }

  @Test func aFileWithoutATypeIsOctetStream() throws {
    let body = try MultipartWriter.encode(Upload(file: MultipartFile(Data("x".utf8)), name: "n")) { "B" }
    let text = String(decoding: body.data, as: UTF8.self)
    #expect(
      text.hasPrefix(
        "--B\r\nContent-Disposition: form-data; name=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n"))
  }

  @Test func aBoundaryThatOccursInTheContentIsReplaced() throws {
    var candidates = ["TAKEN", "FREE"]
    let upload = Upload(file: MultipartFile(Data("--TAKEN".utf8)), name: "n")
    let body = try MultipartWriter.encode(upload) { candidates.removeFirst() }
    #expect(body.contentType == "multipart/form-data; boundary=FREE")
  }

  @Test func randomBoundariesDiffer() {
    let boundaries = Set((0..<20).map { _ in MultipartWriter.randomBoundary() })
    #expect(boundaries.count == 20)
    #expect(boundaries.allSatisfy { $0.count == 50 && $0.hasPrefix("TelephonyWebhooks-") })
  }
}
