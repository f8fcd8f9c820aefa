@testable import ArchApp
import ArchModel
import TerminalUI
import XCTest

/// The entity, field, relation and service forms, driven by keys as a user would.
final class ReduceFormTests: XCTestCase {
    /// Step 3 of the fixture catalogue is the entities question; its list opens on "+ add entity".
    private func entityList(_ session: Session = Session(projectName: "Library")) -> AppState {
        var state = Fixtures.state(session: session)
        state.press(.character("]"), .character("]"), .enter)
        return state
    }

    private func openEntity(_ state: inout AppState, named name: String) {
        guard case .list(let list)? = state.method.editor, let index = list.items.firstIndex(of: name) else { return XCTFail("no list with \(name)") }
        state.press(.home)
        for _ in 0..<index { state.press(.down) }
        state.press(.enter)
    }

    func testTypingOnAddStartsAnItemWithThatLetter() {
        var state = entityList()
        state.type("Members")
        state.press(.enter, .enter)
        XCTAssertEqual(state.session.entities.map(\.name), ["Members"], "the first letter is kept, nothing ran as a command")
    }

    func testAnEntityGetsFieldsRelationsAndAnOwnerThroughItsForm() throws {
        var state = entityList(Session(projectName: "Library", answers: ["services.bounded_contexts": .list(["Lending", "Catalogue"])]))
        state.type("Member")
        state.press(.enter)
        state.type("Loan")
        state.press(.enter, .enter)
        openEntity(&state, named: "Loan")
        let form = try XCTUnwrap(state.form)
        XCTAssertEqual(form.top.target, .entity(state.session.entities[1].id))
        XCTAssertTrue(state.screenText.contains("Entity Loan"), state.screenText)

        // Owner: the third row; → steps through "—", then the bounded contexts.
        state.press(.down, .down, .right)
        XCTAssertEqual(state.session.entities[1].service, .named("Lending"))

        // Fields: type on "+ add field", with the quick `name: type` form.
        state.press(.character("a"))
        state.type("due: date")
        state.press(.enter)
        state.type("note")
        state.press(.enter, .enter)
        XCTAssertEqual(state.session.entities[1].fields.map(\.name), ["due", "note"])
        XCTAssertEqual(state.session.entities[1].fields.map(\.type), [.date, .string])

        // A relation to Member, typed with completion.
        let relationsAdd = try XCTUnwrap(FormRows(session: state.session).rows(for: .entity(state.session.entities[1].id))?
            .firstIndex { $0.key == .add(.relations) })
        state.form?.top.cursor = relationsAdd
        state.type("belongs-to Mem")
        XCTAssertTrue(state.screenText.contains("Tab completes"), state.screenText)
        state.press(.ctrl("u"))
        state.type("Mem")
        state.press(.tab, .enter, .escape)
        let loan = state.session.entities[1]
        XCTAssertEqual(loan.relations.map(\.kind), [.belongsTo])
        XCTAssertEqual(loan.relations.first?.target, .id(state.session.entities[0].id))

        // The field form: make `note` a PII text with a default; an invalid length is refused.
        let noteRow = try XCTUnwrap(FormRows(session: state.session).rows(for: .entity(loan.id))?
            .firstIndex { $0.key == .item(.field(loan.fields[1].id)) })
        state.form?.top.cursor = noteRow
        state.press(.enter)
        XCTAssertEqual(state.form?.top.target, .field(loan.id, loan.fields[1].id))
        state.press(.down, .down) // Type → Max length
        state.press(.enter)
        state.type("-3")
        state.press(.enter)
        XCTAssertNotNil(state.inlineError, "a negative length is refused")
        XCTAssertNil(state.session.entities[1].fields[1].length, "and never stored")
        state.press(.ctrl("u"))
        state.type("200")
        state.press(.enter)
        XCTAssertEqual(state.session.entities[1].fields[1].length, 200)
        let piiRow = try XCTUnwrap(FormRows(session: state.session).rows(for: .field(loan.id, loan.fields[1].id))?.firstIndex { $0.key == .pii })
        state.form?.top.cursor = piiRow
        state.press(.character(" "))
        XCTAssertTrue(state.session.entities[1].fields[1].pii)

        // Undo twice: PII off, then the length gone; redo once brings the length back.
        state.press(.character("u"), .character("u"))
        XCTAssertFalse(state.session.entities[1].fields[1].pii)
        XCTAssertNil(state.session.entities[1].fields[1].length)
        state.press(.ctrl("r"))
        XCTAssertEqual(state.session.entities[1].fields[1].length, 200)
        XCTAssertEqual(state.statusMessage, "redid: change Loan.note")

        // Esc twice: back to the entity form, then to the list.
        state.press(.escape, .escape)
        XCTAssertNil(state.form)
        guard case .list? = state.method.editor else { return XCTFail("back in the entity list") }
        let text = SessionFile.encode(state.session)
        XCTAssertTrue(text.contains("- {name: due, type: date}"), text)
        XCTAssertTrue(text.contains("- {name: note, type: string, length: 200}"), "PII was undone; only the length was redone: \(text)")
        XCTAssertTrue(text.contains("- {kind: belongs-to, target: Member}"), text)
    }

