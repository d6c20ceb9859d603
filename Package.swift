// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Script targets are discovered, not listed: every folder `examples/<Name>` and `scripts/<Name>`
/// with a `Sources/` folder is a script target `<Name>` (and `Tests/` its test target `<Name>Tests`).
/// The `runbook` executable's script list is generated at build time (Plugins/RunbookScriptList).
/// SwiftPM caches this manifest by its text, so a new folder is seen only once the text changes:
/// `runbook new <script-name>` inserts the folder's own line below, in name order, and changes no
/// other line (two new scripts merge cleanly unless their lines are neighbours; docs/writing-a-script.md).
// runbook-script-folder: examples/BulkUpdate
// runbook-script-folder: examples/CustomerSync
// runbook-script-folder: examples/HelloWorld
// runbook-script-folder: examples/InvoiceExport
let scriptFolders: [(name: String, path: String)] = ["examples", "scripts"].flatMap { parent -> [(name: String, path: String)] in
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(parent)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.sorted().filter {
        FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("Sources").path)
    }.map { ($0, "\(parent)/\($0)") }
}

/// Settings every target shares: Swift 6 mode plus the upcoming features the architecture asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The Swift runtime and Foundation linked statically (Linux): no dynamic symbol binding at start-up,
/// which is most of a short run's time (docs/performance.md). For `runbook` and the benchmark
/// programs that are measured against it.
let staticallyLinked: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux])),
    // Foundation's own static parts, which -static-stdlib alone does not name.
    .linkedLibrary("CoreFoundation", .when(platforms: [.linux])),
    .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
    .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
    .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
    .linkedLibrary("stdc++", .when(platforms: [.linux])),
]

