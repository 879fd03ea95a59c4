// swift-tools-version:6.1
// The benchmarks of SpecGen, a package of their own so the main build does not pay for them. Run ./run.sh.
import Foundation
import PackageDescription

let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
/// The root package's identity is its directory name (whatever the clone is called).
let root = here.deletingLastPathComponent().lastPathComponent.lowercased()
/// swift-openapi-generator's types for the same API, written here by run.sh (never committed).
let openAPITypes = here.appendingPathComponent("Sources/OpenAPITypes/Types.swift").path
let hasOpenAPITypes = FileManager.default.fileExists(atPath: openAPITypes)

var dependencies: [Package.Dependency] = [
    .package(path: ".."),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
]
var benchDependencies: [Target.Dependency] = [
    .product(name: "BinanceSpot", package: root),
    .product(name: "ClientRuntime", package: root),
    .product(name: "SpecModel", package: root),
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "HTTPTypes", package: "swift-http-types"),
]
var targets: [Target] = []
if hasOpenAPITypes {
    dependencies.append(.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"))
    targets.append(.target(
        name: "OpenAPITypes", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]))
    benchDependencies.append("OpenAPITypes")
}
targets.append(.executableTarget(
    name: "SpecGenBench", dependencies: benchDependencies,
    swiftSettings: hasOpenAPITypes ? [.define("OPENAPI_TYPES")] : []))

let package = Package(
    name: "SpecGenBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
