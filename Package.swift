// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 mode plus the upcoming features the architecture asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Runbook",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "Runbook", targets: ["Runbook"]),
        .library(name: "RunbookTesting", targets: ["RunbookTesting"]),
        .library(name: "RunbookCLI", targets: ["RunbookCLI"]),
        .executable(name: "runbook", targets: ["runbook"]),
        .executable(name: "runbook-bench", targets: ["runbook-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev, Homebrew: libyaml).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "JSONSchema",
            swiftSettings: strictSettings
        ),
        .target(
            name: "Runbook",
            dependencies: [
                "JSONSchema",
                "CYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        // A small HTTP/1.1 server on POSIX sockets: integration tests, demo-api, benchmarks.
        .target(
            name: "LoopbackHTTPServer",
            swiftSettings: strictSettings
        ),
        .target(
            name: "RunbookTesting",
            dependencies: [
                "Runbook",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "RunbookCLI",
            dependencies: [
                "Runbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "runbook",
            dependencies: ["RunbookCLI", "HelloWorld"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "runbook-bench",
            dependencies: [
                "Runbook", "RunbookCLI", "JSONSchema", "LoopbackHTTPServer",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Example scripts: one target each, each with its tests.
        .target(
            name: "HelloWorld",
            dependencies: ["Runbook"],
            path: "examples/HelloWorld/Sources",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HelloWorldTests",
            dependencies: ["HelloWorld", "RunbookTesting"],
            path: "examples/HelloWorld/Tests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JSONSchemaTests",
            dependencies: ["JSONSchema"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RunbookTests",
            dependencies: [
                "Runbook", "RunbookTesting", "RunbookCLI", "LoopbackHTTPServer",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RunbookCLITests",
            dependencies: ["RunbookCLI", "RunbookTesting", "HelloWorld"],
            swiftSettings: strictSettings
        ),
    ]
)
