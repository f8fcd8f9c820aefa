@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import XCTest

/// Endpoints and flows edited from the design pane, with the real derivation.
final class ReduceDesignFormTests: XCTestCase {
    private static let builder = try? DesignBuilder.standard()

    private func state() throws -> AppState {
        let builder = try XCTUnwrap(Self.builder)
        let session = Session(projectName: "Library", answers: [
            "api.style": .choice("rest"), "services.bounded_contexts": .list(["Lending", "Catalogue"]),
        ], entities: [
            Entity(name: "Member", fields: [Field(name: "email", type: .email, pii: true)]),
            Entity(name: "Loan", fields: [Field(name: "due", type: .date)], relations: [Relation(kind: .belongsTo, target: "Member")]),
        ])
        var state = AppState(catalogue: Fixtures.catalogue, session: session, filePath: "library.archtui.yaml",
                             size: Size(width: 160, height: 50), deriveDesign: DesignDeriver { builder.build($0) })
        state.press(.tab) // design pane
        return state
    }

    func testACustomEndpointIsAddedAndEditedFromTheAPITab() throws {
        var state = try state()
        state.press(.character("4"), .character("a"))
        guard case .customEndpoint(let id)? = state.form?.top.target else { return XCTFail("a opens a new custom endpoint") }
        state.press(.enter, .ctrl("u"))
        state.type("/v1/loans/{loanId}/renew")
        state.press(.enter, .down, .enter)
        state.type("Renew a loan")
        state.press(.enter, .escape)
        XCTAssertNil(state.form)
        XCTAssertEqual(state.focus, .design, "back where the form was opened")
        let custom = try XCTUnwrap(state.design.endpoints.first { $0.id == .custom(id) })
        XCTAssertEqual(custom.path, "/v1/loans/{loanId}/renew")
        XCTAssertEqual(custom.summary, "Renew a loan")
        XCTAssertEqual(custom.origin, .custom(id))
        XCTAssertTrue(SessionFile.encode(state.session).contains("path: '/v1/loans/{loanId}/renew'")
                      || SessionFile.encode(state.session).contains("path: /v1/loans/{loanId}/renew"), SessionFile.encode(state.session))
        state.press(.character("u"))
        XCTAssertEqual(state.design.endpoints.first { $0.id == .custom(id) }?.summary, "", "undo takes back the summary only")
    }

    func testAnInvalidPathIsRefused() throws {
        var state = try state()
        state.press(.character("4"), .character("a"), .enter, .ctrl("u"))
        state.type("loans renew")
        state.press(.enter)
        XCTAssertEqual(state.inlineError, "A path starts with /, e.g. /v1/loans/{loanId}/renew")
    }

    func testAGeneratedEndpointIsHiddenChangedAndShownAgain() throws {
        var state = try state()
        state.press(.character("4"), .character("j"))
        let content = DesignPaneContent(state: state, paneRect: try XCTUnwrap(state.methodLayout.design))
        guard case .endpoint(.generated(let key))? = content.selectedItem.map(content.text.items.item)?.subject else {
            return XCTFail("an endpoint is selected")
        }
        let count = state.design.endpoints.count
        state.press(.character("d"))
        XCTAssertEqual(state.design.endpoints.count, count - 1, "hidden: gone from the API")
        XCTAssertFalse(state.design.endpoints.contains { $0.id == .generated(key) })
        state.press(.character("u"))
        XCTAssertEqual(state.design.endpoints.count, count)
        // The selection moved to a neighbour while the endpoint was hidden: select it again.
        state.selectDesignItem(.endpoint(.generated(key)), in: .api)

        state.press(.enter)
        XCTAssertEqual(state.form?.top.target, .endpoint(key))
        let summaryRow = try XCTUnwrap(FormRows(session: state.session, design: state.design).rows(for: .endpoint(key))?.firstIndex { $0.key == .summary })
        state.form?.top.cursor = summaryRow
        state.press(.enter)
        state.type("Members borrowing now")
        state.press(.enter)
        let changed = try XCTUnwrap(state.design.endpoints.first { $0.id == .generated(key) })
        XCTAssertEqual(changed.summary, "Members borrowing now")
        guard case .overridden = changed.origin else { return XCTFail("marked overridden: \(changed.origin)") }
        // Clearing the only change removes the override: the endpoint is as generated again.
        state.press(.character("d"))
        XCTAssertEqual(state.session.endpointOverrides, [])
        XCTAssertEqual(state.design.endpoints.first { $0.id == .generated(key) }?.origin, .generated)
    }

