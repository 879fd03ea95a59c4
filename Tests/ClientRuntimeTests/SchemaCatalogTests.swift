import ClientRuntime
import Testing

/// `SchemaCatalog`: the text form generated modules carry their drift schemas in.
@Suite struct SchemaCatalogTests {
    static let text = """
        object Order
          symbol string
          side Side
          fills [Fill]
          stopPrice decimal optional nullable
          fee decimalNumber nullable
          extra {anything}
        enum Side
          BUY
          SELL
          ALL%20DAY
        object Fill
          price decimal
          %40id%231 integer optional
        positional Level
          price decimal
          at datetime
        polymorphic Rule kind
          MAX_ORDERS MaxOrders
          %25RATE Level
        object MaxOrders
          limit integer
          done boolean
        """

    @Test func readsEveryKindOfDefinition() throws {
        let catalog = SchemaCatalog(Self.text)
        let side = ResponseSchema.enumeration(EnumSchema(name: "Side", values: ["BUY", "SELL", "ALL DAY"]))
        let fill = ResponseSchema.model("Fill", [.required("price", .decimal), .optional("@id#1", .integer)])
        let order = ResponseSchema.model(
            "Order",
            [
                .required("symbol", .string), .required("side", side), .required("fills", .array(fill)),
                .optional("stopPrice", .decimal, nullable: true), .required("fee", .decimalNumber, nullable: true),
                .required("extra", .map(.anything)),
            ])
        let level = ResponseSchema.positionalModel("Level", [.required("price", .decimal), .required("at", .datetime)])
        let maxOrders = ResponseSchema.model("MaxOrders", [.required("limit", .integer), .required("done", .boolean)])
        #expect(catalog.byName["Order"] == order, "a model named before the ones it uses")
        #expect(catalog.byName["Side"] == side)
        #expect(catalog.byName["Level"] == level)
        #expect(catalog.byName["Rule"] == .polymorphicModel("Rule", discriminator: "kind", [("MAX_ORDERS", maxOrders), ("%RATE", level)]))
        #expect(catalog.byName.count == 6)
        #expect(catalog.text == Self.text)
    }

    @Test func sharesOneSchemaPerDefinition() throws {
        let catalog = SchemaCatalog(Self.text)
        guard case let .object(order)? = catalog.byName["Order"], case let .array(.object(inOrder)) = order.fields[2].schema,
            case let .object(fill)? = catalog.byName["Fill"]
        else {
            Issue.record("not objects")
            return
        }
        #expect(inOrder === fill)
    }

    @Test func readsTypes() throws {
        let catalog = SchemaCatalog(Self.text)
        let fill = try #require(catalog.byName["Fill"])
        #expect(catalog.schema("[Fill]") == .array(fill))
        #expect(catalog.schema("{[Fill]}") == .map(.array(fill)))
        #expect(catalog.schema("empty") == .model("EMPTY", []))
        #expect(catalog.schema("integer") == .integer)
        #expect(catalog.schema("Unknown") == .anything, "a name nothing defines checks nothing")
        #expect(catalog.schema("[") == .anything)
    }

    @Test func skipsWhatItCannotRead() {
        let catalog = SchemaCatalog(
            """
              orphan string
            table Nope
              a string
            object A
              loner
              self A
              b B
            object A
              duplicate string
            object B
              back A
            polymorphic P
              onlyValue
            enum
            """)
        #expect(catalog.byName.keys.sorted() == ["A", "B", "P"])
        guard case let .object(a)? = catalog.byName["A"] else {
            Issue.record("A is not an object")
            return
        }
        #expect(a.fields.map(\.name) == ["self", "b"], "the member with no type is skipped; the second A is ignored")
        #expect(a.fields[0].schema == .anything, "a model inside itself is not checked below its first level")
        #expect(catalog.byName["P"] == .polymorphicModel("P", discriminator: "", []))
    }

    /// Bytes that are not catalog text give some catalog, never a crash or a hang.
    @Test func survivesArbitraryText() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("object enum positional polymorphic [ ] { } % \n  AB a b string decimal".utf8)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let catalog = SchemaCatalog(String(decoding: bytes, as: UTF8.self))
            _ = catalog.schema(String(decoding: bytes.prefix(20), as: UTF8.self))
        }
    }
}
