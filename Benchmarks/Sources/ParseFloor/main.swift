// swift-openapi-generator's first step, and so a floor under its time: reading a spec and
// decoding it into an OpenAPIKit document with Yams' YAMLDecoder and default options.
// bench.py times this process like it times the generators.
//
//   ParseFloor SPEC                  decode with default options (a 3.0 spec as OpenAPIKit30,
//                                    converted, as swift-openapi-generator does); print the paths
//   ParseFloor convert SPEC RUNS     time sdkgen's normalize conversion alone; print JSON
//
// `convert` decodes the spec the way sdkgen's normalize stage does (one Yams node with scalars
// left as strings, vendor-extension decoding off), as OpenAPIKit30 when it declares 3.0, and
// then times `convert(to: .v3_1_1)` (OpenAPIKitCompat), the stage's 3.0 → 3.1 conversion, apart
// from the decode. Medians of RUNS runs, in milliseconds.

import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("ParseFloor: \(message)\n".utf8))
  exit(2)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = ContinuousClock.now
  try body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func read(_ path: String) -> String {
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
  return text
}

/// The normalize stage's conversion, timed apart from the decode that precedes it.
func timeConversion(path: String, runs: Int) throws {
  // sdkgen's resolver: scalars stay strings until a type asks for them.
  let resolver = [Tag.Name.bool, .int, .float, .null, .timestamp, .value]
    .reduce(Resolver.default) { $0.removing($1) }
  let text = read(path)
  var node: Node?
  let compose = try milliseconds { node = try Parser(yaml: text, resolver: resolver).singleRoot() }
  guard let node else { fail("\(path) is empty") }
  let version = node["openapi"]?.string ?? ""
  let userInfo: [CodingUserInfoKey: Any] = [OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false]
  var decodes: [Double] = []
  var conversions: [Double] = []
  var paths = 0
  for _ in 0..<max(1, runs) {
    if version.hasPrefix("3.0") {
      var document: OpenAPIKit30.OpenAPI.Document?
      decodes.append(
        try milliseconds {
          document = try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: node, userInfo: userInfo)
        })
      var converted: OpenAPIKit.OpenAPI.Document?
      conversions.append(milliseconds { converted = document?.convert(to: .v3_1_1) })
      paths = converted?.paths.count ?? 0
    } else {
      var document: OpenAPIKit.OpenAPI.Document?
      decodes.append(
        try milliseconds {
          document = try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: node, userInfo: userInfo)
        })
      paths = document?.paths.count ?? 0
    }
  }
  let conversion = conversions.isEmpty ? "null" : String(format: "%.3f", median(conversions))
  print(
    #"{"version": "\#(version)", "paths": \#(paths), "compose_ms": \#(String(format: "%.3f", compose)), "#
      + #""decode_ms": \#(String(format: "%.3f", median(decodes))), "convert_ms": \#(conversion)}"#)
}

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "convert" {
  guard let runs = Int(arguments[3]) else { fail("RUNS must be a number") }
  do { try timeConversion(path: arguments[2], runs: runs) } catch { fail("\(arguments[2]): \(error)") }
} else if arguments.count == 2 {
  // As swift-openapi-generator reads a spec: 3.0 through OpenAPIKit30 and converted.
  let text = read(arguments[1])
  let isOpenAPI30 = text.range(of: #"["']?openapi["']?\s*:\s*["']?3\.0"#, options: .regularExpression) != nil
  let document =
    isOpenAPI30
    ? try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: text).convert(to: .v3_1_1)
    : try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: text)
  print(document.paths.count)
} else {
  fail("usage: ParseFloor SPEC | ParseFloor convert SPEC RUNS")
}
