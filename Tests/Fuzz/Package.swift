// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for the wire decoders (issue 19). Built and run by `run.sh`, never by the root package.
//
// `FuzzedProtocol` is the root's `Protocol/` folder itself (a symlink), compiled without the publication files:
// signing is the only part that needs swift-crypto, and leaving BoringSSL out keeps the fuzz build within CI's
// budget. Everything the harnesses exercise (frames, zlib, UTF-8, JSON, messages, the NIO pipeline) is the same
// source the server and client build.
//
// Only this package's own code is instrumented for libFuzzer (`fuzzerSettings`; `run.sh` passes no `-sanitize=fuzzer`
// of its own): coverage and comparison hooks inside swift-nio cost a quarter of the pipeline harness's time per
// input and guide the fuzzer towards NIO's internals rather than ours. NIO still runs, uninstrumented, in every
// input of `FuzzFrameDecoder`.
let fuzzerSettings: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-sanitize=fuzzer"])]
let fuzzerLinking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]

let package = Package(
    name: "BulletinFuzz",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2")
    ],
    targets: [
        .target(name: "CZlib", path: "Sources/CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "FuzzedProtocol",
            dependencies: ["CZlib", .product(name: "NIOCore", package: "swift-nio")],
            path: "Sources/FuzzedProtocol",
            exclude: [
                "PROTOCOL.md", "vectors", "contract.json", "Publication/PublicationKeys.swift",
                "Publication/Publication.swift",
                "Publication/PublicationContent.swift",
            ],
            // The harnesses check internal invariants too (`@testable import`).
            swiftSettings: fuzzerSettings + [.unsafeFlags(["-enable-testing"])]
        ),
        .executableTarget(
            name: "FuzzFrameDecoder",
            dependencies: [
                "FuzzedProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: fuzzerSettings, linkerSettings: fuzzerLinking
        ),
        .executableTarget(
            name: "FuzzMessageDecoder", dependencies: ["FuzzedProtocol"], swiftSettings: fuzzerSettings,
            linkerSettings: fuzzerLinking),
        .executableTarget(
            name: "FuzzInflate", dependencies: ["FuzzedProtocol", "CZlib"], swiftSettings: fuzzerSettings,
            linkerSettings: fuzzerLinking),
    ]
)
