// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SpecGen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "specgen", targets: ["specgen"]),
        .library(name: "SpecModel", targets: ["SpecModel"]),
        // The runtime and the URLSession transport the generated clients use by default.
        .library(name: "ClientRuntime", targets: ["ClientRuntime", "ClientRuntimeURLSession"]),
        .plugin(name: "SpecGenPlugin", targets: ["SpecGenPlugin"]),
        .plugin(name: "GenerateClients", targets: ["GenerateClients"]),
        .library(name: "BinanceSpot", targets: ["BinanceSpot"]),
        .library(name: "BinanceJEXSpot", targets: ["BinanceJEXSpot"]),
        .library(name: "DFXSpot", targets: ["DFXSpot"]),
        .library(name: "B2TraderFrontOffice", targets: ["B2TraderFrontOffice"]),
        .library(name: "ClientRuntimeAsyncHTTPClient", targets: ["ClientRuntimeAsyncHTTPClient"]),
        .library(name: "ClientRuntimeWebSocket", targets: ["ClientRuntimeWebSocket"]),
        .library(name: "SpecMock", targets: ["SpecMock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        // `swift package generate-documentation --target ClientRuntime` (scripts/docs.sh); no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "SpecModel", dependencies: ["Yams"]),
        .target(
            name: "SpecGenerator",
            dependencies: ["SpecModel", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The plugins' generator: `specgen generate` alone, without the docs reader, diff, export and mock.
        .executableTarget(name: "specgen-generate", dependencies: ["SpecGenerator"]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The review tools, one module each: docs reading (check-docs, draft), spec diff, OpenAPI export, traffic check.
        .target(name: "SpecDocs", dependencies: ["SpecModel", "CLibXML2"]),
        .target(name: "SpecDiff", dependencies: ["SpecModel", "SpecGenerator"]),
        .target(name: "SpecExport", dependencies: ["SpecModel", "Yams"]),
        .target(name: "SpecTraffic", dependencies: ["SpecModel", "ClientRuntime"]),
        .executableTarget(
            name: "specgen",
            dependencies: [
                "SpecModel",
                "SpecGenerator",
                "SpecDocs",
                "SpecDiff",
                "SpecExport",
                "SpecTraffic",
                "SpecMock",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ClientRuntime",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // URLSessionTransport, apart from ClientRuntime so that what needs only the runtime (the mock, `specgen`)
        // does not load FoundationNetworking and libcurl with its thirty libraries.
        .target(name: "ClientRuntimeURLSession", dependencies: ["ClientRuntime", .product(name: "HTTPTypes", package: "swift-http-types")]),
        .plugin(name: "SpecGenPlugin", capability: .buildTool(), dependencies: ["specgen-generate"]),
        .plugin(
            name: "GenerateClients",
            capability: .command(
                intent: .custom(verb: "generate-clients", description: "Regenerate Generated/ from specs/"),
                permissions: [.writeToPackageDirectory(reason: "specgen writes the generated clients into Generated/")]),
            dependencies: ["specgen-generate"]),
        // A target that uses the build plugin the way a user would: the spec sits beside the sources.
        .testTarget(name: "PluginTests", dependencies: ["ClientRuntime", "ClientRuntimeURLSession"], exclude: ["demo-exchange.yaml"], plugins: ["SpecGenPlugin"]),
        // Generated clients, one library per spec (regenerate with `swift run specgen generate`).
        .target(name: "BinanceSpot", dependencies: ["ClientRuntime", "ClientRuntimeURLSession"], path: "Generated/BinanceSpot"),
        .target(name: "BinanceJEXSpot", dependencies: ["ClientRuntime", "ClientRuntimeURLSession"], path: "Generated/BinanceJEXSpot"),
        .target(name: "DFXSpot", dependencies: ["ClientRuntime", "ClientRuntimeURLSession"], path: "Generated/DFXSpot"),
        .target(name: "B2TraderFrontOffice", dependencies: ["ClientRuntime", "ClientRuntimeURLSession"], path: "Generated/B2TraderFrontOffice"),
        .testTarget(name: "SpecModelTests", dependencies: ["SpecModel", "Yams"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GeneratedClientTests",
            dependencies: [
                "BinanceSpot", "BinanceJEXSpot", "DFXSpot", "B2TraderFrontOffice", "ClientRuntime", "SpecModel", "SpecGenerator",
                "SpecTraffic", .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SpecGeneratorTests",
            dependencies: ["SpecGenerator", "SpecModel", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SpecDocsTests", dependencies: ["SpecDocs", "SpecModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SpecDiffTests", dependencies: ["SpecDiff", "SpecModel"], exclude: ["Fixtures"]),
        .testTarget(name: "SpecExportTests", dependencies: ["SpecExport", "SpecModel", "Yams"]),
        .testTarget(name: "SpecTrafficTests", dependencies: ["SpecTraffic", "SpecModel", "ClientRuntime"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ClientRuntimeTests",
            dependencies: [
                "ClientRuntime", "ClientRuntimeURLSession",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .target(
            name: "ClientRuntimeAsyncHTTPClient",
            dependencies: [
                "ClientRuntime", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "ClientRuntimeAsyncHTTPClientTests",
            dependencies: [
                "ClientRuntimeAsyncHTTPClient", "ClientRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // A WebSocket transport for the WebSocket API and stream clients, on swift-websocket (NIO); opt-in like the one above.
        .target(
            name: "ClientRuntimeWebSocket",
            dependencies: ["ClientRuntime", .product(name: "WSClient", package: "swift-websocket")]
        ),
        .testTarget(
            name: "ClientRuntimeWebSocketTests",
            dependencies: ["ClientRuntimeWebSocket", "ClientRuntime", .product(name: "WSClient", package: "swift-websocket")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "BinanceSpot", "BinanceJEXSpot", "DFXSpot", "B2TraderFrontOffice", "SpecMock", "ClientRuntime", "ClientRuntimeURLSession", "SpecModel",
                "ClientRuntimeWebSocket",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "WSClient", package: "swift-websocket"),
            ]
        ),
        // The mock's engine without a socket: overflow, decoding, record bounds, redaction.
        .testTarget(
            name: "SpecMockTests",
            dependencies: ["SpecMock", "SpecModel", "ClientRuntime", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // A mock exchange driven by a spec: checks requests as the venue would and answers with its examples.
        .target(
            name: "SpecMock",
            dependencies: [
                "SpecModel", "SpecTraffic", "ClientRuntime", "Yams",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
