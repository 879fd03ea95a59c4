// swift-tools-version:6.1
// A libFuzzer target over the mock's request parsing: raw request bytes → routing, query/form/JSON/percent-decoding,
// credential and parameter checks, the venue's answer. Built and run by scripts/fuzz-mock-request.sh (-sanitize=fuzzer);
// kept out of the root package so the normal build does not compile an instrumented copy of the mock.
import PackageDescription

let package = Package(
    name: "FuzzMockRequest",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "SpecGen", path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzMockRequest",
            dependencies: [.product(name: "SpecMock", package: "SpecGen"), .product(name: "SpecModel", package: "SpecGen")]
        )
    ],
    swiftLanguageModes: [.v6]
)
