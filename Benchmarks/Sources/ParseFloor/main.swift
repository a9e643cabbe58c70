// swift-openapi-generator's first step, and so a floor under its time: reading a spec and
// decoding it into an OpenAPIKit document with Yams' YAMLDecoder and default options.
// bench.py times this process like it times the generators.
//
//   ParseFloor SPEC.yaml

import Foundation
import OpenAPIKit
import Yams

guard CommandLine.arguments.count == 2,
  let text = try? String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
else {
  FileHandle.standardError.write(Data("usage: ParseFloor SPEC.yaml\n".utf8))
  exit(2)
}
let document = try YAMLDecoder().decode(OpenAPI.Document.self, from: text)
print(document.paths.count)
