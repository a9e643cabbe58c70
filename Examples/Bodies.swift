import FixtureClients
import Foundation
import TelephonyWebhooks

/// The README's "Bodies" snippets, against the project's fixture specs: `Switchboard` (a
/// Twilio-shaped call API) and `MediaFixture` (uploads and recordings).
public enum BodiesExamples {
  /// Places a call with a form body and returns its SID.
  public static func placeCall(serverURL: URL) async throws -> String {
    // snippet: bodies-form
    let switchboard = Switchboard.Client(
      serverURL: serverURL, username: "AC0123456789abcdef", password: "your-auth-token")
    let call = try await switchboard.createCall(
      accountSid: "AC0123456789abcdef",
      body: .init(
        to: "+15558675310", from: "+15017122661", url: URL(string: "https://example.com/twiml"),
        statusCallbackEvent: [.initiated, .answered, .completed], record: true))
    // Sent as To=%2B15558675310&From=%2B15017122661&Url=…&StatusCallbackEvent=initiated&…&Record=true
    print(call.sid, call.duration ?? "not ended yet")
    // end snippet
    return call.sid
  }

  /// Uploads a greeting as a multipart body and returns the media id.
  public static func uploadGreeting(serverURL: URL, wav: Data) async throws -> String {
    // snippet: bodies-multipart
    let media = MediaFixture.Client(serverURL: serverURL, token: "your-token")
    let stored = try await media.uploadMedia(
      body: .init(
        file: MultipartFile(wav, filename: "greeting.wav", contentType: "audio/wav"),
        name: "Welcome", labels: ["ivr", "en"]))
    // end snippet
    return stored.id
  }

  /// Downloads a recording to `file`, a chunk at a time, and returns the bytes written.
  public static func downloadRecording(serverURL: URL, to file: URL) async throws -> Int {
    // snippet: bodies-download
    let media = MediaFixture.Client(serverURL: serverURL, token: "your-token")
    let recording = try await media.downloadRecording(recordingID: "RE123")  // HTTPBody, status already checked
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    defer { try? handle.close() }
    var written = 0
    for try await chunk in recording {  // never the whole recording in memory
      try handle.write(contentsOf: chunk)
      written += chunk.count
    }
    // end snippet
    return written
  }
}
