import Foundation
import SpecModel

@testable import SpecMock

/// One input: `<selector byte><path>[?<query>]\n<Header: value>\n…\n\n<body>`. The selector's low two bits choose the
/// spec (Binance, Binance JEX, DFX, B2TRADER), the next two the method (GET, POST, PUT, DELETE). The mocks accept any
/// signature and run on a fixed clock (1800000000000 ms), so seeds with that timestamp reach the parameter checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMockRequest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let selector = Int(bytes[0])
    let engine = FuzzEngines.all[selector & 3]
    let method = ["GET", "POST", "PUT", "DELETE"][(selector >> 2) & 3]
    let request = FuzzEngines.request(method: method, Array(bytes.dropFirst()))

    // The decoding layer on its own, then the whole engine.
    _ = FormText.pairs(request.body)
    _ = FormText.pairs(request.query.utf8)
    let answer = engine.handle(request)
    precondition((100...599).contains(answer.status), "answered with status \(answer.status)")
    precondition(engine.records.count <= 64, "the record outgrew its bound")
    return 0
}

enum FuzzEngines {
    static let clock: Int64 = 1_800_000_000_000

    static let all: [MockEngine] = ["binance-spot.yaml", "binance-jex-spot.yaml", "dfx-spot.yaml", "b2trader-frontoffice.yaml"].map { name in
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = SpecLoader.load(path: root.appendingPathComponent("specs/\(name)").path)
        guard let spec = result.spec, !result.hasErrors else { preconditionFailure("\(name) does not load: \(result.diagnostics)") }
        let options = MockOptions(clock: { clock }, maxRecordedRequests: 64, maxRecordedBytes: 1 << 20)
        do {
            return try MockEngine(spec: spec, options: options)
        } catch {
            preconditionFailure("\(name): \(error)")
        }
    }

    /// Splits the input into the request line, header lines and body.
    static func request(method: String, _ bytes: [UInt8]) -> IncomingRequest {
        let newline = UInt8(ascii: "\n")
        let lineEnd = bytes.firstIndex(of: newline) ?? bytes.endIndex
        let target = String(decoding: bytes[..<lineEnd], as: UTF8.self)
        var headers: [(name: String, value: String)] = []
        var index = lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
        while index < bytes.endIndex {
            let end = bytes[index...].firstIndex(of: newline) ?? bytes.endIndex
            defer { index = end < bytes.endIndex ? end + 1 : end }
            if end == index { break }
            let line = String(decoding: bytes[index..<end], as: UTF8.self)
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let mark = target.firstIndex(of: "?")
        return IncomingRequest(
            method: method, path: String(target[..<(mark ?? target.endIndex)]),
            query: mark.map { String(target[target.index(after: $0)...]) } ?? "", headers: headers,
            body: Data(bytes[min(index, bytes.endIndex)...]))
    }
}

/// SwiftPM links an executable target's entry point as `<target>_main`; with `-parse-as-library` there is none, so
/// this one hands over to libFuzzer's driver.
@_cdecl("FuzzMockRequest_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzMockRequest(data.map(UnsafeRawPointer.init), size)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
