@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import TestSupport
import XCTest

/// How the method screen shares the terminal: zoom, the pane that has the keys, readable prompts.
final class MethodLayoutTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    private static func shipped(width: Int, height: Int = 40, session: Session = Session(projectName: "Shop")) -> AppState {
        AppState(catalogue: builder.catalogue, session: session, filePath: "shop.archtui.yaml",
                 size: Size(width: width, height: height), deriveDesign: DesignDeriver { builder.build($0) })
    }

    /// The pane the focus is on, as laid out now; nil when it is not on screen.
    private static func focusedRect(_ state: AppState) -> Rect? {
        let layout = state.methodLayout
        switch state.focus {
        case .steps: return layout.steps
        case .questions: return layout.questions
        case .design: return layout.design
        }
    }

    // MARK: Zoom

    func testZoomFillsTheScreenWithTheFocusedPaneAndTabMovesTheZoom() {
        var state = Fixtures.state()
        state.press(.character("z"))
        XCTAssertTrue(state.zoomed)
        var lines = state.screenLines
        XCTAssertTrue(lines[0].hasPrefix("┌─ 1/3 Understand requirements"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("┐") && DisplayWidth.of(lines[0]) == 120, "the whole width: \(lines[0])")
        XCTAssertTrue(lines[38].hasPrefix("└") && lines[38].hasSuffix("┘"), "the whole height above the status line: \(lines[38])")
        XCTAssertFalse(lines[0].contains("Method") || lines[0].contains("Design"), lines[0])
        XCTAssertTrue(lines[39].contains("z unzoom"), lines[39])

        state.press(.tab)
        XCTAssertEqual(state.focus, .design)
        XCTAssertTrue(state.zoomed, "Tab keeps the zoom and moves it with the focus")
        lines = state.screenLines
        XCTAssertTrue(lines[0].hasPrefix("┌─ Design"), lines[0])
        XCTAssertEqual(DisplayWidth.of(lines[0]), 120)
        XCTAssertTrue(lines[1].contains("Overview │ Decisions │ Components │ API │ Schema │ Sequences │ Deployment"), "every tab fits: \(lines[1])")

        state.press(.tab)
        XCTAssertEqual(state.focus, .steps)
        XCTAssertTrue(state.screenLines[0].hasPrefix("┌─ Method"), state.screenLines[0])
        XCTAssertTrue(state.screenText.contains("○ 1 Understand requirements"), "the whole title fits zoomed")

        state.press(.character("z"))
        XCTAssertFalse(state.zoomed)
        lines = state.screenLines
        XCTAssertTrue(lines[0].contains("Method") && lines[0].contains("1/3 Understand") && lines[0].contains("Design"), lines[0])
        XCTAssertTrue(lines[39].contains("z zoom"), lines[39])
    }

    func testZIsTextWhileEditing() {
        var state = Fixtures.state()
        state.press(.down, .down, .down, .enter, .ctrl("u"))
        state.type("zz")
        XCTAssertFalse(state.zoomed)
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.summary"], .text("zz"))
    }

    func testTheZoomedDesignPaneLaysItsTabOutForTheWholeWidth() throws {
        var state = Fixtures.state()
        state.press(.tab)
        let narrow = try XCTUnwrap(state.methodLayout.design).width
        state.press(.character("z"))
        let zoomed = try XCTUnwrap(state.methodLayout.design)
        XCTAssertEqual(zoomed, Rect(x: 0, y: 0, width: 120, height: 39))
        XCTAssertGreaterThan(zoomed.width, narrow)
        _ = AppView.render(state)
        XCTAssertEqual(state.layouts.kept(state.designPane.tab)?.key.width, DesignPaneContent.area(in: zoomed).width)
    }

    func testZoomWorksInTheNarrowLayoutsToo() {
        var state = Fixtures.state(width: 80, height: 24)
        state.press(.character("z"))
        XCTAssertTrue(state.screenLines[0].hasPrefix("┌─ 1/3 Understand requirements"), "no step bar: \(state.screenLines[0])")
        state.press(.tab)
        XCTAssertEqual(state.focus, .design)
        XCTAssertTrue(state.screenLines[0].hasPrefix("┌─ Design"), state.screenLines[0])
    }

    // MARK: The pane on screen has the keys

    func testResizingFromWideToSinglePutsTheFocusOnTheVisiblePane() {
        var state = Fixtures.state()
        state.press(.backTab) // the method pane
        XCTAssertEqual(state.focus, .steps)
        _ = state.reduce(.resize(Size(width: 80, height: 24)))
        XCTAssertEqual(LayoutMode(size: state.size), .single)
        XCTAssertEqual(state.focus, .questions)
        XCTAssertFalse(state.narrowShowsDesign)
        XCTAssertNotNil(Self.focusedRect(state))

        var design = Fixtures.state()
        design.press(.tab)
        _ = design.reduce(.resize(Size(width: 80, height: 24)))
        XCTAssertEqual(design.focus, .design, "the pane being read stays")
        XCTAssertTrue(design.narrowShowsDesign)
        XCTAssertTrue(design.screenLines[1].contains("Design"), design.screenLines[1])
        design.press(.character("j")) // goes to the design pane, which is on screen
        XCTAssertNotNil(Self.focusedRect(design))
    }

    func testResizingFromWideToStackedLeavesTheMethodPane() {
        var state = Fixtures.state()
        state.press(.backTab)
        _ = state.reduce(.resize(Size(width: 90, height: 40)))
        XCTAssertEqual(LayoutMode(size: state.size), .stacked)
        XCTAssertEqual(state.focus, .questions)
    }

    func testVMovesTheFocusWithThePaneItShows() {
        var single = Fixtures.state(width: 80, height: 24)
        single.press(.character("v"))
        XCTAssertEqual(single.focus, .design)
        XCTAssertTrue(single.narrowShowsDesign)
        single.press(.character("v"))
        XCTAssertEqual(single.focus, .questions)
        XCTAssertFalse(single.narrowShowsDesign)

        var stacked = Fixtures.state(width: 90, height: 40)
        stacked.press(.character("v"))
        XCTAssertEqual(stacked.focus, .design)
        var wide = Fixtures.state()
        wide.press(.character("v"))
        XCTAssertEqual(wide.focus, .questions, "v does nothing where every pane shows")
    }

    /// Whatever the keys and sizes, the focused pane is on screen.
    func testTheFocusedPaneIsAlwaysOnScreen() {
        let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 90, height: 40), Size(width: 160, height: 50)]
        let keys: [Key] = [.tab, .backTab, .character("v"), .character("z"), .left, .enter, .escape]
        var state = Fixtures.state()
        var history: [String] = []
        for step in 0..<400 {
            // A fixed walk through every pair of key and size.
            let event: Event = step % 5 == 4 ? .resize(sizes[(step / 5) % sizes.count]) : .key(keys[(step * 3 + step / 7) % keys.count])
            history.append("\(event)")
            _ = state.reduce(event)
            if state.method.editor != nil { state.press(.escape) }
            XCTAssertNotNil(Self.focusedRect(state), "focus \(state.focus) off screen after \(history.suffix(6))")
            if Self.focusedRect(state) == nil { return }
        }
    }

    // MARK: Readable prompts

    /// The prompt column of the questions list, row by row, for the selected question's rows.
    private static func selectedPrompt(_ state: AppState) throws -> String {
        let pane = try XCTUnwrap(state.methodLayout.questions)
        let inner = Pane.inner(pane)
        let columns = QuestionColumns(width: inner.width)
        let buffer = AppView.render(state)
        var rows: [String] = []
        for y in inner.y..<inner.maxY {
            let first = buffer[inner.x + 1, y].grapheme
            if first == "─" { break } // the separator above the detail area
            let selected = buffer[inner.x + 3, y].style.reverse
            guard selected else { continue }
            rows.append((inner.x + 3..<inner.x + 3 + columns.prompt).map { buffer[$0, y].grapheme }.joined())
        }
        return rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func testEveryPromptIsReadableAt100To160Columns() throws {
        for width in [100, 120, 160] {
            for session in [Session(projectName: "Shop"), try Demo.session()] {
                var state = Self.shipped(width: width, session: session)
                for step in state.catalogue.steps.indices {
                    state.method.step = step
                    for index in state.visibleQuestions.indices {
                        state.method.question = index
                        let prompt = state.visibleQuestions[index].prompt
                        let shown = try Self.selectedPrompt(state)
                        XCTAssertEqual(shown, prompt, "at \(width) columns (\(session.projectName))")
                    }
                }
            }
        }
    }

    func testStepTitlesAreWholeInTheNarrowMethodPane() throws {
        for width in [100, 120, 160] {
            let state = Self.shipped(width: width)
            let inner = Pane.inner(try XCTUnwrap(state.methodLayout.steps))
            let buffer = AppView.render(state)
            let text = (inner.y..<inner.maxY).map { y in
                (inner.x..<inner.maxX).map { buffer[$0, y].grapheme }.joined().trimmingCharacters(in: .whitespaces)
            }.joined(separator: " ")
            for (index, step) in state.catalogue.steps.enumerated() {
                XCTAssertTrue(text.contains("\(index + 1) " + step.title.split(separator: " ").joined(separator: " ")), "at \(width): \(text)")
            }
        }
    }

    func testTheWideLayoutGivesTheQuestionsMoreThanTheMethodPane() throws {
        for width in [100, 120, 140, 160] {
            let layout = Self.shipped(width: width).methodLayout
            let steps = try XCTUnwrap(layout.steps), questions = try XCTUnwrap(layout.questions), design = try XCTUnwrap(layout.design)
            XCTAssertEqual(steps.width + questions.width + design.width, width)
            XCTAssertLessThanOrEqual(steps.width, max(21, width / 5), "at \(width)")
            XCTAssertGreaterThanOrEqual(QuestionColumns(width: Pane.inner(questions).width).prompt, 26, "at \(width)")
            XCTAssertGreaterThanOrEqual(design.width, 36, "at \(width)")
        }
    }
}
