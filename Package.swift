// swift-tools-version:6.2
import PackageDescription

/// Every target builds in Swift 6 language mode with strict concurrency checking, warnings as errors.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .treatAllWarnings(as: .error)]

/// The release `bulletin` links the Swift runtime and Foundation in: every editor's command is a whole process, and
/// binding those libraries at start-up was 6 ms of a 40 ms `bulletin search` (BENCHMARKS.md, "Local store").
/// `swift build --static-swift-stdlib` does it for every target; a target's own `-static-stdlib` links the runtime
/// but not the libraries Foundation's static archives need, which are named here. Debug builds and tests link as
/// before.
let staticSwiftRuntime: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lFoundationInternationalization",
            "-lFoundationEssentials", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCollections",
            "-l_FoundationCShims", "-Xlinker", "--end-group",
        ],
        .when(platforms: [.linux], configuration: .release))
]

let package = Package(
    name: "BulletinSync",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SyncProtocol", targets: ["SyncProtocol"]),
        .library(name: "BulletinCore", targets: ["BulletinCore"]),
        .library(name: "BulletinFormat", targets: ["BulletinFormat"]),
        .library(name: "SyncServer", targets: ["SyncServer"]),
        .library(name: "SyncClient", targets: ["SyncClient"]),
        .executable(name: "bulletin", targets: ["bulletin"]),
        .executable(name: "bulletin-server", targets: ["bulletin-server"]),
        .executable(name: "bulletin-bench", targets: ["bulletin-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(
            name: "CZlib",
            path: "Sources/CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "CSearchRank",
            path: "Sources/CSearchRank",
            linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("m")]
        ),
        .target(
            name: "SyncProtocol",
            dependencies: [
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Protocol",
            exclude: ["PROTOCOL.md", "vectors", "contract.json"],
            swiftSettings: strict
        ),
        .target(
            name: "BulletinCore",
            dependencies: [
                "SyncProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the inserts every pushed or pulled change makes (DirectStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BulletinFormat",
            dependencies: ["BulletinCore"],
            swiftSettings: strict
        ),
        .target(
            name: "SyncServer",
            dependencies: [
                "SyncProtocol",
                "BulletinCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Server",
            swiftSettings: strict
        ),
        .target(
            name: "SyncClient",
            dependencies: [
                "CSearchRank",
                "SyncProtocol",
                "BulletinCore",
                "BulletinFormat",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Client",
            swiftSettings: strict
        ),
        .target(
            name: "BulletinDesk",
            dependencies: [
                "SyncClient",
                "SyncProtocol",
                "BulletinCore",
                "BulletinFormat",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"],
            // Catalogs, CSS and JS are compiled into the binary: the desk works offline with no files beside it.
            resources: [
                .embedInCode("Catalog/vi.json"),
                .embedInCode("Catalog/en.json"),
                .embedInCode("Assets/desk.css"),
                .embedInCode("Assets/desk.js"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinDesk",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "SyncClient",
                "SyncProtocol",
                "BulletinCore",
                "BulletinFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            linkerSettings: staticSwiftRuntime
        ),
        .executableTarget(
            name: "bulletin-server",
            dependencies: [
                "SyncServer",
                "SyncProtocol",
                "BulletinCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "bulletin-bench",
            dependencies: [
                "BulletinDesk",
                "SyncProtocol",
                "BulletinCore",
                "BulletinFormat",
                "SyncServer",
                "SyncClient",
                "CZlib",
                // The attack payloads of issue 19, shared with the tests.
                "TestSupport",
                // A fresh PostgreSQL database per run of `backends`, made as the tests make theirs.
                "PostgresTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncProtocolTests",
            dependencies: [
                "SyncProtocol",
                "BulletinCore",
                "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinCoreTests",
            dependencies: ["BulletinCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/PostgresTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "PostgresTestSupport",
                "bulletin",
                "bulletin-server",
                "SyncClient",
                "SyncServer",
                "SyncProtocol",
                "BulletinCore",
                "BulletinFormat",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncServerTests",
            dependencies: [
                "PostgresTestSupport",
                "TestSupport",
                "SyncServer",
                "SyncProtocol",
                "BulletinCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncClientTests",
            dependencies: [
                "SyncClient",
                "SyncServer",
                "BulletinCore",
                "SyncProtocol",
                "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinCLITests",
            dependencies: ["bulletin", "SyncClient", "BulletinCore", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinDeskTests",
            dependencies: [
                "BulletinDesk",
                "bulletin",
                "SyncClient",
                "SyncServer",
                "SyncProtocol",
                "BulletinCore",
                "BulletinFormat",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinFormatTests",
            dependencies: ["BulletinFormat"],
            // The fixtures are read through #filePath, not bundled.
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
