@testable import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// Enter on a finding goes to what it is about; the API tab marks what the user changed and added; endpoint
/// and flow items name their subject (their forms are not here yet: Enter explains them).
final class FindingJumpTests: XCTestCase {
    private static let flow = FlowID(42)
    private static let custom = OverrideID(8)

    /// A small design with one element of each kind, and one finding about each.
    private static let deriver = DesignDeriver { session in
        let loan = session.entity(named: "Loan")!, member = session.entity(named: "Member")!
        let why = Trace(sources: ["test"])
        return Design(
            projectName: session.projectName,
            components: [Component(name: "Lending", kind: .service, trace: why), Component(name: "Catalogue", kind: .service, trace: why),
                         Component(name: "PostgreSQL", kind: .database, trace: why)],
            endpoints: [
                Endpoint(method: "GET", path: "/v1/members", operationId: "listMembers", summary: "List members", resource: "Member", trace: why),
                Endpoint(method: "GET", path: "/v1/loans", operationId: "listLoans", summary: "List loans", resource: "Loan", trace: why,
                         origin: .overridden(OverrideID(7))),
                Endpoint(method: "POST", path: "/v1/loans/{loanId}/renew", operationId: "renewLoan", summary: "Renew a loan", resource: "Loan",
                         trace: why, id: .custom(custom), origin: .custom(custom)),
            ],
            tables: [Table(name: "members", entity: "Member", trace: why, id: .entity(member.id)),
                     Table(name: "loans", entity: "Loan", trace: why, id: .entity(loan.id))],
            sequences: [SequenceDiagram(title: "Create Loan", participants: ["Client", "Lending"], trace: why, id: .create(loan.id)),
                        SequenceDiagram(title: "Borrow a book", participants: ["Member", "Lending"], trace: why, id: .flow(flow))],
            findings: [
                Finding(id: "t.entity", severity: .warning, title: "Loan has no owner", subject: "entity Loan", about: .entity(loan.id), trace: why),
                Finding(id: "t.field", severity: .info, title: "Declared id type is not used", about: .field(loan.id, loan.fields[0].id), trace: why),
                Finding(id: "t.endpoint", severity: .warning, title: "Renewal has no limit", about: .endpoint(.custom(custom)), trace: why),
                Finding(id: "t.table", severity: .warning, title: "loans has no index", about: .table(.entity(loan.id)), trace: why),
                Finding(id: "t.defined", severity: .warning, title: "Lending is slow", about: .service("Lending"), trace: why),
                Finding(id: "t.derived", severity: .warning, title: "Catalogue is slow", about: .service("Catalogue"), trace: why),
                Finding(id: "t.component", severity: .warning, title: "Shared database", about: .component("PostgreSQL"), trace: why),
                Finding(id: "t.flow", severity: .info, title: "Flow has a gap", about: .flow(flow), trace: why),
                Finding(id: "t.question", severity: .warning, title: "No authentication chosen", about: .question("api.auth"), trace: why),
                Finding(id: "t.none", severity: .info, title: "About the whole design", trace: Trace(rules: ["some.rule"])),
            ])
    }

    private func state() -> AppState {
        let session = Session(projectName: "Library", entities: [
            Entity(name: "Member", fields: [Field(name: "name")]),
            Entity(name: "Loan", fields: [Field(name: "id", type: .integer), Field(name: "due", type: .date)]),
        ], services: [Service(name: "Lending")])
        var state = AppState(catalogue: Fixtures.catalogue, session: session, filePath: "library.archtui.yaml",
                             size: Size(width: 140, height: 40), deriveDesign: Self.deriver)
        state.press(.tab) // the design pane
        return state
    }

    /// Enter on the finding with check id `id` in the Findings tab.
    private func enter(onFinding id: String, from start: AppState? = nil) throws -> AppState {
        var state = start ?? self.state()
        state.press(.character("0"))
        func isTheFinding(_ item: DesignItemID?) -> Bool {
            if case .finding(let key)? = item { return key.hasPrefix(id + " ") }
            return false
        }
        let position = try XCTUnwrap(selectable(state).firstIndex(where: isTheFinding), "finding \(id) is shown")
        for _ in 0..<position { state.press(.character("j")) }
        XCTAssertTrue(isTheFinding(selectedID(state)))
        state.press(.enter)
        return state
    }

    private func content(_ state: AppState) -> DesignPaneContent {
        DesignPaneContent(state: state, paneRect: state.methodLayout.design!)
    }

    private func selectable(_ state: AppState) -> [DesignItemID?] {
        let text = content(state).text
        return text.selectable.map(text.items.id)
    }

    private func selectedID(_ state: AppState) -> DesignItemID? {
        let content = content(state)
        return content.selectedItem.flatMap(content.text.items.id)
    }

    private func loan(_ state: AppState) -> Entity { state.session.entity(named: "Loan")! }

    func testAFindingAboutAnEntityOpensItsForm() throws {
        let state = try enter(onFinding: "t.entity")
        XCTAssertEqual(state.form?.top.target, .entity(loan(state).id))
        XCTAssertEqual(state.form?.origin, .design, "Esc goes back to the design pane")
        XCTAssertEqual(state.form?.top.cursor, 0, "an entity with fields opens on its name")
    }

    func testAFindingAboutAnEntityWithoutFieldsOpensItsFormOnAddField() throws {
        var start = state()
        let member = start.session.entity(named: "Member")!
        start.perform(.removeField(member.fields[0].id, entity: member.id), "remove name")
        _ = start.reduce(.designDerived(Design(projectName: "Library", findings: [
            Finding(id: "t.empty", severity: .info, title: "Entity has no fields", about: .entity(member.id), trace: Trace(sources: ["test"])),
        ]), revision: start.designRevision))
        let state = try enter(onFinding: "t.empty", from: start)
        let form = try XCTUnwrap(state.form)
        XCTAssertEqual(form.top.target, .entity(member.id))
        let rows = try XCTUnwrap(FormRows(session: state.session).rows(for: form.top.target))
        XCTAssertEqual(rows[form.top.cursor].key, .add(.fields), "typing starts the first field")
    }

