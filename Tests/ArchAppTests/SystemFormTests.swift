@testable import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// Existing systems in the TUI (issue 9): typed into the integrations list, then described in their form.
final class SystemFormTests: XCTestCase {
    private static let catalogue = Catalogue(steps: [
        MethodStep(id: "requirements", title: "Understand requirements", questions: [
            Question(id: ExternalSystem.questionID, prompt: "Existing systems and integrations", kind: .systems),
        ]),
    ])

    private func state(_ session: Session) -> AppState {
        AppState(catalogue: Self.catalogue, session: session, filePath: "depot.archtui.yaml", size: Size(width: 120, height: 40))
    }

    func testATypedLineBecomesASystemWhoseFormTellsTheDesignHowToCallIt() throws {
        var state = state(Session(projectName: "Depot", entities: [Entity(name: "Stock"), Entity(name: "Parcel")]))
        state.press(.enter)
        guard case .list? = state.method.editor else { return XCTFail("Enter opens the systems list") }
        state.type("Legacy WMS (SOAP, stock levels)")
        state.press(.enter)
        state.type("legacy wms")
        state.press(.enter)
        XCTAssertTrue(state.inlineError?.contains("already in the list") ?? false, state.inlineError ?? "no error")
        state.press(.ctrl("u"), .escape)  // stop adding: the cursor goes to the last item
        let wms = try XCTUnwrap(state.session.systems.first)
        XCTAssertEqual(state.session.systems.count, 1)
        XCTAssertEqual([wms.name, wms.purpose], ["Legacy WMS", "SOAP, stock levels"])
        XCTAssertEqual([wms.kind.rawValue, wms.transport.rawValue], ["system-of-record", "soap"], "guessed from the words, editable")

        state.press(.enter)
        XCTAssertEqual(state.form?.top.target, .system(wms.id))
        XCTAssertTrue(state.screenText.contains("System Legacy WMS"), state.screenText)
        let rows = try XCTUnwrap(FormRows(session: state.session).rows(for: .system(wms.id)))
        func go(_ key: FormRow.Key) throws { state.form?.top.cursor = try XCTUnwrap(rows.firstIndex { $0.key == key }) }
        // A rate limit: letters are typed, not run as commands; a bad figure is refused with the reason.
        try go(.rateLimit)
        state.press(.enter)
        state.type("twenty")
        state.press(.enter)
        XCTAssertTrue(state.inlineError?.hasPrefix("A rate limit is the requests per second it accepts") ?? false, state.inlineError ?? "")
        XCTAssertNil(state.session.systems[0].rateLimit)
        state.press(.ctrl("u"))
        state.type("20")
        state.press(.enter)
        XCTAssertEqual(state.session.systems[0].rateLimit, 20)
        try go(.availability)
        state.press(.enter)
        state.type("99.5%")
        state.press(.enter)
        XCTAssertEqual(state.session.systems[0].availability, 99.5)
        // The plan steps through its options; the entities it owns flip with Space.
        try go(.plan)
        state.press(.right, .right)
        XCTAssertEqual(state.session.systems[0].plan, .strangle)
        try go(.owns(state.session.entities[0].id))
        state.press(.character(" "))
        XCTAssertEqual(state.session.systems[0].owns, [.id(state.session.entities[0].id)])
        XCTAssertTrue(state.screenText.contains("System of record for (1 of 2 entities"), state.screenText)
        // Every change is one undoable step.
        for _ in 0..<5 { state.press(.character("u")) }  // owns, plan twice, availability, rate limit
        XCTAssertEqual(state.session.systems[0], wms)
    }

    func testAnEntityHasOneSystemOfRecordAndRemovingASystemIsUndoable() throws {
        var state = state(Session(projectName: "Depot", entities: [Entity(name: "Stock")],
                                  systems: [ExternalSystem(name: "WMS", owns: [.named("Stock")]), ExternalSystem(name: "ERP")]))
        let erp = state.session.systems[1]
        state.openForm(.system(erp.id), from: .questions)
        XCTAssertTrue(state.screenText.contains("owned by WMS"), state.screenText)
        let rows = try XCTUnwrap(FormRows(session: state.session).rows(for: .system(erp.id)))
        state.form?.top.cursor = try XCTUnwrap(rows.firstIndex { $0.key == .owns(state.session.entities[0].id) })
        state.press(.character(" "))
        XCTAssertEqual(state.session.systems.map(\.owns.count), [0, 1], "Stock moved from WMS to ERP")
        state.press(.character("u"))
        XCTAssertEqual(state.session.systems.map(\.owns.count), [1, 0], "one undo moves it back")
        state.press(.escape, .escape)

        state.press(.enter)
        guard case .list? = state.method.editor else { return XCTFail("Enter opens the systems list") }
        state.press(.home, .character("d"))
        XCTAssertEqual(state.session.systems.map(\.name), ["ERP"])
        state.press(.character("u"))
        XCTAssertEqual(state.session.systems.map(\.name), ["WMS", "ERP"])
        XCTAssertEqual(state.session.systems[0].owns.count, 1, "what it owned comes back with it")
    }

    func testThePastedLinesAreSystemsAndTheAnswerReadsAsThem() {
        var state = state(Session(projectName: "Depot"))
        state.press(.enter)
        state.press(.paste("Stripe (payments)\nNightly SFTP drop from the bank\n"))
        XCTAssertEqual(state.session.systems.map(\.name), ["Stripe", "Nightly SFTP drop from the bank"])
        XCTAssertEqual(state.session.systems.map(\.kind), [.paymentProvider, .fileExchange])
        XCTAssertEqual(AnswerText.summary(of: Self.catalogue.questions[0], in: state.session),
                       "Stripe (Payment provider, REST); Nightly SFTP drop from the bank (File exchange, file exchange (SFTP))")
        XCTAssertTrue(state.session.hasAnswer(for: Self.catalogue.questions[0]))
    }
}
