@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import XCTest

/// The per-pane states and their reducers, on their own, and the layout cache they are drawn from.
final class PaneStateTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    func testTheMethodStateMovesWithinItsStepsAndQuestions() {
        var method = MethodState()
        method.moveQuestion(.last, questions: 4)
        XCTAssertEqual(method.question, 3)
        method.moveQuestion(.down, questions: 4)
        XCTAssertEqual(method.question, 3, "stays on the last")
        method.moveQuestion(.pageUp, questions: 4)
        XCTAssertEqual(method.question, 0)
        method.moveQuestion(.last, questions: 0)
        XCTAssertEqual(method.question, 0, "a step with no visible question")
        method.question = 2
        method.moveStep(.down, steps: 5)
        XCTAssertEqual(method.step, 1)
        XCTAssertEqual(method.question, 0, "a new step starts at its first question")
        method.question = 2
        method.moveStep(.up, steps: 5)
        method.moveStep(.up, steps: 5)
        XCTAssertEqual(method.step, 0)
        method.moveStep(.last, steps: 5)
        XCTAssertEqual(method.step, 4)
        method.moveStep(.answer, steps: 5)
        XCTAssertEqual(method.step, 4, "not a move")
    }

    private func apiContent() -> (AppState, DesignPaneContent) {
        var state = AppState(catalogue: Fixtures.catalogue, session: try! Demo.session(), filePath: "demo.archtui.yaml",
                             size: Size(width: 120, height: 40), deriveDesign: DesignDeriver { Self.builder.build($0) })
        state.press(.tab, .character("4"))
        let rect = state.methodLayout.design!
        return (state, DesignPaneContent(state: state, paneRect: rect))
    }

    func testTheDesignPaneStateMovesAmongTheItemsOfItsLayout() {
        let (state, content) = apiContent()
        var pane = state.designPane
        XCTAssertEqual(pane.tab, .api)
        XCTAssertGreaterThan(content.selectableCount, 20)
        XCTAssertTrue(pane.reduce(.last, key: .character("G"), in: { content }))
        XCTAssertEqual(pane.selection, content.selectableCount - 1)
        XCTAssertEqual(pane.scroll, content.lineCount - content.area.height, "scrolled to the bottom")
        XCTAssertTrue(pane.reduce(.first, key: .character("g"), in: { content }))
        XCTAssertEqual(pane, state.designPane)
        for _ in 0..<40 { XCTAssertTrue(pane.reduce(.down, key: .character("j"), in: { content })) }
        XCTAssertEqual(pane.selection, 40)
        let selected = DesignPaneContent(text: content.text, pane: pane, paneRect: content.paneRect).selectedLines!
        XCTAssertTrue((pane.scroll..<pane.scroll + content.area.height).overlaps(selected), "the selection is in view")
        XCTAssertEqual(pane.scroll, selected.lowerBound, "an item taller than the pane is shown from its top")
        XCTAssertTrue(pane.reduce(.tabByNumber, key: .character("5"), in: { content }))
        XCTAssertEqual(pane.tab, .schema)
        XCTAssertEqual([pane.selection, pane.scroll], [0, 0])
        XCTAssertFalse(pane.reduce(.why, key: .character("t"), in: { content }), "explaining needs more than the pane")
    }

    func testTheLayoutsAreACacheThatNoReduceFillsAndNoTwoDivergingStatesShare() throws {
        var state = Fixtures.state(session: try Demo.session())
        state.press(.tab, .character("4"))
        XCTAssertEqual(state.layouts.tabs, [], "keys lay nothing out")
        _ = AppView.render(state)
        XCTAssertEqual(state.layouts.tabs, [.api], "the frame lays out the tab it shows")
        let shared = state
        XCTAssertTrue(shared.layouts === state.layouts, "a copy shares the cache while nothing it depends on differs")
        var edited = state
        edited.perform(.setProjectName("Other"), "rename")
        XCTAssertFalse(edited.layouts === state.layouts, "an edit gives the copy a cache of its own")
        XCTAssertEqual(edited.layouts.tabs, [.api], "the new design laid out again, to keep the selection on its item")
        var deriving = state
        deriving.derivesDesignInline = false
        deriving.perform(.setProjectName("Other"), "rename")
        XCTAssertFalse(deriving.layouts === state.layouts)
        XCTAssertTrue(deriving.layouts.kept(.api)?.measured === state.layouts.kept(.api)?.measured,
                      "while the design is being derived, the design tabs laid out for it are kept")
        XCTAssertEqual(edited, edited, "the cache is not compared")
        var resized = state
        resized.press(.character("3"))
        XCTAssertEqual(resized.layouts.tabs, state.layouts.tabs, "a key that shows another tab lays nothing out itself")
        _ = AppView.render(resized)
        XCTAssertTrue(resized.layouts.tabs.contains(.components), "the frame lays the tab shown out")
    }
}
