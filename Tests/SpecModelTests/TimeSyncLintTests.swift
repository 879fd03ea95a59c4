import SpecModel
import Testing

/// `auth.timestamp.sync`: the server-time endpoint and the codes that refuse a timestamp.
@Suite struct TimeSyncLintTests {
    static func yaml(sync: String, method: String = "GET") -> String {
        """
        specgen: 1
        api: demo
        title: Demo
        module: Demo
        servers:
          - url: https://api.example.com
        security:
          NONE: {}
        auth:
          timestamp: {param: timestamp, sync: \(sync)}
        errors:
          - {code: -1021, name: INVALID_TIMESTAMP}
        models:
          Time: {fields: [{name: serverTime, type: LONG}]}
        endpoints:
          time:
            method: \(method)
            path: /api/v3/time
            security: NONE
            response: {type: Time}

        """
    }

    @Test func validSyncLoads() throws {
        let result = SpecLoader.load(yaml: Self.yaml(sync: "{endpoint: time, field: serverTime, rejectionCodes: [-1021]}"), file: "specs/demo.yaml")
        #expect(result.lintDiagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let sync = try #require(result.spec?.auth?.timeSync)
        #expect(sync.endpoint.value == "time")
        #expect(sync.field == "serverTime")
        #expect(sync.rejectionCodes.map(\.value) == ["-1021"])
    }

    @Test func unknownEndpointAndUnlistedCodeAreErrors() {
        #expect(
            diagnostics(Self.yaml(sync: "{endpoint: clock, field: serverTime, rejectionCodes: [-1022]}"), errorsOnly: true) == [
                "specs/demo.yaml:10:50: error: auth.timestamp.sync.endpoint names no endpoint 'clock'",
                "specs/demo.yaml:10:93: error: auth.timestamp.sync.rejectionCodes: '-1022' is not in errors",
            ])
    }

    @Test func postEndpointAndMissingFieldAreErrors() {
        #expect(
            diagnostics(Self.yaml(sync: "{endpoint: time, field: serverTime, rejectionCodes: [-1021]}", method: "POST"), errorsOnly: true) == [
                "specs/demo.yaml:10:50: error: auth.timestamp.sync.endpoint 'time' must be a GET"
            ])
        #expect(diagnostics(Self.yaml(sync: "{endpoint: time, rejectionCodes: [-1021]}"), errorsOnly: true).count == 1)
    }
}
