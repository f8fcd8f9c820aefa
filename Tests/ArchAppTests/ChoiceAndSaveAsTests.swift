@testable import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// The dialogs of several answers (recover a journal, a file changed on disk) and save as (`W`).
final class ChoiceAndSaveAsTests: XCTestCase {
    private func recoveryChoice() -> ChoiceDialog {
        ChoiceDialog(title: "Recover unsaved edits?", message: "archtui 42 did not exit cleanly", options: [
            .init(key: "r", label: "Recover", outcome: .edit(.setProjectName("Recovered"), label: "recover the unsaved edits")),
            .init(key: "d", label: "Discard", outcome: .effect(.discardJournal)),
            .init(key: "o", label: "Open read-only", outcome: .effect(.openReadOnly)),
        ])
    }

    private func state(with choice: ChoiceDialog) -> AppState {
        var state = Fixtures.state()
        state.overlay = .choose(choice)
        return state
    }

    func testALetterPicksItsOptionAnEditIsUndoable() {
        var state = state(with: recoveryChoice())
        XCTAssertEqual(state.press(.character("R")), [])
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.session.projectName, "Recovered")
        XCTAssertEqual(state.statusMessage, "Recover the unsaved edits — u undoes")
        state.press(.character("u"))
        XCTAssertEqual(state.session.projectName, "Bookstore")
    }

    func testAnEffectOptionGoesToTheRuntime() {
        var state = state(with: recoveryChoice())
        XCTAssertEqual(state.press(.character("o")), [.openReadOnly])
        XCTAssertNil(state.overlay)
        state = self.state(with: recoveryChoice())
        XCTAssertEqual(state.press(.right, .enter), [.discardJournal], "Enter presses the highlighted button")
    }

    func testEscapePicksTheLastOptionAndOtherKeysDoNothing() {
        var state = state(with: recoveryChoice())
        XCTAssertEqual(state.press(.character("x"), .character("q"), .down, .ctrl("s")), [], "not an option's letter: nothing, not a command")
        XCTAssertEqual(state.overlay, .choose(recoveryChoice()))
        XCTAssertEqual(state.session.projectName, "Bookstore")
        XCTAssertEqual(state.press(.escape), [.openReadOnly])
    }

    func testNothingClosesWithItsStatusAndSaveAsOpensTheField() {
        let choice = ChoiceDialog(title: "Changed on disk", message: "", options: [
            .init(key: "s", label: "Save as…", outcome: .saveAs),
            .init(key: "n", label: "Not now", outcome: .nothing(status: "Not saved")),
        ])
        var state = state(with: choice)
        state.press(.escape)
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.statusMessage, "Not saved")
        state = self.state(with: choice)
        state.press(.character("s"))
        guard case .saveAs(let dialog)? = state.overlay else { return XCTFail("save as opens") }
        XCTAssertEqual(dialog.field.text, "bookstore.archtui.yaml")
        XCTAssertEqual(dialog.reason, "Changed on disk")
        state.press(.escape)
        XCTAssertEqual(state.overlay, .choose(choice), "Esc goes back to the question it came from")
        state.press(.escape)
        XCTAssertNil(state.overlay)
    }

    func testSaveAsKeepsEveryLetterTypedAndAsksTheRuntime() {
        var state = Fixtures.state()
        state.press(.character("W"))
        guard case .saveAs? = state.overlay else { return XCTFail("W opens save as") }
        state.press(.ctrl("u"))
        XCTAssertEqual(state.press(.enter), [], "an empty name is refused")
        guard case .saveAs(let refused)? = state.overlay else { return XCTFail("still open") }
        XCTAssertEqual(refused.error, "Type the file to save to, e.g. bookstore-2.archtui.yaml")
        state.type("quiet u q E W.archtui.yaml")
        XCTAssertEqual(state.press(.enter), [.saveAs(path: "quiet u q E W.archtui.yaml")])
        _ = state.reduce(.saveAsFailed(message: "quiet u q E W.archtui.yaml exists: choose another name"))
        guard case .saveAs(let failed)? = state.overlay else { return XCTFail("still open after a refusal") }
        XCTAssertEqual(failed.error, "quiet u q E W.archtui.yaml exists: choose another name")
        XCTAssertEqual(failed.field.text, "quiet u q E W.archtui.yaml", "what was typed is kept")
        _ = state.reduce(.savedAs(path: "other.archtui.yaml"))
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.filePath, "other.archtui.yaml")
        XCTAssertEqual(state.session.projectName, "Bookstore")
    }

    func testEscapeCancelsSaveAs() {
        var state = Fixtures.state()
        state.press(.character("W"), .escape)
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.filePath, "bookstore.archtui.yaml")
    }

    func testReloadedReplacesTheSessionAsOneUndoableEdit() {
        var state = Fixtures.state()
        state.perform(.setProjectName("Mine"), "rename")
        _ = state.reduce(.reloaded(Session(projectName: "Theirs")))
        XCTAssertEqual(state.session.projectName, "Theirs")
        XCTAssertEqual(state.statusMessage, "Reloaded bookstore.archtui.yaml from disk — u undoes (your version comes back, unsaved)")
        state.press(.character("u"))
        XCTAssertEqual(state.session.projectName, "Mine")
    }

    func testTheChoiceDialogIsDrawnWithItsLettersAndTheStatusLineSaysHow() {
        var state = state(with: recoveryChoice())
        state.size = Size(width: 120, height: 30)
        let screen = AppView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("─ Recover unsaved edits? "), screen)
        XCTAssertTrue(screen.contains("[ R Recover ]  [ D Discard ]  [ O Open read-only ]"), screen)
        XCTAssertTrue(screen.contains("letter option"), screen)
    }
}
