import Foundation
import Testing

@testable import TelephonyWebhooks

/// `MediaType` parses ASCII on its bytes and anything else through Foundation, the same way.
@Suite struct MediaTypeTests {
  @Test(
    arguments: [
      ("application/json", "application/json", [:]),
      ("Application/JSON", "application/json", [:]),
      ("  text/plain ;\tcharset = UTF-8 ", "text/plain", ["charset": "UTF-8"]),
      (
        #"text/plain; Charset="ISO-8859-1"; format=flowed"#, "text/plain",
        ["charset": "ISO-8859-1", "format": "flowed"]
      ),
      ("application/json;;charset=utf-8;", "application/json", ["charset": "utf-8"]),
      (#"text/plain; a=; =b; c; d=="e"; q=""#, "text/plain", ["": "b", "d": #"="e""#, "q": #"""#]),
      ("", "", [:]),
      ("; charset=utf-8", "charset=utf-8", [:]),
      ("TEXT/PLAIN; CHARSET=\u{00A0}UTF-8", "text/plain", ["charset": "UTF-8"]),
    ] as [(String, String, [String: String])])
  func parses(text: String, essence: String, parameters: [String: String]) {
    let type = MediaType(text)
    #expect(type.essence == essence)
    #expect(type.parameters == parameters)
  }

  @Test func matchesDeclaredTypes() {
    #expect(MediaType("application/vnd.api+json; charset=utf-8").matches(MediaType("application/json")))
    #expect(MediaType("audio/mpeg").matches(MediaType("audio/*")))
    #expect(!MediaType("text/html").matches(MediaType("application/json")))
  }
}
