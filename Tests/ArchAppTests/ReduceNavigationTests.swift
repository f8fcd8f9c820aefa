import ArchApp
import ArchModel
import TerminalUI
import XCTest

final class ReduceNavigationTests: XCTestCase {
    func testTabCyclesThroughThePanesAndShiftTabGoesBack() {
        var state = Fixtures.state()
        XCTAssertEqual(state.focus, .questions)
        state.press(.tab)
        XCTAssertEqual(state.focus, .design)
        state.press(.tab)
        XCTAssertEqual(state.focus, .steps)
        state.press(.backTab)
        XCTAssertEqual(state.focus, .design)
    }

    func testBracketsChangeStepAndResetTheSelectedQuestion() {
        var state = Fixtures.state()
        state.press(.down, .down)
        XCTAssertEqual(state.method.question, 2)
        state.press(.character("]"))
        XCTAssertEqual(state.method.step, 1)
        XCTAssertEqual(state.method.question, 0)
        state.press(.character("]"), .character("]"), .character("]"))
        XCTAssertEqual(state.method.step, 2, "stops at the last step")
        state.press(.character("["))
        XCTAssertEqual(state.method.step, 1)
    }

    func testStepsPaneMovesBetweenStepsAndEnterGoesToQuestions() {
        var state = Fixtures.state()
        state.press(.backTab)
        XCTAssertEqual(state.focus, .steps)
        state.press(.down, .down)
        XCTAssertEqual(state.method.step, 2)
        state.press(.up)
        XCTAssertEqual(state.method.step, 1)
        state.press(.enter)
        XCTAssertEqual(state.focus, .questions)
    }

    func testQuestionSelectionStaysInsideTheList() {
        var state = Fixtures.state()
        state.press(.up)
        XCTAssertEqual(state.method.question, 0)
        state.press(.end)
        XCTAssertEqual(state.method.question, 4)
        state.press(.down)
        XCTAssertEqual(state.method.question, 4)
        state.press(.character("g"))
        XCTAssertEqual(state.method.question, 0)
    }

    func testQuitSaveSuspendAndRedrawAreEffects() {
        var state = Fixtures.state()
        XCTAssertEqual(state.press(.character("q")), [.quit])
        XCTAssertEqual(state.press(.ctrl("s")), [.save])
        XCTAssertEqual(state.press(.ctrl("z")), [.suspend])
        XCTAssertEqual(state.press(.ctrl("l")), [.redraw])
    }

    func testCtrlCQuitsEvenWhileEditing() {
        var state = Fixtures.state()
        state.press(.enter)
        XCTAssertNotNil(state.method.editor)
        XCTAssertEqual(state.press(.ctrl("c")), [.quit])
    }

    func testQIsTextWhileEditingNotQuit() {
        var state = Fixtures.state()
        state.press(.down, .down, .down, .enter)
        XCTAssertEqual(state.press(.character("q")), [])
        guard case .field(let field)? = state.method.editor else { return XCTFail("expected a text field") }
        XCTAssertEqual(field.text, "q")
    }

    func testHelpOpensScrollsAndCloses() {
        var state = Fixtures.state(height: 20)
        state.press(.character("?"))
        XCTAssertEqual(state.overlay, .help(scroll: 0))
        state.press(.down, .down)
        XCTAssertEqual(state.overlay, .help(scroll: 2))
        state.press(.end)
        guard case .help(let bottom)? = state.overlay else { return XCTFail("help closed") }
        state.press(.down)
        XCTAssertEqual(state.overlay, .help(scroll: bottom), "scrolling stops at the end")
        XCTAssertEqual(state.press(.character("q")), [], "q closes help, it does not quit")
        XCTAssertNil(state.overlay)
    }

    func testDesignPaneScrollsAndClampsAtBothEnds() {
        var state = Fixtures.state(width: 120, height: 16)
        state.press(.tab)
        XCTAssertEqual(state.focus, .design)
        state.press(.end)
        let bottom = state.designPane.scroll
        XCTAssertGreaterThan(bottom, 0, "the fixture's design is taller than 13 rows")
        state.press(.down)
        XCTAssertEqual(state.designPane.scroll, bottom, "no scrolling past the end")
        state.press(.up)
        XCTAssertEqual(state.designPane.scroll, bottom - 1)
        state.press(.home, .up)
        XCTAssertEqual(state.designPane.scroll, 0)
    }

    func testSingleLayoutTogglesBetweenQuestionsAndDesign() {
        var state = Fixtures.state(width: 80, height: 24)
        XCTAssertEqual(LayoutMode(size: state.size), .single)
        state.press(.tab)
        XCTAssertTrue(state.narrowShowsDesign)
        XCTAssertEqual(state.focus, .design)
        state.press(.character("v"))
        XCTAssertFalse(state.narrowShowsDesign)
    }

    func testResizeChangesTheLayoutMode() {
        var state = Fixtures.state()
        _ = state.reduce(.resize(Size(width: 20, height: 6)))
        XCTAssertEqual(LayoutMode(size: state.size), .tooSmall)
        _ = state.reduce(.resize(Size(width: 90, height: 40)))
        XCTAssertEqual(LayoutMode(size: state.size), .stacked)
    }
}
