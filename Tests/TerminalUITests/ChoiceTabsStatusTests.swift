import TerminalUI
import TestSupport
import XCTest

final class ChoiceListTests: XCTestCase {
    let options = ["SQL", "NoSQL", "Files"]

    func testSingleChoiceRadioButtons() {
        var state = ChoiceState(mode: .single, chosen: [0])
        XCTAssertTrue(state.handle(.down, count: 3, visibleRows: 3))
        XCTAssertTrue(state.handle(.character(" "), count: 3, visibleRows: 3))
        XCTAssertEqual(state.chosen, [1])
        _ = state.handle(.down, count: 3, visibleRows: 3)
        XCTAssertTrue(state.handle(.enter, count: 3, visibleRows: 3))
        XCTAssertEqual(state.chosen, [2])
        let buffer = renderBuffer(width: 12, height: 3) { buffer, area in
            ChoiceList(options: options, state: state, focused: true).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["( ) SQL", "( ) NoSQL", "(•) Files"])
        XCTAssertTrue(buffer[0, 2].style.reverse)
        XCTAssertFalse(buffer[0, 1].style.reverse)
    }

    func testMultipleChoiceCheckBoxes() {
        var state = ChoiceState(mode: .multiple)
        _ = state.handle(.character(" "), count: 3, visibleRows: 3)
        _ = state.handle(.down, count: 3, visibleRows: 3)
        _ = state.handle(.character(" "), count: 3, visibleRows: 3)
        XCTAssertEqual(state.chosen, [0, 1])
        _ = state.handle(.up, count: 3, visibleRows: 3)
        _ = state.handle(.character(" "), count: 3, visibleRows: 3)
        XCTAssertEqual(state.chosen, [1])
        XCTAssertFalse(state.handle(.enter, count: 3, visibleRows: 3))
        let buffer = renderBuffer(width: 12, height: 3) { buffer, area in
            ChoiceList(options: options, state: state, focused: false).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["[ ] SQL", "[x] NoSQL", "[ ] Files"])
        XCTAssertFalse(buffer[0, 0].style.reverse, "unfocused list does not reverse")
        XCTAssertTrue(buffer[0, 0].style.bold)
    }

    func testSingleModeKeepsAtMostOneChoice() {
        XCTAssertEqual(ChoiceState(mode: .single, chosen: [2, 1]).chosen, [1])
    }
}

final class TabsTests: XCTestCase {
    func testSelectedTabIsReversed() {
        let buffer = renderBuffer(width: 40, height: 1) { buffer, area in
            Tabs(titles: ["Questions", "Design", "Export"], selected: 1).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, [" Questions │ Design │ Export"])
        XCTAssertTrue(styles(buffer, row: 0, from: 12, count: 8).allSatisfy { $0.reverse && $0.bold })
        XCTAssertFalse(buffer[11, 0].style.reverse)
        XCTAssertFalse(buffer[20, 0].style.reverse)
        XCTAssertFalse(buffer[1, 0].style.reverse)
    }

    func testNarrowTabsAreShortened() {
        let lines = renderLines(width: 20, height: 1) { buffer, area in
            Tabs(titles: ["Questions", "Design", "Export"]).render(in: area, buffer: &buffer)
        }
        assertLines(lines, [" Que… │ Des… │ Exp…"])
    }

    func testShortTitlesKeptWhileLongOnesShrink() {
        XCTAssertEqual(Tabs(titles: ["A", "Configuration"]).fittedTitles(width: 12), ["A", "Confi…"])
    }
}

final class StatusBarTests: XCTestCase {
    let hints = [KeyHint("Tab", "focus"), KeyHint("Enter", "edit"), KeyHint("?", "help"), KeyHint("q", "quit")]

    func testHintsKeysBoldDescriptionsDim() {
        let buffer = renderBuffer(width: 40, height: 1) { buffer, area in
            StatusBar(hints: hints).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["Tab focus  Enter edit  ? help  q quit"])
        XCTAssertEqual(styles(buffer, row: 0, count: 3), [.bold, .bold, .bold])
        XCTAssertEqual(buffer[4, 0].style, .dim)
    }

    func testMessageIsRightAlignedAndHintsThatDoNotFitAreDropped() {
        let lines = renderLines(width: 30, height: 1) { buffer, area in
            StatusBar(hints: hints, message: "Saved").render(in: area, buffer: &buffer)
        }
        assertLines(lines, ["Tab focus  Enter edit    Saved"])
    }

    func testLongMessageIsTruncated() {
        let lines = renderLines(width: 8, height: 1) { buffer, area in
            StatusBar(hints: hints, message: "Something long").render(in: area, buffer: &buffer)
        }
        assertLines(lines, ["Somethi…"])
    }
}
