@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import XCTest

/// `/` in the design pane: the items that contain every typed word stay (`!` first: those that do not), Enter
/// keeps the filter, Esc clears it; the tab is searched, never measured again, and only when the words change.
final class DesignFilterTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    private func demo() throws -> AppState {
        var state = AppState(catalogue: Self.builder.catalogue, session: try Demo.session(), filePath: "demo.archtui.yaml",
                             size: Size(width: 140, height: 40), deriveDesign: DesignDeriver { Self.builder.build($0) })
        state.press(.tab, .character("4")) // the API tab
        return state
    }

    private func text(_ state: AppState) -> DesignTabText {
        DesignPaneContent(state: state, paneRect: state.methodLayout.design!).text
    }

    /// The plain text of each selectable item shown, lowercased.
    private func shownItems(_ state: AppState) -> [String] {
        let text = text(state)
        return text.selectable.map { text.items.item($0).lines.map(\.plainText).joined(separator: "\n").lowercased() }
    }

    func testSlashKeepsTheItemsWithEveryWordAndEnterKeepsTheFilter() throws {
        var state = try demo()
        let all = text(state).selectable.count
        state.press(.character("/"))
        XCTAssertEqual(state.designPane.filter?.isTyping, true)
        state.type("Order")
        let orders = shownItems(state)
        XCTAssertFalse(orders.isEmpty)
        XCTAssertLessThan(orders.count, all)
        XCTAssertTrue(orders.allSatisfy { $0.contains("order") }, "any case")
        XCTAssertTrue(state.screenText.contains("/Order"), state.screenText)
        XCTAssertTrue(state.screenText.contains("\(orders.count) of \(all)"), state.screenText)
        state.type(" delete")
        let deletes = shownItems(state)
        XCTAssertTrue(deletes.allSatisfy { $0.contains("order") && $0.contains("delete") }, "every word")
        XCTAssertLessThan(deletes.count, orders.count)
        // Headings stay only above items that stay.
        let shown = text(state)
        for index in 0..<shown.items.count where shown.items.isHeading(index) {
            XCTAssertTrue(index + 1 < shown.items.count && shown.items.isSelectable(index + 1), "heading \(index) heads nothing")
        }
        state.press(.enter)
        XCTAssertEqual(state.designPane.filter?.isTyping, false)
        XCTAssertTrue(state.screenText.contains("\(deletes.count) of \(all)"), "the kept filter still shows")
        state.press(.character("j"))
        XCTAssertEqual(state.designPane.selection, 1, "keys move again")
        XCTAssertEqual(state.designPane.filter?.field.text, "Order delete")
        state.press(.escape)
        XCTAssertNil(state.designPane.filter)
        XCTAssertEqual(text(state).selectable.count, all)
        XCTAssertFalse(state.screenText.contains("/Order delete"), "the filter line is gone\n" + state.screenText)
        XCTAssertFalse(state.screenText.contains("\(deletes.count) of \(all)"), state.screenText)
    }

    func testABangInvertsAndEscWhileTypingClears() throws {
        var state = try demo()
        let all = text(state).selectable.count
        state.press(.character("/"))
        state.type("order")
        let orders = shownItems(state).count
        state.press(.home)
        state.type("!")
        let others = shownItems(state)
        XCTAssertTrue(others.allSatisfy { !$0.contains("order") })
        XCTAssertEqual(orders + others.count, all)
        state.press(.escape)
        XCTAssertNil(state.designPane.filter)
        XCTAssertEqual(text(state).selectable.count, all)
    }

    func testTypedCommandKeysGoIntoTheFilter() throws {
        var state = try demo()
        state.press(.character("/"))
        XCTAssertEqual(state.press(.character("q")), [], "q does not quit")
        state.type("?]u:4")
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.method.step, 0)
        XCTAssertEqual(state.designPane.tab, .api)
        XCTAssertEqual(state.designPane.filter?.field.text, "q?]u:4")
        XCTAssertTrue(state.screenText.contains("Nothing in this tab matches"), state.screenText)
        XCTAssertTrue(state.screenText.contains("0 of "), state.screenText)
    }

    func testKeysThatDoNotChangeTheWordsDoNotSearchAgainAndNothingIsMeasuredAgain() throws {
        var state = try demo()
        _ = AppView.render(state)
        let measured = try XCTUnwrap(state.layouts.kept(.api)).measured
        state.pressAndDraw(.character("/"))
        XCTAssertTrue(try XCTUnwrap(state.layouts.kept(.api)).measured === measured, "opening the filter measures nothing")
        for character in "order" { state.pressAndDraw(.character(character)) }
        let filtered = try XCTUnwrap(state.layouts.kept(.api))
        XCTAssertTrue(filtered.measured === measured, "filtering lays out from the measurement")
        XCTAssertNotNil(filtered.key.filter)
        for key: Key in [.left, .right, .end, .character(" "), .backspace, .home, .character(" ")] {
            state.pressAndDraw(key)
            XCTAssertEqual(state.layouts.kept(.api)?.key, filtered.key, "\(key) changed no word")
            XCTAssertEqual(state.layouts.kept(.api)?.shown, filtered.shown)
        }
        state.pressAndDraw(.character("s"))
        XCTAssertNotEqual(state.layouts.kept(.api)?.key, filtered.key, "a new word searches again")
        XCTAssertTrue(try XCTUnwrap(state.layouts.kept(.api)).measured === measured)
    }

    func testTheFilterAppliesToEveryTabUntilCleared() throws {
        var state = try demo()
        state.press(.character("/"))
        state.type("order")
        state.press(.enter, .right) // Schema
        XCTAssertEqual(state.designPane.tab, .schema)
        let tables = shownItems(state)
        XCTAssertFalse(tables.isEmpty)
        XCTAssertTrue(tables.allSatisfy { $0.contains("order") }, "\(tables)")
        state.press(.character("0"))
        XCTAssertTrue(shownItems(state).allSatisfy { $0.contains("order") })
        state.press(.escape)
        XCTAssertNil(state.designPane.filter)
    }

    func testTheSelectionStaysOnItsItemWhileTheFilterChanges() throws {
        var state = try demo()
        func selected() -> String? {
            let content = DesignPaneContent(state: state, paneRect: state.methodLayout.design!)
            return content.selectedItem.map { content.text.items.item($0).title }
        }
        while selected() != "DELETE /v1/orders/{orderId}" {
            let before = state.designPane.selection
            state.press(.character("j"))
            XCTAssertNotEqual(state.designPane.selection, before, "DELETE /v1/orders/{orderId} is in the demo's API")
        }
        let position = state.designPane.selection
        state.press(.character("/"))
        state.type("order")
        XCTAssertEqual(selected(), "DELETE /v1/orders/{orderId}")
        XCTAssertLessThan(state.designPane.selection, position, "fewer items before it")
        state.press(.escape)
        XCTAssertEqual(state.designPane.selection, position, "back on it, where it was among all the items")
        XCTAssertEqual(selected(), "DELETE /v1/orders/{orderId}")
        let lines = try XCTUnwrap(DesignPaneContent(state: state, paneRect: state.methodLayout.design!).selectedLines)
        XCTAssertTrue(DesignPaneContent(state: state, paneRect: state.methodLayout.design!).shownLines(scroll: state.designPane.scroll)
            .contains(lines.lowerBound), "and in view")
        state.press(.character("/"))
        state.type("order get")
        let nearest = try XCTUnwrap(selected())
        XCTAssertTrue(nearest.hasPrefix("GET /v1/orders"), "filtered out: the nearest kept item, \(nearest)")
    }

    /// What the filter lays out from the unfiltered measurement is what wrapping the kept items gives.
    func testAFilteredTabLaysOutLikeWrappingTheKeptItems() throws {
        var state = try demo()
        state.press(.character("/"))
        state.type("order")
        for tab in DesignTab.allCases {
            state.press(.enter, .character(Character(String((tab.rawValue + 1) % 10))), .character("/"))
            let text = text(state)
            var line = 0
            for index in 0..<text.items.count {
                XCTAssertEqual(text.starts[index], line, "\(tab) item \(index)")
                line += text.items.item(index).lines.flatMap { WordWrap.wrap($0, width: text.key.width) }.count
            }
            XCTAssertEqual(text.lineCount, line, "\(tab)")
            XCTAssertTrue(state.screenText.contains("/order"), "\(tab)")
        }
        XCTAssertTrue(state.screenText.contains("Enter keep"), "the status line shows the filter's keys\n\(state.screenText)")
    }

    func testDownAndUpMoveAmongTheKeptItemsWhileTyping() throws {
        var state = try demo()
        state.press(.character("/"))
        state.type("order")
        state.press(.down, .down)
        XCTAssertEqual(state.designPane.selection, 2)
        state.press(.up)
        XCTAssertEqual(state.designPane.selection, 1)
        XCTAssertEqual(state.designPane.filter?.isTyping, true)
    }
}
