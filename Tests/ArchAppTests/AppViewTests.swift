import ArchApp
import ArchModel
import TerminalUI
import XCTest

final class AppViewTests: XCTestCase {
    func testWideLayoutShowsMethodQuestionsAndDesignSideBySide() {
        let lines = Fixtures.state().screenLines
        XCTAssertEqual(lines.count, 40)
        let top = lines[0]
        let method = try? XCTUnwrap(top.range(of: "Method"))
        let questions = try? XCTUnwrap(top.range(of: "1/3 Understand requirements"))
        let design = try? XCTUnwrap(top.range(of: "Design"))
        XCTAssertNotNil(method)
        XCTAssertNotNil(questions)
        XCTAssertNotNil(design)
        if let method, let questions, let design {
            XCTAssertLessThan(method.lowerBound, questions.lowerBound)
            XCTAssertLessThan(questions.lowerBound, design.lowerBound)
        }
        // At 120 columns the method pane is narrow: a long step title continues on the next row.
        let title = lines.firstIndex { $0.contains("○ 1 Understand") }
        XCTAssertNotNil(title, lines.joined(separator: "\n"))
        if let title { XCTAssertTrue(lines[title + 1].hasPrefix("│     requirements"), lines[title + 1]) }
        XCTAssertTrue(Fixtures.state(width: 160).screenText.contains("○ 1 Understand requirements"), "whole at 160 columns")
    }

    func testQuestionRowsShowAnswersWithUnits() {
        var state = Fixtures.state()
        state.perform(.setAnswer(question: "requirements.peak_rps", .number(25_000)), "test")
        let text = state.screenText
        XCTAssertTrue(text.contains("✓ Peak requests"), text)
        XCTAssertTrue(text.contains("25k req/s"), text)
    }

    func testStepProgressMarksFollowAnswers() {
        var state = Fixtures.state()
        state.perform(.setAnswer(question: "api.style", .choice("grpc")), "test")
        XCTAssertTrue(state.screenText.contains("◐ 2 Design APIs"), state.screenText)
        state.perform(.setAnswer(question: "api.auth", .choices(["mtls"])), "test")
        XCTAssertTrue(state.screenText.contains("✓ 2 Design APIs"), state.screenText)
    }

    func testDesignPaneShowsCapacityFromTheAnswers() {
        var state = Fixtures.state()
        XCTAssertTrue(state.screenText.contains("Answer the traffic and volume"))
        state.perform(.setAnswer(question: "requirements.daily_active_users", .number(864_000)), "test")
        state.perform(.setAnswer(question: "requirements.requests_per_user", .number(10)), "test")
        let text = state.screenText
        XCTAssertTrue(text.contains("Average load"), text)
        XCTAssertTrue(text.contains("100 req/s"), text) // 864k × 10 ÷ 86,400
        XCTAssertTrue(text.contains("Peak load"), text)
        XCTAssertTrue(text.contains("300 req/s"), text) // assumed 3× peak
    }

    func testDesignPaneListsEntities() {
        var state = Fixtures.state()
        state.perform(.batch([.insertEntity(Entity(name: "Order"), at: 0), .insertEntity(Entity(name: "注文"), at: 1)]), "test")
        let text = state.screenText
        XCTAssertTrue(text.contains("Entities (2)"), text)
        XCTAssertTrue(text.contains("• 注文"), text)
    }

    func testInlineErrorIsShownUnderTheField() {
        var state = Fixtures.state()
        state.press(.enter, .ctrl("u"))
        state.type("abc")
        state.press(.enter)
        let errorLine = state.screenLines.firstIndex { $0.contains("✗") }
        XCTAssertNotNil(errorLine)
        // The message may wrap onto the next row; every word of it is on screen.
        let shown = state.screenLines[(errorLine ?? 0)...].prefix(3).joined(separator: " ")
        for word in (state.inlineError ?? "?").split(separator: " ") {
            XCTAssertTrue(shown.contains(word), "missing \(word) in\n\(shown)")
        }
    }

    func testTooSmallTerminalSaysWhatItNeeds() {
        let state = Fixtures.state(width: 20, height: 6)
        let text = state.screenText
        XCTAssertTrue(text.contains("Terminal too small"), text)
        XCTAssertTrue(text.contains("need 60×16"), text)
        XCTAssertTrue(text.contains("have 20×6"), text)
    }

    func testTinyTerminalsDoNotCrash() {
        for width in 0...22 {
            for height in 0...8 {
                var state = Fixtures.state(width: width, height: height)
                state.press(.enter, .character("?"))
                XCTAssertEqual(AppView.render(state).size, Size(width: width, height: height))
            }
        }
    }

    func testNarrowTerminalShowsStepTabsAndOnePane() {
        var state = Fixtures.state(width: 80, height: 24)
        var text = state.screenText
        XCTAssertTrue(text.contains("1 Understand requirements"), text)
        XCTAssertTrue(text.contains("Daily active users"), text)
        XCTAssertFalse(text.contains("Capacity"), text)
        state.press(.character("v"))
        text = state.screenText
        XCTAssertTrue(text.contains("Capacity"), text)
        XCTAssertFalse(text.contains("Daily active users"), text)
    }

    func testStackedLayoutShowsQuestionsAboveDesign() {
        let lines = Fixtures.state(width: 90, height: 40).screenLines
        let question = lines.firstIndex { $0.contains("Daily active users") }
        let design = lines.firstIndex { $0.contains("Capacity") }
        XCTAssertNotNil(question)
        XCTAssertNotNil(design)
        XCTAssertLessThan(question ?? 99, design ?? 0)
    }

    func testStatusBarShowsTheKeysOfTheFocusedPane() {
        var state = Fixtures.state()
        XCTAssertTrue(state.screenLines[39].contains("Enter answer"), state.screenLines[39])
        state.press(.tab)
        XCTAssertTrue(state.screenLines[39].contains("t why"), state.screenLines[39])
        state.press(.backTab, .enter)
        XCTAssertTrue(state.screenLines[39].contains("Esc cancel"), state.screenLines[39])
    }

    func testHelpOverlayListsEveryBinding() {
        var state = Fixtures.state(width: 120, height: 60)
        state.press(.character("?"))
        let text = state.screenText
        for hint in KeyHelp.sections.prefix(2).flatMap(\.rows) {
            XCTAssertTrue(text.contains(hint.description), "help misses \(hint.description)\n\(text)")
        }
    }

    func testFocusedPaneBorderIsHighlighted() {
        let buffer = AppView.render(Fixtures.state())
        let questionsCorner = buffer.lines[0].distance(of: "┌", occurrence: 2)
        XCTAssertNotNil(questionsCorner)
        if let x = questionsCorner {
            XCTAssertTrue(buffer[x, 0].style.bold, "the focused questions pane has a bold border")
            XCTAssertFalse(buffer[0, 0].style.bold, "the method pane is not focused")
        }
    }
}

private extension String {
    /// Cell column of the n-th occurrence of `needle` (single-width text before it).
    func distance(of needle: Character, occurrence: Int) -> Int? {
        var seen = 0
        for (index, character) in enumerated() where character == needle {
            seen += 1
            if seen == occurrence { return index }
        }
        return nil
    }
}