    func testAfterAddingSeveralFieldsEscSelectsTheLastAndUpTheOneBefore() throws {
        var state = entityList(Session(projectName: "L", entities: [Entity(name: "Member")]))
        openEntity(&state, named: "Member")
        state.press(.character("a"))
        state.type("email: email")
        state.press(.enter)
        state.type("name")
        state.press(.enter, .escape, .up, .enter)
        let member = state.session.entities[0]
        XCTAssertEqual(state.form?.top.target, .field(member.id, member.fields[0].id), "the email field's form")
    }

    func testRenamingTheTargetInItsFormKeepsTheRelation() throws {
        var state = entityList(Session(projectName: "L", entities: [
            Entity(name: "Customer"), Entity(name: "Order", relations: [Relation(kind: .belongsTo, target: "customer")]),
        ]))
        openEntity(&state, named: "Customer")
        state.press(.home, .enter, .ctrl("u"))
        state.type("Client")
        state.press(.enter)
        XCTAssertEqual(state.session.entities[0].name, "Client")
        XCTAssertTrue(SessionFile.encode(state.session).contains("{kind: belongs-to, target: Client}"))
    }

    func testInvalidNamesAreRefusedWithTheReason() {
        var state = entityList(Session(projectName: "L", entities: [Entity(name: "Order Item"), Entity(name: "Order")]))
        openEntity(&state, named: "Order")
        state.press(.home, .enter, .ctrl("u"))
        state.type("order_item")
        XCTAssertTrue(state.screenText.contains("“Order Item” is already an entity"), state.screenText)
        state.press(.enter)
        XCTAssertEqual(state.session.entities[1].name, "Order", "refused, not stored")
        XCTAssertEqual(state.form?.top.editing?.field.text, "order_item", "and the typed text is kept for fixing")
    }

    func testUndoingTheCreationOfAnOpenElementClosesItsForm() {
        var state = entityList()
        state.type("Fine")
        state.press(.enter, .enter)
        openEntity(&state, named: "Fine")
        state.press(.character("a"))
        state.type("amount: money")
        state.press(.enter, .escape)
        XCTAssertEqual(state.session.entities[0].fields.map(\.name), ["amount"])
        state.press(.character("u"), .character("u"))
        XCTAssertEqual(state.session.entities, [], "both the field and the entity undone")
        state.press(.down)
        XCTAssertNil(state.form, "the form of an entity that no longer exists closes")
    }

    func testPastingLinesIntoAListAddsOneItemPerLineInOneStep() {
        var state = entityList()
        state.press(.paste("Member\n\nBook\r\nLoan\n"))
        XCTAssertEqual(state.session.entities.map(\.name), ["Member", "Book", "Loan"])
        state.press(.escape, .character("u")) // Esc stops adding and selects the last item, where u undoes
        XCTAssertEqual(state.session.entities, [], "one paste, one undo step")
        state.press(.paste("A\nB\nA"))
        XCTAssertEqual(state.session.entities, [], "a duplicate line adds nothing")
        XCTAssertEqual(state.inlineError, "Pasted line 3, “A”, is already in the list; nothing was added.")
    }

    func testCtrlCStoresTheTextTypedSoFarWhenValid() {
        var state = entityList()
        state.type("Branch")
        let effects = state.press(.ctrl("c"))
        XCTAssertEqual(effects, [.quit])
        XCTAssertEqual(state.session.entities.map(\.name), ["Branch"])
    }

