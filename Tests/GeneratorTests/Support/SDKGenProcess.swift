import Foundation

/// Runs the real `sdkgen` executable that the test build produced.
struct SDKGenProcess {
  struct Result {
    var status: Int32
    var standardError: String
    var standardOutput: String
  }

  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `sdkgen` beside the test bundle, in the build's products folder.
  static var executable: URL {
    get throws {
      var folder = Bundle.main.bundleURL
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("sdkgen")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
      }
      for argument in CommandLine.arguments {
        var folder = URL(fileURLWithPath: argument).deletingLastPathComponent()
        for _ in 0..<4 {
          let candidate = folder.appendingPathComponent("sdkgen")
          if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
          folder.deleteLastPathComponent()
        }
      }
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "sdkgen"])
    }
  }

  static func run(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = try executable
    process.arguments = arguments
    let errorPipe = Pipe()
    let outputPipe = Pipe()
    process.standardError = errorPipe
    process.standardOutput = outputPipe
    try process.run()
    let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
    let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardError: String(decoding: errorData, as: UTF8.self),
      standardOutput: String(decoding: outputData, as: UTF8.self))
  }

  /// A new, empty temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
