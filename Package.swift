// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "TelephonyWebhooks",
  platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
  products: [
    // An explicit type, so that `swift build --product TelephonyWebhooks` builds the library
    // and its runtime dependencies alone (SwiftPM ignores `--product` for automatic libraries).
    .library(name: "TelephonyWebhooks", type: .static, targets: ["TelephonyWebhooks"]),
    // Logging and tracing middlewares: a product of their own, so that a user of the library
    // alone never builds swift-log or swift-distributed-tracing.
    .library(name: "TelephonyWebhooksObservability", targets: ["TelephonyWebhooksObservability"]),
    .executable(name: "sdkgen", targets: ["sdkgen"]),
    // `swift package --allow-writing-to-package-directory generate-sdk` in a user's package. A
    // command plugin is built only when it is run, so library users never build sdkgen.
    .plugin(name: "GenerateSDK", targets: ["GenerateSDK"]),
  ],
  dependencies: [
    // The library's own dependencies: all a user of the SDK builds.
    .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    // Webhook signatures: HMAC, SHA-1/256 and Ed25519, never hand-rolled.
    .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    // TelephonyWebhooksObservability's dependencies: only its users build them.
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.0.0"),
    // The generator's dependencies: only `sdkgen` and its tests build them.
    .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Tests only: an HTTP server on 127.0.0.1.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
  ],
  targets: [
    .target(
      name: "TelephonyWebhooks",
      dependencies: [
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "TelephonyWebhooksObservability",
      dependencies: [
        "TelephonyWebhooks",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Tracing", package: "swift-distributed-tracing"),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    .target(
      name: "SDKGenCore",
      dependencies: [
        .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
        .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Generator/Sources/SDKGenCore"
    ),
    .executableTarget(
      name: "sdkgen",
      dependencies: [
        "SDKGenCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Generator/Sources/sdkgen"
    ),
    .plugin(
      name: "GenerateSDK",
      capability: .command(
        intent: .custom(
          verb: "generate-sdk",
          description: "Regenerates Sources/<Target>/Generated/ from the specs in Sources/<Target>/specs/"),
        permissions: [
          .writeToPackageDirectory(reason: "sdkgen writes the generated clients into Sources/<Target>/Generated/")
        ]
      ),
      dependencies: ["sdkgen"]
    ),
    // The README's snippets and the example program, compiled so that they cannot rot.
    // Examples/HummingbirdReceiver is a package of its own (`make example-hummingbird`).
    .target(
      name: "TelephonyWebhooksExamples",
      dependencies: [
        "TelephonyWebhooks",
        // The "Bodies" snippets call the fixture specs' clients.
        "FixtureClients",
        // The "Logging and tracing" snippet.
        "TelephonyWebhooksObservability",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      path: "Examples",
      exclude: ["Program", "HummingbirdReceiver"]
    ),
    .executableTarget(
      name: "TelephonyWebhooksExample",
      dependencies: ["TelephonyWebhooksExamples"],
      path: "Examples/Program"
    ),
    // The golden output of the generator's fixture specs, compiled so that it cannot rot.
    .target(
      name: "FixtureClients",
      dependencies: [
        "TelephonyWebhooks",
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      path: "Tests/Fixtures",
      exclude: [
        "callbox.yaml", "callwire.json", "callwire.config.yaml", "common", "keyring.yaml", "kitchen-sink.yaml",
        "media.yaml", "messaging-v1.yaml", "reserved-names.yaml", "relayline.yaml", "relayline.config.yaml",
        "switchboard.yaml", "tree.yaml", "voicegrid.yaml", "voxline.yaml",
      ]
    ),
    // The tests' one loopback HTTP server (FlyingFox on 127.0.0.1), shared by the test targets.
    .target(
      name: "TestSupport",
      dependencies: [
        "TelephonyWebhooks",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ],
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "GeneratorTests",
      dependencies: ["SDKGenCore", "sdkgen"],
      exclude: ["Diagnostics", "Warnings"]
    ),
    .testTarget(
      name: "TelephonyWebhooksTests",
      dependencies: [
        "TelephonyWebhooks",
        "FixtureClients",
        "TelephonyWebhooksExamples",
        "TestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        // SHA-256 of streamed downloads; the library builds it already.
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "TelephonyWebhooksObservabilityTests",
      dependencies: [
        "TelephonyWebhooksObservability",
        "TelephonyWebhooks",
        .product(name: "InMemoryLogging", package: "swift-log"),
        .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Tracing", package: "swift-distributed-tracing"),
        "TestSupport",
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
  ]
)