    func testAFindingAboutAFieldOpensTheEntitysFormOnTheField() throws {
        let state = try enter(onFinding: "t.field")
        let form = try XCTUnwrap(state.form)
        XCTAssertEqual(form.top.target, .entity(loan(state).id))
        let rows = try XCTUnwrap(FormRows(session: state.session).rows(for: form.top.target))
        XCTAssertEqual(rows[form.top.cursor].key, .item(.field(loan(state).fields[0].id)))
    }

    func testAFindingAboutAnEndpointSelectsItInTheAPITab() throws {
        let state = try enter(onFinding: "t.endpoint")
        XCTAssertNil(state.form)
        XCTAssertEqual(state.designPane.tab, .api)
        XCTAssertEqual(selectedID(state), .endpoint(.custom(Self.custom)))
        XCTAssertEqual(state.focus, .design)
        XCTAssertTrue(state.screenText.contains("▌POST   /v1/loans/{loanId}/renew"), state.screenText)
    }

    func testAFindingAboutATableSelectsItInTheSchemaTab() throws {
        let state = try enter(onFinding: "t.table")
        XCTAssertEqual(state.designPane.tab, .schema)
        XCTAssertEqual(selectedID(state), .table(.entity(loan(state).id)))
    }

    func testAFindingAboutAServiceOpensItsFormWhenDefinedElseTheComponent() throws {
        let defined = try enter(onFinding: "t.defined")
        XCTAssertEqual(defined.form?.top.target, .service(defined.session.services[0].id))
        let derived = try enter(onFinding: "t.derived")
        XCTAssertNil(derived.form)
        XCTAssertEqual(derived.designPane.tab, .components)
        XCTAssertEqual(selectedID(derived), .component("Catalogue"))
        let database = try enter(onFinding: "t.component")
        XCTAssertEqual(database.designPane.tab, .components)
        XCTAssertEqual(selectedID(database), .component("PostgreSQL"))
    }

    func testAFindingAboutAFlowSelectsItsDiagram() throws {
        let state = try enter(onFinding: "t.flow")
        XCTAssertEqual(state.designPane.tab, .sequences)
        XCTAssertEqual(selectedID(state), .sequence(.flow(Self.flow)))
    }

    func testAFindingAboutAnAnswerGoesToTheQuestion() throws {
        let state = try enter(onFinding: "t.question")
        XCTAssertEqual(state.method.step, 1, "the step of api.auth")
        XCTAssertEqual(state.selectedQuestion?.id, "api.auth")
        XCTAssertEqual(state.focus, .questions)
        XCTAssertNil(state.overlay)
    }

    func testAFindingAboutNothingInParticularExplainsItselfAndTStillExplainsEveryFinding() throws {
        let state = try enter(onFinding: "t.none")
        guard case .trace(let title, _)? = state.overlay else { return XCTFail("Enter shows why: \(String(describing: state.overlay))") }
        XCTAssertEqual(title, "Why: About the whole design")
        var why = self.state()
        why.press(.character("0"), .character("t"))
        guard case .trace(let first, _)? = why.overlay else { return XCTFail("t shows why") }
        XCTAssertEqual(first, "Why: Loan has no owner")
        XCTAssertNil(why.form)
    }

    func testGoingToAnItemTheFilterHidesClearsTheFilter() throws {
        var start = state()
        start.press(.character("/"))
        start.type("renewal")
        start.press(.enter)
        let state = try enter(onFinding: "t.endpoint", from: start)
        XCTAssertEqual(state.designPane.tab, .api)
        XCTAssertNil(state.designPane.filter, "“renewal” is not in the endpoint's text")
        XCTAssertEqual(selectedID(state), .endpoint(.custom(Self.custom)))
    }

    // MARK: - The API and Sequences tabs

    func testOverriddenAndCustomEndpointsAreMarked() {
        var state = state()
        state.press(.character("4"), .character("z")) // zoomed: wide enough for a line each
        let lines = state.screenLines
        XCTAssertTrue(lines.contains { $0.contains("/v1/loans  List loans  ✎ overridden") }, state.screenText)
        XCTAssertTrue(lines.contains { $0.contains("/v1/loans/{loanId}/renew  Renew a loan  + custom") }, state.screenText)
        XCTAssertTrue(lines.contains { $0.contains("/v1/members  List members") && !$0.contains("✎") && !$0.contains("+ custom") })
        state.press(.character("/"))
        state.type("custom")
        XCTAssertEqual(selectable(state), [.endpoint(.custom(Self.custom))], "the marks can be filtered on")
    }

    func testEndpointAndFlowItemsNameTheirSubjectAndEnterOpensTheFlow() {
        var state = state()
        state.press(.character("4"))
        let api = content(state).text
        XCTAssertEqual(api.selectable.map { api.items.item($0).subject },
                       [.endpoint(.other("listMembers")), .endpoint(.other("listLoans")), .endpoint(.custom(Self.custom))])
        state.press(.enter)
        guard case .trace? = state.overlay else { return XCTFail("Enter on an endpoint made by hand (no generated key, no override) shows why") }
        state.press(.escape, .character("6"))
        let sequences = content(state).text
        XCTAssertEqual(sequences.selectable.map { sequences.items.item($0).subject }, [nil, .flow(Self.flow)])
        state.press(.character("j"), .enter)
        XCTAssertEqual(state.form?.top.target, .flow(Self.flow), "Enter on a flow opens its form")
    }
}
