@testable import ArchRules
import XCTest

final class NamingTests: XCTestCase {
    func testTableNamesAreSnakeCasePlurals() {
        XCTAssertEqual(Naming.tableName("OrderItem"), "order_items")
        XCTAssertEqual(Naming.tableName("Category"), "categories")
        XCTAssertEqual(Naming.tableName("Address"), "addresses")
        XCTAssertEqual(Naming.tableName("Person"), "people")
        XCTAssertEqual(Naming.tableName("Day"), "days")
        XCTAssertEqual(Naming.tableName("Box"), "boxes")
        XCTAssertEqual(Naming.tableName("order item"), "order_items")
        XCTAssertEqual(Naming.tableName("HTTPRequest"), "http_requests")
    }

    func testURLSegmentsParametersAndOperationIds() {
        XCTAssertEqual(Naming.urlSegment("OrderItem"), "order-items")
        XCTAssertEqual(Naming.pathParameter("OrderItem"), "orderItemId")
        XCTAssertEqual(Naming.operationId("list", "OrderItem", plural: true), "listOrderItems")
        XCTAssertEqual(Naming.operationId("get", "OrderItem"), "getOrderItem")
        XCTAssertEqual(Naming.snakeCase("unitPrice"), "unit_price")
        XCTAssertEqual(Naming.snakeCase("created-at"), "created_at")
        XCTAssertEqual(Naming.camelCase("unit_price"), "unitPrice")
    }

    func testInjectionLookingNamesBecomeSafeIdentifiers() {
        XCTAssertEqual(Naming.tableName("order; DROP TABLE x"), "order_drop_table_xes")
        XCTAssertEqual(Naming.urlSegment("../etc"), "etcs")
        XCTAssertEqual(Naming.snakeCase("a\"b'c`--"), "a_b_c")
        for name in ["order; DROP TABLE x", "../etc", "Robert'); --", "<script>", "a/b?c#d", "%00", "\u{0}x"] {
            XCTAssertTrue(Naming.tableName(name).allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, name)
            XCTAssertTrue(Naming.urlSegment(name).allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, name)
            XCTAssertTrue(Naming.pathParameter(name).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, name)
        }
    }

    func testUnicodeIsFoldedOrEscapedDeterministically() {
        XCTAssertEqual(Naming.snakeCase("Bestellungen 注文"), "bestellungen_u6ce8u6587")
        XCTAssertEqual(Naming.tableName("注文"), "u6ce8u6587")
        XCTAssertEqual(Naming.snakeCase("Größe"), "grosse")
        XCTAssertEqual(Naming.snakeCase("Café Crème"), "cafe_creme")
        XCTAssertEqual(Naming.urlSegment("Straße"), "strasses")
    }

    func testEmptyAndDigitLeadingNamesGetALetter() {
        XCTAssertEqual(Naming.snakeCase(""), "unnamed")
        XCTAssertEqual(Naming.snakeCase("  ;; "), "unnamed")
        XCTAssertEqual(Naming.snakeCase("3DModel"), "n3d_model")
        XCTAssertEqual(Naming.pathParameter("2fa"), "n2faId")
    }

    func testReservedWordsAreKeptAndFlaggedForQuoting() {
        XCTAssertEqual(Naming.snakeCase("order"), "order")
        XCTAssertTrue(Naming.isSQLReserved("order"))
        XCTAssertTrue(Naming.isSQLReserved("USER"))
        XCTAssertTrue(Naming.isSQLReserved("group"))
        XCTAssertFalse(Naming.isSQLReserved("orders"))
    }

    func testLongIdentifiersAreCutWithAStableHash() {
        let long = Naming.snakeCase(String(repeating: "Very", count: 30))
        XCTAssertEqual(long.count, Naming.maxIdentifierLength)
        XCTAssertEqual(long, Naming.snakeCase(String(repeating: "Very", count: 30)))
        XCTAssertNotEqual(long, Naming.snakeCase(String(repeating: "Very", count: 31)))
    }

    func testCollisionsGetSuffixesInClaimOrder() {
        var names = UniqueNames(reserved: ["id"])
        XCTAssertEqual(names.claim("orders"), "orders")
        XCTAssertEqual(names.claim("orders"), "orders_2")
        XCTAssertEqual(names.claim("orders"), "orders_3")
        XCTAssertEqual(names.claim("id"), "id_2")
    }

    func testEntitiesWhoseNamesCollideGetDistinctIdentifiers() {
        // `Order!` is the same name as `Order` (NameKey ignores case and separators): dropped, as `ORDER` is.
        // `Café` and `Cafe` are two names that make the same identifiers, so the later gets the next free ones.
        let names = SchemaNames([.init(name: "Order"), .init(name: "Order!"), .init(name: "ORDER"), .init(name: "Café"), .init(name: "Cafe")])
        XCTAssertEqual(names.entities.map(\.name), ["Order", "Café", "Cafe"], "duplicates by NameKey are dropped")
        XCTAssertEqual(names.names("Order")?.table, "orders")
        XCTAssertEqual(names.names("Café")?.table, "cafes")
        XCTAssertEqual(names.names("Cafe")?.table, "cafes_2")
        XCTAssertEqual(names.names("Cafe")?.segment, "cafes-2")
        XCTAssertEqual(names.names("Cafe")?.parameter, "cafe2Id")
        XCTAssertEqual(names.names("Cafe")?.pascal, "Cafe2")
    }
}

final class NamingFastPathTests: XCTestCase {
    /// The byte-level ASCII path must split exactly like the general scalar path: on every name of up to five
    /// characters drawn from lower case, upper case, digits and a separator (every transition the split rules
    /// look at), and on some realistic ones.
    func testASCIIPathAgreesWithTheGeneralPath() {
        let alphabet = Array("aAB0_")
        var names = ["OrderItem", "HTTPRequest", "Item2Name", "3D", "order; DROP TABLE x", "a_b-c", "ABCdef", "X1y2Z3"]
        var level = [""]
        for _ in 0..<5 {
            level = level.flatMap { prefix in alphabet.map { prefix + String($0) } }
            names += level
        }
        for name in names + [""] {
            XCTAssertEqual(Naming.asciiWords(name), Naming.scalarWords(name), "words of \"\(name)\"")
        }
        XCTAssertNil(Naming.asciiWords("Café"), "non-ASCII names take the general path")
    }

    /// The byte-level plural agrees with the character-level one on every ending that matters.
    func testASCIIPluralAgreesWithTheGeneralPath() {
        let words = ["order", "category", "day", "box", "bus", "quiz", "church", "wish", "bach", "data", "news", "u6ce8",
                     "u6ce8u6587", "unit", "item2", "y", "s", "a", "ch", "key", "toy", "buy", "fly", "sky", "ax", "topaz", "mesh"]
        for word in words {
            XCTAssertEqual(Naming.asciiPlural(word), Naming.generalPlural(word), word)
        }
        XCTAssertEqual(Naming.plural("category"), "categories")
        XCTAssertEqual(Naming.plural("person"), "people")
    }
}
