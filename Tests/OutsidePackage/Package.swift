// swift-tools-version: 6.2
// A user's package that adds a provider of its own, Dialtone, without forking TelephonyWebhooks.
// `make outside` copies it out of the repository, beside a link named TelephonyWebhooks to the
// repository, then generates Sources/Dialtone/Generated/ with `swift run sdkgen` and with the
// `generate-sdk` plugin, and runs its tests. It is not part of the TelephonyWebhooks package.
import PackageDescription

let package = Package(
  name: "DialtoneSDK",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Dialtone", targets: ["Dialtone"])
  ],
  dependencies: [
    .package(path: "../TelephonyWebhooks"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
  ],
  targets: [
    // Sources/Dialtone/specs/*.yaml gives Sources/Dialtone/Generated/; the specs are not sources.
    .target(
      name: "Dialtone",
      dependencies: [.product(name: "TelephonyWebhooks", package: "TelephonyWebhooks")],
      exclude: ["specs"],
      swiftSettings: [.treatAllWarnings(as: .error)]
    ),
    .testTarget(
      name: "DialtoneTests",
      dependencies: [
        "Dialtone",
        .product(name: "TelephonyWebhooks", package: "TelephonyWebhooks"),
        .product(name: "FlyingFox", package: "FlyingFox"),
      ],
      swiftSettings: [.treatAllWarnings(as: .error)]
    ),
  ]
)
