import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// The design pane with a small derivation: one decision from an answer, one endpoint per entity.
final class DesignPaneTests: XCTestCase {
    private static let deriver = DesignDeriver { session in
        let style = session["api.style"]?.values.first ?? "rest"
        return Design(
            projectName: session.projectName,
            decisions: [Decision(topic: "api.style", choice: style, title: "API style: \(style)", category: .api,
                                 rationale: "Because the answer says \(style).",
                                 trace: Trace(rules: ["api.style-from-answer"], answers: ["api.style"]))],
            endpoints: session.entities.map { entity in
                Endpoint(method: "GET", path: "/v1/\(entity.name.lowercased())", operationId: "list\(entity.name)",
                         summary: "List \(entity.name)", resource: entity.name, trace: Trace(sources: ["entity \(entity.name)"]))
            },
            findings: [Finding(id: "x.sample", severity: .warning, title: "A sample warning")]
        )
    }

    private func state() -> AppState {
        var session = Session(projectName: "Shop")
        session.entities = [Entity(name: "Order")]
        var state = AppState(catalogue: Fixtures.catalogue, session: session, filePath: "shop.archtui.yaml",
                             size: Size(width: 140, height: 40), deriveDesign: Self.deriver)
        state.press(.tab) // design pane
        return state
    }

    func testTabsSwitchWithArrowsAndDigits() {
        var state = state()
        XCTAssertEqual(state.designPane.tab, .overview)
        state.press(.right)
        XCTAssertEqual(state.designPane.tab, .decisions)
        state.press(.character("4"))
        XCTAssertEqual(state.designPane.tab, .api)
        state.press(.character("0"))
        XCTAssertEqual(state.designPane.tab, .findings)
        state.press(.right)
        XCTAssertEqual(state.designPane.tab, .overview, "wraps around")
    }

    func testDecisionChangesWhenTheAnswerChanges() {
        var state = state()
        state.press(.character("2"))
        XCTAssertTrue(state.screenText.contains("API style: rest"), state.screenText)
        state.perform(.setAnswer(question: "api.style", .choice("grpc")), "test")
        XCTAssertTrue(state.screenText.contains("API style: grpc"), state.screenText)
        XCTAssertFalse(state.screenText.contains("API style: rest"))
    }

    func testAPITabFollowsEntitiesEvenWithTheCacheWarm() {
        var state = state()
        state.press(.character("4"))
        XCTAssertTrue(state.screenText.contains("/v1/order"), state.screenText)
        XCTAssertFalse(state.screenText.contains("/v1/shelf"))
        state.perform(.insertEntity(Entity(name: "Shelf"), at: state.session.entities.count), "test")
        XCTAssertTrue(state.screenText.contains("/v1/shelf"), "the view must not show a stale cached tab\n\(state.screenText)")
        state.press(.down) // any key refreshes the cache too
        XCTAssertTrue(state.screenText.contains("/v1/shelf"), state.screenText)
    }

    func testTraceOverlayExplainsTheSelectedItem() {
        var state = state()
        state.press(.character("2"), .character("t"))
        guard case .trace(let title, let lines)? = state.overlay else { return XCTFail("no trace overlay") }
        XCTAssertEqual(title, "Why: API style: rest")
        XCTAssertTrue(lines.contains { $0.contains("api.style-from-answer") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("API style: not answered") || $0.contains("[api.style]") }, "\(lines)")
        XCTAssertTrue(state.screenText.contains("Why: API style: rest"), state.screenText)
        state.press(.escape)
        XCTAssertNil(state.overlay)
    }

    func testSelectionMovesBetweenItemsAndMarksTheSelectedOne() {
        var session = Session(projectName: "Shop")
        session.entities = (1...30).map { Entity(name: "E\($0)") }
        var state = AppState(catalogue: Fixtures.catalogue, session: session, filePath: "x", size: Size(width: 140, height: 20),
                             deriveDesign: Self.deriver)
        state.press(.tab, .character("4"))
        state.press(.end)
        XCTAssertEqual(state.designPane.selection, 29)
        let lines = state.screenLines
        let marked = lines.filter { $0.contains("▌") }
        XCTAssertTrue(marked.contains { $0.contains("/v1/e30") }, marked.joined(separator: "\n"))
        state.press(.home, .down)
        XCTAssertEqual(state.designPane.selection, 1)
        XCTAssertTrue(state.screenLines.contains { $0.contains("▌") && $0.contains("/v1/e2") })
    }

    func testStatusBarShowsTabAndFindingsCount() {
        var state = state()
        state.press(.character("4"))
        let status = state.screenLines[39]
        XCTAssertTrue(status.contains("API · 1 finding"), status)
    }
}
