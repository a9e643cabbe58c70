// swift-tools-version: 6.1
// Benchmarks for sdkgen and the SDK it generates, against apple/swift-openapi-generator.
// A package of its own, so that its heavy dependencies never reach the SDK's users or `make test`.
// Run it with `make bench`; see Makefile and README.md.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the SDK package's identity is whatever
// the clone's folder is called ("main" here).
let sdk = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "Benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
    .package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    // The runtime's own dependency (its webhook signatures), for the compile-time benchmark.
    .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // The loopback servers of the request and webhook-receiver benchmarks.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
  ],
  targets: [
    // Decodes and encodes through each of the three Plusofon clients; built in release.
    .executableTarget(
      name: "RuntimeBench",
      dependencies: [
        "TheirPlusofon",
        "HandPlusofon",
        .product(name: "TelephonyWebhooks", package: sdk),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    // Only swift-openapi-generator's first step, a floor under its time: Yams + OpenAPIKit
    // decoding the spec with default options. `ParseFloor convert` times the normalize stage's
    // OpenAPI 3.0 → 3.1 conversion alone.
    .executableTarget(
      name: "ParseFloor",
      dependencies: [
        .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
        .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // One generated operation against a hand-written URLSession + JSONDecoder call of the same
    // request, on a Hummingbird server on 127.0.0.1 in the same process; built in release.
    .executableTarget(
      name: "RequestBench",
      dependencies: [
        "HandPlusofon",
        .product(name: "TelephonyWebhooks", package: sdk),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    // A Hummingbird server on 127.0.0.1 with a generated `register(on:…)` webhook route and a
    // bare route that answers 200; a second process (wrk) loads it. Built in release.
    .executableTarget(
      name: "ReceiverBench",
      dependencies: [
        .product(name: "TelephonyWebhooks", package: sdk),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // swift-openapi-generator's client for specs/plusofon.yaml; `make bench` writes
    // Types.swift and Client.swift here before building (they are not committed).
    .target(
      name: "TheirPlusofon",
      dependencies: [
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    // A Plusofon client written by hand: the baseline for compile time and runtime cost.
    .target(
      name: "HandPlusofon",
      dependencies: [
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    // Only imports the modules that the compile-time benchmark compiles against, so that one
    // debug build prebuilds them.
    .target(
      name: "PrebuiltModules",
      dependencies: [
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
  ]
)
