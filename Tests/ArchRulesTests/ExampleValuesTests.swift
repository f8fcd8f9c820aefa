import ArchModel
import ArchRules
import Foundation
import XCTest

final class ExampleValuesTests: XCTestCase {
    /// Every character that needs escaping is escaped; the result is JSON that a real parser reads back.
    func testRenderedJSONEscapesAndParsesBack() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} é 注"
        let value = JSONValue.object([
            ("text", .string(tricky)), ("plain", .string("order; DROP TABLE x")), ("n", .number("12.5")),
            ("flag", .bool(true)), ("nothing", .null), ("list", .array([.string("a"), .array([])])), ("empty", .object([])),
        ])
        let text = value.rendered()
        XCTAssertTrue(text.contains(#""text": "quote \" backslash \\ newline \n tab \t bell \u0007 é 注""#), text)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["text"] as? String, tricky)
        XCTAssertEqual(parsed["plain"] as? String, "order; DROP TABLE x")
        XCTAssertEqual((parsed["list"] as? [Any])?.count, 2)
    }

    /// Two spaces per level, members in insertion order, empty containers inline.
    func testRenderingIsIndentedInInsertionOrder() {
        let value = JSONValue.object([("b", .array([.number("1"), .object([])])), ("a", .null)])
        XCTAssertEqual(value.rendered(), "{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": null\n}")
    }

    /// A value rendered once and placed deeper renders exactly as the value itself would there.
    func testPreRenderedValuesIndentWhereTheySit() {
        let item = JSONValue.object([("id", .string("1")), ("tags", .array([.string("a"), .object([("k", .null)])])), ("n", .number("2"))])
        for pagination in [0, 1, 2] {
            func page(_ value: JSONValue) -> JSONValue {
                pagination == 0 ? value : .object([("data", .array(Array(repeating: value, count: pagination))), ("page", .object([]))])
            }
            XCTAssertEqual(page(.rendered(item.rendered())).rendered(), page(item).rendered())
        }
        XCTAssertEqual(JSONValue.array([.rendered("true")]).rendered(), "[\n  true\n]")
    }

    /// The example UUID is the FNV-1a hashes of the seed and three suffixed seeds, shaped as a version-7 UUID.
    func testUUIDIsStableAndDerivedFromTheSeed() {
        let hex = Array(["Order", "Order#1", "Order#2", "Order#3"].map(Naming.hash).joined())
        let expected = String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-7" + String(hex[13..<16]) + "-8"
            + String(hex[17..<20]) + "-" + String(hex[20..<32])
        XCTAssertEqual(ExampleValues.uuid("Order"), expected)
        XCTAssertNotEqual(ExampleValues.uuid("Order"), ExampleValues.uuid("Orders"))
        XCTAssertEqual(ExampleValues.uuid("注文").count, 36)
    }
}