    func testClearingTheEntitiesAsksAndIsUndoable() {
        var state = Fixtures.state(session: Session(projectName: "L", entities: [Entity(name: "A", fields: [Field(name: "x")]), Entity(name: "B")]))
        state.press(.character("]"), .character("]"), .character("x"))
        guard case .confirm(let confirmation)? = state.overlay else { return XCTFail("x asks first") }
        XCTAssertEqual(confirmation.message, "This removes 2 entities, 1 field.\n\nu undoes it afterwards.")
        state.press(.enter) // the focused button is No
        XCTAssertEqual(state.session.entities.count, 2)
        state.press(.character("x"), .character("y"))
        XCTAssertEqual(state.session.entities, [])
        state.press(.character("u"))
        XCTAssertEqual(state.session.entities.map(\.name), ["A", "B"])
        XCTAssertEqual(state.session.entities[0].fields.map(\.name), ["x"])
    }
}

/// `/` in a list: an incremental filter, `!` inverts, Esc clears.
final class ListFilterTests: XCTestCase {
    func testSlashFiltersTheListAndBangInverts() {
        var state = Fixtures.state(session: Session(projectName: "L", entities: ["Member", "Book", "BookCopy", "Loan"].map { Entity(name: $0) }))
        state.press(.character("]"), .character("]"), .enter, .home, .character("/"))
        state.type("book")
        guard case .list(let list)? = state.method.editor else { return XCTFail("list open") }
        XCTAssertEqual(list.shownRows.dropLast().map { list.items[$0] }, ["Book", "BookCopy"])
        XCTAssertTrue(state.screenText.contains("2 of 4"), state.screenText)
        state.press(.enter, .down, .character("d")) // keys act on the filtered items: the second shown is BookCopy
        XCTAssertEqual(state.session.entities.map(\.name), ["Member", "Book", "Loan"])
        state.press(.character("/"))
        state.type("!book")
        guard case .list(let inverted)? = state.method.editor else { return XCTFail("list open") }
        XCTAssertEqual(inverted.shownRows.dropLast().map { inverted.items[$0] }, ["Member", "Loan"])
        state.press(.escape)
        guard case .list(let cleared)? = state.method.editor else { return XCTFail("Esc clears the filter, the list stays") }
        XCTAssertNil(cleared.filter)
    }
}

/// While a name is typed, the form says what the exports will call it.
final class IdentifierNoteTests: XCTestCase {
    func testTypingANameShowsItsTableColumnAndJSONNames() {
        var state = Fixtures.state(session: Session(projectName: "L", entities: [Entity(name: "Loan")]))
        state.press(.character("]"), .character("]"), .enter, .home, .enter, .enter, .ctrl("u"))
        state.type("Order Item")
        for part in ["→ table order_items", "path /v1/order-items", "schema OrderItem"] {
            XCTAssertTrue(state.screenText.contains(part), "\(part) in\n\(state.screenText)")
        }
        state.press(.escape, .character("a"))
        state.type("select: string")
        for part in ["→ column select (quoted: an SQL keyword) · JSON"] {
            XCTAssertTrue(state.screenText.contains(part), "\(part) in\n\(state.screenText)")
        }
    }
}

/// The service form: what it owns (Space flips an entity's owner) and whom it calls.
final class ServiceFormTests: XCTestCase {
    func testAServiceTakesOwnershipOfEntitiesAndCallsAnother() throws {
        var state = Fixtures.state(session: Session(projectName: "L", entities: [Entity(name: "Loan"), Entity(name: "Book", service: "Catalogue")],
                                                    services: [Service(name: "Lending"), Service(name: "Catalogue")]))
        let lending = state.session.services[0]
        state.openForm(.service(lending.id), from: .questions)
        XCTAssertTrue(state.screenText.contains("owned by Catalogue"), state.screenText)
        let rows = try XCTUnwrap(FormRows(session: state.session).rows(for: .service(lending.id)))
        state.form?.top.cursor = try XCTUnwrap(rows.firstIndex { $0.key == .owns(state.session.entities[0].id) })
        state.press(.character(" "))
        XCTAssertEqual(state.session.entities[0].service, .id(lending.id))
        XCTAssertEqual(state.statusMessage, nil)
        state.press(.character("G"))
        state.type("Cat")
        state.press(.tab)
        state.type(" async")
        state.press(.enter)
        XCTAssertEqual(state.session.services[0].calls.map(\.target), [.id(state.session.services[1].id)])
        XCTAssertEqual(state.session.services[0].calls.map(\.style), [.async])
        state.press(.escape, .character("u"), .character("u"))
        XCTAssertEqual(state.session.services[0].calls, [])
        XCTAssertNil(state.session.entities[0].service)
    }

