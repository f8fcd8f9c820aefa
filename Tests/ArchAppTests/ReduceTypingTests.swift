import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// Typing over a figure or default offered for replacing, and pastes: in fields, and where no text goes.
final class ReduceTypingTests: XCTestCase {
    /// The open field, or a failure.
    private func field(_ state: AppState, line: UInt = #line) -> TextFieldState? {
        guard case .field(let field)? = state.method.editor else {
            XCTFail("expected a field", line: line)
            return nil
        }
        return field
    }

    /// A catalogue with a text question that has a default.
    private func stateWithTextDefault() -> AppState {
        let catalogue = Catalogue(steps: [
            MethodStep(id: "requirements", title: "Understand requirements", questions: [
                Question(id: "requirements.summary", prompt: "What does it do?", kind: .text, defaultValue: .text("A shop")),
            ]),
        ])
        return AppState(catalogue: catalogue, session: Session(projectName: "Bookstore"), filePath: "bookstore.archtui.yaml",
                        size: Size(width: 120, height: 40))
    }

    func testTypingOverTheDefaultReplacesIt() {
        var state = Fixtures.state()
        state.press(.enter) // Daily active users, default 1000
        XCTAssertEqual(field(state)?.text, "1000")
        XCTAssertEqual(field(state)?.isSelected, true)
        state.type("80")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(80))
    }

    func testTypingOverTheCurrentFigureReplacesIt() {
        var state = Fixtures.state()
        state.perform(.setAnswer(question: "requirements.daily_active_users", .number(42)), "test")
        state.press(.enter)
        state.type("7")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(7))
    }

    func testAnArrowKeepsTheDefaultForEditing() {
        var state = Fixtures.state()
        state.press(.enter, .end)
        state.type("5")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(10_005))
        state.press(.up, .enter, .backspace)
        state.type("9")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(10_009))
    }

    func testEnterOnTheSelectedDefaultStoresIt() {
        var state = Fixtures.state()
        state.press(.enter, .enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(1000))
    }

    func testAPasteReplacesTheSelectedDefault() {
        var state = Fixtures.state()
        state.press(.enter, .paste("25k"), .enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(25_000))
    }

    func testATextDefaultIsReplacedButAnAnsweredTextIsEditedAtItsEnd() {
        var state = stateWithTextDefault()
        state.press(.enter)
        XCTAssertEqual(field(state)?.isSelected, true)
        state.type("Books")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.summary"], .text("Books"))
        state.press(.enter)
        XCTAssertEqual(field(state)?.isSelected, false)
        state.type(" and maps")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.summary"], .text("Books and maps"))
    }

    func testTheSelectedDefaultIsShownReversed() throws {
        var state = Fixtures.state()
        state.press(.enter)
        let screen = AppView.render(state)
        let row = try XCTUnwrap(screen.lines.firstIndex { $0.contains("› 1000") }, state.screenText)
        let x = try XCTUnwrap(screen.lines[row].distance(of: "› 1000")) + 2
        XCTAssertTrue((x..<x + 4).allSatisfy { screen[$0, row].style.reverse }, "the default is drawn selected")
        XCTAssertTrue(state.screenText.contains("Typing replaces"), state.screenText)
        state.press(.end)
        let edited = AppView.render(state)
        XCTAssertFalse(edited[x, row].style.reverse, "no longer selected after End")
    }

    func testAPasteIntoATextFieldIsInsertedWithLineBreaksAsSpaces() {
        var state = Fixtures.state()
        state.press(.end, .up, .enter) // the text question, no default
        state.type("ab")
        state.press(.left, .paste("one\ntwo"), .enter)
        XCTAssertEqual(state.session["requirements.summary"], .text("aone twob"))
    }

    func testALongPasteIsStoredWhole() {
        var state = stateWithTextDefault()
        let text = String(repeating: "order ships q d ", count: 625) + "end"
        state.press(.enter, .paste(text), .enter)
        XCTAssertTrue(state.session["requirements.summary"] == .text(text), "the 10,003 characters are stored")
    }

    func testAPasteWhereNoTextGoesIsIgnoredNotRunAsKeys() {
        for focus in [FocusedPane.steps, .questions, .design] {
            var state = Fixtures.state()
            state.focus = focus
            let before = state.session
            let effects = state.press(.paste("qjjdx]\n?"))
            XCTAssertEqual(effects, [], "\(focus): a pasted q must not quit")
            XCTAssertEqual(state.session, before, "\(focus)")
            XCTAssertNil(state.method.editor, "\(focus)")
            XCTAssertNil(state.overlay, "\(focus)")
            XCTAssertEqual(state.method.step, 0, "\(focus)")
            XCTAssertEqual(state.method.question, 0, "\(focus)")
            XCTAssertEqual(state.focus, focus)
        }
    }

    func testAPasteIntoAChoiceIsIgnored() {
        var state = Fixtures.state()
        state.press(.character("]"), .enter, .paste("j j\n"))
        XCTAssertEqual(state.method.editor, .choice(cursor: 0))
        XCTAssertNil(state.session["api.style"])
    }
}

private extension String {
    /// Cells before the first occurrence of `text` (ASCII and box characters only: one cell each).
    func distance(of text: String) -> Int? {
        guard let range = range(of: text) else { return nil }
        return self[..<range.lowerBound].count
    }
}