/// The framework, its tools and its tests.
let coreTargets: [Target] = [
    // libyaml from the system (Debian: libyaml-dev, Homebrew: libyaml).
    .systemLibrary(
        name: "CYAML",
        pkgConfig: "yaml-0.1",
        providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // zlib from the system (gzip files, XLSX deflate).
    .systemLibrary(
        name: "CRunbookZlib",
        pkgConfig: "zlib",
        providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // OpenSSL from the system (Debian: libssl-dev, Homebrew: openssl): TLS for the socket HTTP transport.
    .systemLibrary(
        name: "COpenSSL",
        pkgConfig: "openssl",
        providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
    ),
    .target(
        name: "JSONSchema",
        swiftSettings: strictSettings
    ),
    // The socket layer under the HTTP client and the loopback servers: POSIX sockets, TLS over
    // OpenSSL (client and server side), the HTTP/1.1 message head. Knows nothing of Runbook.
    .target(
        name: "RunbookTransport",
        dependencies: ["COpenSSL"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "Runbook",
        dependencies: [
            "JSONSchema",
            "CYAML",
            "CRunbookZlib",
            "RunbookTransport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ],
        swiftSettings: strictSettings
    ),
    // Optional: the URLSession transport (links FoundationNetworking and libcurl, so it is not in Runbook).
    .target(
        name: "RunbookURLSession",
        dependencies: ["Runbook", .product(name: "HTTPTypes", package: "swift-http-types")],
        swiftSettings: strictSettings
    ),
    // Optional: the AsyncHTTPClient transport (links SwiftNIO and NIO-SSL, so it is not in Runbook).
    .target(
        name: "RunbookAsyncHTTPClient",
        dependencies: [
            "Runbook",
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ],
        swiftSettings: strictSettings
    ),
    // A small HTTP/1.1 server on POSIX sockets: integration tests, demo-api, benchmarks.
    .target(
        name: "LoopbackHTTPServer",
        dependencies: ["RunbookTransport"],
        swiftSettings: strictSettings
    ),
    // A local stand-in for an ERP's REST/OData API (customers, invoices, items, async jobs, OAuth, faults).
    .target(
        name: "DemoAPI",
        dependencies: ["LoopbackHTTPServer"],
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "demo-api",
        dependencies: ["DemoAPI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        swiftSettings: strictSettings
    ),
    .target(
        name: "RunbookTesting",
        dependencies: [
            "JSONSchema",
            "Runbook",
            "RunbookTransport",
            // CLITester drives RunbookCLI's entry point in-process (RunbookCLI does not depend on RunbookTesting).
            "RunbookCLI",
            "LoopbackHTTPServer",
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
        dependencies: ["RunbookCLI"] + scriptFolders.map { .target(name: $0.name) },
        swiftSettings: strictSettings,
        linkerSettings: staticallyLinked,
        plugins: ["RunbookScriptList"]
    ),
    // The `runbook` executable's script list (ScriptList.swift), generated from its script dependencies.
    .plugin(name: "RunbookScriptList", capability: .buildTool(), dependencies: ["runbook-script-list"]),
    .executableTarget(name: "runbook-script-list", swiftSettings: strictSettings),
    .executableTarget(
        name: "runbook-bench",
        dependencies: [
            "Runbook", "RunbookCLI", "RunbookURLSession", "RunbookAsyncHTTPClient", "RunbookTesting", "JSONSchema", "LoopbackHTTPServer",
            "BenchSupport", .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strictSettings
    ),
    // What the benchmark programs share: the benchmark table and the GET loop.
    .target(name: "BenchSupport", dependencies: ["Runbook", .product(name: "Logging", package: "swift-log")], swiftSettings: strictSettings),
    // The start-up anchor of bench/compare: Foundation only, linked like `runbook` (docs/performance.md).
    .executableTarget(
        name: "bench-foundation-anchor",
        swiftSettings: strictSettings,
        linkerSettings: staticallyLinked + [.linkedLibrary("swiftSynchronization", .when(platforms: [.linux]))]
    ),
    // The Swift side of bench/compare, linked like `runbook` (docs/performance.md).
    .executableTarget(
        name: "bench-probe",
        dependencies: ["Runbook", "JSONSchema", "LoopbackHTTPServer", "BenchSupport", .product(name: "Logging", package: "swift-log")],
        swiftSettings: strictSettings,
        linkerSettings: staticallyLinked
    ),
    // One GET per process through each transport, linked like `runbook`: the start-up rows of the
    // transport comparison in runbook-bench (docs/performance.md, "Transports").
    .executableTarget(name: "bench-get-socket", dependencies: ["Runbook", "BenchSupport"], swiftSettings: strictSettings,
                      linkerSettings: staticallyLinked),
    .executableTarget(name: "bench-get-ahc", dependencies: ["Runbook", "RunbookAsyncHTTPClient", "BenchSupport"], swiftSettings: strictSettings,
                      linkerSettings: staticallyLinked),
    // Crash tests of output transactions: a process killed with SIGKILL at a chosen step.
    .executableTarget(name: "runbook-tx-crash-helper", dependencies: ["Runbook"], swiftSettings: strictSettings),
    // The shared rate limit between processes: grants of a shared token bucket, without sleeping.
    .executableTarget(name: "runbook-rate-limit-helper", dependencies: ["Runbook"], swiftSettings: strictSettings),
    .testTarget(
        name: "JSONSchemaTests",
        dependencies: ["JSONSchema"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "RunbookTests",
        dependencies: [
            "Runbook", "RunbookTesting", "RunbookCLI", "RunbookURLSession", "RunbookTransport", "COpenSSL", "LoopbackHTTPServer", "DemoAPI",
            "CustomerSync", "InvoiceExport",
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "MetricsTestKit", package: "swift-metrics"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ],
        swiftSettings: strictSettings
    ),
    // The transport conformance suite (RunbookTesting) over every transport the package ships.
    .testTarget(
        name: "RunbookAsyncHTTPClientTests",
        dependencies: ["Runbook", "RunbookTesting", "RunbookAsyncHTTPClient", "RunbookURLSession", "LoopbackHTTPServer",
                       .product(name: "HTTPTypes", package: "swift-http-types")],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "RunbookCLITests",
        dependencies: ["RunbookCLI", "RunbookTesting", "HelloWorld", "CustomerSync", "DemoAPI", "JSONSchema"],
        swiftSettings: strictSettings
    ),
    // Every ```swift block of README.md and docs/*.md is a region of a file here, compiled and run;
    // DocsDriftTests fails when a block and its region differ.
    .testTarget(
        name: "DocsTests",
        dependencies: ["Runbook", "RunbookTesting", "RunbookCLI", "HelloWorld", "CustomerSync", "InvoiceExport", "BulkUpdate"],
        swiftSettings: strictSettings
    ),
]

/// One target per script folder, each with its tests.
let scriptTargets: [Target] = scriptFolders.flatMap { folder -> [Target] in
    // Script targets: one per folder, each with its tests.
    var targets: [Target] = [
        .target(name: folder.name, dependencies: ["Runbook"], path: "\(folder.path)/Sources", swiftSettings: strictSettings)
    ]
    if FileManager.default.fileExists(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("\(folder.path)/Tests").path) {
        targets.append(
            .testTarget(
                name: "\(folder.name)Tests", dependencies: [.target(name: folder.name), "RunbookTesting"],
                path: "\(folder.path)/Tests", swiftSettings: strictSettings))
    }
    return targets
}

let package = Package(
    name: "Runbook",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "Runbook", targets: ["Runbook"]),
        .library(name: "RunbookTesting", targets: ["RunbookTesting"]),
        .library(name: "RunbookCLI", targets: ["RunbookCLI"]),
        .library(name: "RunbookURLSession", targets: ["RunbookURLSession"]),
        .library(name: "RunbookAsyncHTTPClient", targets: ["RunbookAsyncHTTPClient"]),
        .executable(name: "runbook", targets: ["runbook"]),
        .executable(name: "runbook-bench", targets: ["runbook-bench"]),
        .executable(name: "demo-api", targets: ["demo-api"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // `swift package generate-documentation --target Runbook` (the .docc catalogs); a plugin only, nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: coreTargets + scriptTargets
)