    func testAHiddenEndpointIsListedAndShownAgainFromItsForm() throws {
        var state = try state()
        state.press(.character("4"), .character("j"))
        let content = DesignPaneContent(state: state, paneRect: try XCTUnwrap(state.methodLayout.design))
        guard case .endpoint(.generated(let key))? = content.selectedItem.map(content.text.items.item)?.subject else {
            return XCTFail("an endpoint is selected")
        }
        state.press(.character("d"))
        XCTAssertEqual(state.design.hiddenEndpoints.map(\.id), [.generated(key)])
        let content2 = DesignPaneContent(state: state, paneRect: try XCTUnwrap(state.methodLayout.design))
        guard case .endpoint? = content2.selectedItem.map(content2.text.items.item)?.subject,
              content2.selectedItem.flatMap(content2.text.items.id) != .hiddenEndpoint(.generated(key)) else {
            return XCTFail("after hiding, the selection stays among the endpoints, not on the hidden list")
        }
        state.selectDesignItem(.hiddenEndpoint(.generated(key)), in: .api)
        XCTAssertTrue(state.screenText.contains("Hidden by you"), state.screenText)
        state.press(.enter)
        XCTAssertEqual(state.form?.top.target, .endpoint(key))
        XCTAssertNotNil(state.screenText.range(of: #"Hidden +\[x\]"#, options: .regularExpression), state.screenText)
        XCTAssertTrue(state.screenText.contains("as generated: /v1/"), "the generated path shows where none is set\n\(state.screenText)")
        state.press(.character(" ")) // the first row: Hidden
        XCTAssertEqual(state.design.hiddenEndpoints, [])
        XCTAssertTrue(state.design.endpoints.contains { $0.id == .generated(key) })
        XCTAssertEqual(state.session.endpointOverrides, [], "nothing left to override: the override is gone")
    }

    func testAFlowIsAddedWithStepsAndShownInTheSequencesTab() throws {
        var state = try state()
        state.press(.character("6"), .character("a"))
        guard case .flow(let id)? = state.form?.top.target else { return XCTFail("a opens a new flow") }
        state.press(.enter, .ctrl("u"))
        state.type("Member borrows a book")
        state.press(.enter, .character("a"))
        state.type("actor Member -> Lending: borrow a copy")
        state.press(.enter)
        state.type("Lending -> Catalogue: reserve the copy async")
        state.press(.enter)
        state.type("Lending -> Nowhere: oops")
        state.press(.enter)
        XCTAssertEqual(state.inlineError, "No service or bounded context “Nowhere”; write actor Nowhere or external Nowhere")
        state.press(.escape, .escape)
        let flow = try XCTUnwrap(state.session.flow(id))
        XCTAssertEqual(flow.name, "Member borrows a book")
        XCTAssertEqual(flow.steps.map(\.action), ["borrow a copy", "reserve the copy"])
        XCTAssertEqual(flow.steps.map(\.style), [.sync, .async])
        XCTAssertEqual(flow.steps[0].from, .actor("Member"))
        let diagram = try XCTUnwrap(state.design.sequences.first)
        XCTAssertEqual(diagram.id, .flow(id))
        XCTAssertEqual(diagram.title, "Member borrows a book")
        XCTAssertTrue(state.screenText.contains("Member borrows a book"), state.screenText)

        // Reorder: the second step first (J/K in the flow's form), and back by undo.
        state.press(.enter)
        XCTAssertEqual(state.form?.top.target, .flow(id), "Enter on the flow in the Sequences tab opens it")
        let second = try XCTUnwrap(FormRows(session: state.session).rows(for: .flow(id))?.firstIndex { $0.key == .item(.step(flow.steps[1].id)) })
        state.form?.top.cursor = second
        state.press(.character("K"))
        XCTAssertEqual(state.session.flow(id)?.steps.map(\.action), ["reserve the copy", "borrow a copy"])
        state.press(.character("u"))
        XCTAssertEqual(state.session.flow(id)?.steps.map(\.action), ["borrow a copy", "reserve the copy"])
    }
}
