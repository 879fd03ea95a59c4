import SpecGenerator
import Testing

@Suite struct NamingTests {
    @Test(arguments: [
        ("STOP_LOSS_LIMIT", "stopLossLimit"), ("Gtc", "gtc"), ("1m", "_1m"), ("MON1", "mon1"), ("BUY", "buy"),
        ("TRD_GRP_002", "trdGrp002"), ("NONE", "noneValue"), ("BREAK", "`break`"), ("default", "`default`"),
        ("EXPIRE_TAKER", "expireTaker"), ("x-api-version", "xApiVersion"),
    ])
    func enumCases(_ value: String, _ expected: String) {
        #expect(Naming.enumCase(value) == expected)
    }

    @Test func propertiesAndTypes() {
        #expect(Naming.property("type") == "type")
        #expect(Naming.property("default") == "`default`")
        #expect(Naming.property("newClientOrderId") == "newClientOrderId")
        #expect(Naming.property("avaliable", swiftName: "available") == "available")
        #expect(Naming.requestType(endpoint: "newOrder") == "NewOrderRequest")
        #expect(Naming.method(endpoint: "newOrder") == "newOrder")
        #expect(Naming.type("Error") == "ErrorModel")
        #expect(Naming.type("Type") == "TypeModel")
        // A model's members live in its private `storage`, of its nested type `Storage`.
        #expect(Naming.property("storage") == "storageValue")
        #expect(Naming.property("x", swiftName: "storage") == "storageValue")
        #expect(Naming.type("Storage") == "StorageModel")
        #expect(Naming.errorMember("TOO_MANY_REQUESTS") == "tooManyRequests")
    }
}