    func testDeletingAServiceNamesItsCallersAndTheEntitiesItOwned() throws {
        var session = Session(projectName: "L", entities: [Entity(name: "Book", service: "Catalogue"), Entity(name: "Copy", service: "Catalogue")],
                              services: [Service(name: "Lending", calls: [ServiceCall(target: "Catalogue")]), Service(name: "Catalogue"),
                                         Service(name: "Search", calls: [ServiceCall(target: "catalogue", style: .async)])])
        session.assignIdentities()
        session.resolveReferences()
        var state = Fixtures.state(session: session)
        let catalogue = state.session.services[1]
        state.requestServiceDeletion(catalogue.id)
        guard case .confirm(let confirmation)? = state.overlay else { return XCTFail("deleting a service others call asks first") }
        XCTAssertEqual(confirmation.message, "Catalogue: 2 calls to it, 2 entities lose their owner. The calls of Lending, Search to it are removed."
                       + " Book, Copy have no owner then: the design places them.\n\nu undoes it afterwards.")
        state.press(.character("y"))
        XCTAssertEqual(state.session.services.map(\.name), ["Lending", "Search"])
        XCTAssertEqual(state.session.services.flatMap(\.calls), [])
        state.press(.character("u"))
        XCTAssertEqual(state.session, Fixtures.state(session: session).session, "undo brings back the calls and the owners")
    }
}

/// A multi-choice "None" excludes the other options.
final class NoneExcludesTests: XCTestCase {
    func testTickingAnotherOptionClearsNoneAndNoneClearsTheOthers() {
        let catalogue = Catalogue(steps: [MethodStep(id: "s", title: "S", questions: [
            Question(id: "s.compliance", prompt: "Which regulations apply?", kind: .multiChoice,
                     choices: [Choice(value: "gdpr", label: "GDPR"), Choice(value: "hipaa", label: "HIPAA"), Choice(value: "none", label: "None")],
                     defaultValue: .choices(["none"])),
        ])])
        var state = AppState(catalogue: catalogue, session: Session(projectName: "p"), filePath: "p.yaml", size: Size(width: 120, height: 40))
        state.press(.enter, .home, .character(" "), .enter)
        XCTAssertEqual(state.session["s.compliance"], .choices(["gdpr"]))
        state.press(.home, .enter, .end, .character(" "), .enter)
        XCTAssertEqual(state.session["s.compliance"], .choices(["none"]))
    }
}

/// A paste on "+ add field" adds one field per line, in one step.
final class FormPasteTests: XCTestCase {
    func testAPasteOnAddFieldAddsEachLine() throws {
        var state = Fixtures.state(session: Session(projectName: "L", entities: [Entity(name: "Copy")]))
        state.openForm(.entity(state.session.entities[0].id), from: .questions)
        let add = try XCTUnwrap(FormRows(session: state.session).rows(for: .entity(state.session.entities[0].id))?.firstIndex { $0.key == .add(.fields) })
        state.form?.top.cursor = add
        state.press(.paste("condition: string\n\nacquired: date\nshelf"))
        XCTAssertEqual(state.session.entities[0].fields.map(\.name), ["condition", "acquired", "shelf"])
        XCTAssertEqual(state.session.entities[0].fields.map(\.type), [.string, .date, .string])
        state.press(.escape, .character("u"))
        XCTAssertEqual(state.session.entities[0].fields, [], "one paste, one undo")
        state.form?.top.cursor = add
        state.press(.paste("a: date\nb: datum"))
        XCTAssertEqual(state.session.entities[0].fields, [], "a refused line adds nothing")
        XCTAssertTrue(state.inlineError?.hasPrefix("Pasted line 2, “b: datum”: Unknown type") == true, state.inlineError ?? "")
    }
}
