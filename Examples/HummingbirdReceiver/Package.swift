// swift-tools-version: 6.2
import PackageDescription

// The three providers' webhook receivers on Hummingbird 2, with its `Router` as the
// swift-openapi-runtime `ServerTransport`. A package of its own, so that a user of
// TelephonyWebhooks never builds Hummingbird: `make example-hummingbird` builds it into
// `.build-hummingbird/` at the repository's root and runs its tests.
let package = Package(
  name: "HummingbirdReceiver",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "TelephonyWebhooks", path: "../.."),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
  ],
  targets: [
    // The routes: the README's Hummingbird snippet, compiled here.
    .target(
      name: "HummingbirdReceiver",
      dependencies: [
        .product(name: "TelephonyWebhooks", package: "TelephonyWebhooks"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
      ]
    ),
    // `swift run hummingbird-receiver [port]`: the routes served on 127.0.0.1.
    .executableTarget(
      name: "hummingbird-receiver",
      dependencies: ["HummingbirdReceiver", .product(name: "Hummingbird", package: "hummingbird")],
      path: "Sources/HummingbirdReceiverServer"
    ),
    .testTarget(
      name: "HummingbirdReceiverTests",
      dependencies: [
        "HummingbirdReceiver",
        .product(name: "TelephonyWebhooks", package: "TelephonyWebhooks"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
  ]
)
