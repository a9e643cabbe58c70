import Foundation
import Testing

/// The test support's SHA-256 against FIPS 180-4's vectors, so that download checks mean something.
@Suite struct SHA256Tests {
  @Test func knownVectors() {
    #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func chunksGiveTheSameDigest() {
    let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    var hash = SHA256()
    for start in stride(from: 0, to: data.count, by: 37) { hash.update(data[start..<min(start + 37, data.count)]) }
    #expect(hash.finalize() == SHA256.hex(data))
  }
}
