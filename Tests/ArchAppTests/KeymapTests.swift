@testable import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// One keymap per mode: `reduce` acts only on keys the keymap lists (so help, the palette and the README,
/// all made from it, cover every key that works), and the palette reaches every action.
final class KeymapTests: XCTestCase {
    /// What a key can change, compared before and after (the status message is a transient note).
    private struct Observed: Equatable {
        var session: Session, focus: FocusedPane, step: Int, question: Int, editor: AnswerEditor?, form: FormState?
        var overlay: Overlay?, tab: DesignTab, selection: Int, scroll: Int, zoomed: Bool, narrow: Bool, filter: DesignFilter?
        init(_ s: AppState) {
            session = s.session; focus = s.focus; step = s.method.step; question = s.method.question; editor = s.method.editor; form = s.form
            overlay = s.overlay; tab = s.designPane.tab; selection = s.designPane.selection; scroll = s.designPane.scroll; zoomed = s.zoomed
            narrow = s.narrowShowsDesign
            filter = s.designPane.filter
        }
    }

    /// Every printable ASCII character and every special key.
    private static let probes: [Key] = (32...126).map { .character(Character(UnicodeScalar($0)!)) }
        + [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .function(1), .function(5)]
        + "abcdefghijklmnopqrstuvwxyz".map { .ctrl($0) }

    private func bound(_ key: Key, in modes: [KeyMode]) -> Bool { modes.contains { Keymap.action(for: key, in: $0) != nil } }

    /// States in each mode, with the modes whose bindings apply there.
    private func situations() -> [(String, AppState, [KeyMode])] {
        let session = Session(projectName: "Lib", entities: [Entity(name: "Loan", fields: [Field(name: "due", type: .date)])])
        var questions = Fixtures.state(session: session)
        questions.press(.character("j"))
        var steps = questions
        steps.press(.backTab)
        var design = questions
        design.press(.tab)
        design.press(.character("j"))
        var filtered = design
        filtered.press(.character("/"), .character("l"), .character("o"), .enter)
        var list = Fixtures.state(session: session)
        list.press(.character("]"), .character("]"), .enter, .home)
        var form = list
        form.press(.enter, .down, .down, .down)
        var choices = Fixtures.state(session: session)
        choices.press(.character("]"), .enter)
        return [("questions pane", questions, [.global, .questions]), ("method pane", steps, [.global, .steps]),
                ("design pane", design, [.global, .design]), ("design pane with a kept filter", filtered, [.global, .design]),
                ("list editor on an item", list, [.global, .list]),
                ("form on a field row", form, [.global, .form]), ("choices", choices, [.global, .choices])]
    }

    func testKeysThatAreNotInTheKeymapChangeNothing() {
        for (name, start, modes) in situations() {
            for key in Self.probes where !bound(key, in: modes) {
                var state = start
                _ = state.reduce(.key(key))
                XCTAssertEqual(Observed(state), Observed(start), "\(name): \(key) is in no keymap of this mode but changed the state")
            }
        }
    }

    func testThePaletteOffersEveryActionOfTheModeAndRunsIt() throws {
        for mode in KeyMode.allCases {
            let offered = Set(PaletteState(mode: mode).allEntries.map(\.action))
            for binding in Keymap.bindings(mode) + Keymap.bindings(.global) where binding.action != .palette {
                XCTAssertTrue(offered.contains(binding.action), "\(mode): \(binding.action) is not in the palette")
            }
        }
        var state = Fixtures.state()
        state.press(.character(":"))
        guard case .palette? = state.overlay else { return XCTFail(": opens the palette") }
        state.type("zoom")
        XCTAssertTrue(state.screenText.contains("zoom the focused pane"), state.screenText)
        state.press(.enter)
        XCTAssertNil(state.overlay)
        XCTAssertTrue(state.zoomed, "Enter ran the action")
        state.press(.ctrl("p"))
        state.type("quit")
        XCTAssertEqual(state.press(.enter), [.quit], "an action's effects come back from the palette")
    }

    func testHelpIsMadeFromTheKeymaps() {
        let rows = KeyHelp.sections.flatMap(\.rows).map(\.description)
        for mode in KeyMode.allCases {
            for binding in Keymap.bindings(mode) where !binding.label.isEmpty {
                XCTAssertTrue(rows.contains(KeyHint(binding.label, binding.help).description), "\(mode): \(binding.label) not in help")
            }
        }
    }
}
