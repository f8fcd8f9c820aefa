import ArchApp
import ArchModel
import TerminalUI
import XCTest

final class ReduceEditingTests: XCTestCase {
    func testEnterOpensAFieldPrefilledWithTheDefault() {
        var state = Fixtures.state()
        state.press(.enter)
        guard case .field(let field)? = state.method.editor else { return XCTFail("expected a text field") }
        XCTAssertEqual(field.text, "1000")
    }

    func testTypedNumberWithSuffixIsStoredAndSelectionAdvances() {
        var state = Fixtures.state()
        state.press(.enter, .ctrl("u"))
        state.type("150k")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(150_000))
        XCTAssertNil(state.method.editor)
        XCTAssertEqual(state.method.question, 1)
    }

    func testInvalidNumberShowsAnInlineErrorAndIsNotStored() {
        var state = Fixtures.state()
        state.press(.enter, .ctrl("u"))
        state.type("lots")
        state.press(.enter)
        XCTAssertNil(state.session["requirements.daily_active_users"])
        XCTAssertNotNil(state.method.editor, "the editor stays open so the text can be fixed")
        let error = try? XCTUnwrap(state.inlineError)
        XCTAssertNotNil(error)
        XCTAssertTrue(state.screenText.contains("✗"), state.screenText)
    }

    func testOutOfRangeIsRefused() {
        var state = Fixtures.state()
        state.press(.enter, .ctrl("u"))
        state.type("0")
        state.press(.enter)
        XCTAssertNil(state.session["requirements.daily_active_users"])
        XCTAssertNotNil(state.inlineError)
    }

    func testEscapeCancelsAndKeepsThePreviousAnswer() {
        var state = Fixtures.state()
        state.perform(.setAnswer(question: "requirements.daily_active_users", .number(42)), "test")
        state.press(.enter, .ctrl("u"))
        state.type("99")
        state.press(.escape)
        XCTAssertEqual(state.session["requirements.daily_active_users"], .number(42))
        XCTAssertNil(state.method.editor)
    }

    func testTextLongerThanTheLimitIsRefused() {
        var state = Fixtures.state()
        state.press(.end, .up) // the text question
        state.press(.enter)
        state.type(String(repeating: "x", count: 41))
        state.press(.enter)
        XCTAssertNil(state.session["requirements.summary"])
        XCTAssertNotNil(state.inlineError)
    }

    func testUnicodeTextIsStoredAsTyped() {
        var state = Fixtures.state()
        state.press(.end, .up, .enter)
        state.type("Bestellungen 注文 ✓")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.summary"], .text("Bestellungen 注文 ✓"))
        state.press(.up)
        XCTAssertTrue(state.screenText.contains("Bestellungen 注文 ✓"), state.screenText)
    }

    func testChoiceIsPickedWithArrowsAndEnter() {
        var state = Fixtures.state()
        state.press(.character("]"), .enter, .down, .enter)
        XCTAssertEqual(state.session["api.style"], .choice("graphql"))
    }

    func testShowIfRevealsAQuestionOnlyForTheRightAnswer() {
        var state = Fixtures.state()
        state.press(.character("]"))
        XCTAssertEqual(state.visibleQuestions.map(\.id), ["api.style", "api.auth"])
        state.press(.enter, .enter) // REST
        XCTAssertEqual(state.visibleQuestions.map(\.id), ["api.style", "api.versioning", "api.auth"])
        XCTAssertEqual(state.selectedQuestion?.id, "api.versioning", "the revealed question comes next")
    }

    func testMultiChoiceTogglesWithSpaceAndKeepsCatalogueOrder() {
        var state = Fixtures.state()
        state.press(.character("]"), .down, .enter) // auth
        state.press(.down, .down, .character(" "), .up, .up, .character(" "), .down, .character(" "), .character(" "))
        state.press(.enter)
        XCTAssertEqual(state.session["api.auth"], .choices(["oauth2", "mtls"]))
    }

    func testListItemsAreAddedEditedMovedAndRemoved() {
        var state = Fixtures.state()
        state.press(.end, .enter) // integrations list, cursor on "add"
        state.press(.enter)
        state.type("SAP")
        state.press(.enter)
        state.type("Stripe")
        state.press(.enter, .enter) // the empty Enter stops adding
        XCTAssertEqual(state.session["requirements.integrations"], .list(["SAP", "Stripe"]))
        state.press(.up, .character("K")) // move Stripe up
        XCTAssertEqual(state.session["requirements.integrations"], .list(["Stripe", "SAP"]))
        state.press(.enter, .ctrl("u"))
        state.type("Adyen")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.integrations"], .list(["Adyen", "SAP"]))
        state.press(.down, .character("d"))
        XCTAssertEqual(state.session["requirements.integrations"], .list(["Adyen"]))
        state.press(.escape)
        XCTAssertNil(state.method.editor)
    }

    func testDuplicateListItemIsRefused() {
        var state = Fixtures.state()
        state.press(.end, .enter, .enter)
        state.type("SAP")
        state.press(.enter)
        state.type("sap")
        state.press(.enter)
        XCTAssertEqual(state.session["requirements.integrations"], .list(["SAP"]))
        XCTAssertNotNil(state.inlineError)
    }

    func testEntitiesAreStoredOnTheSession() {
        var state = Fixtures.state()
        state.press(.character("]"), .character("]"), .enter, .enter)
        state.type("Order")
        state.press(.enter)
        state.type("Bestellungen 注文")
        state.press(.enter, .enter, .escape)
        XCTAssertEqual(state.session.entities.map(\.name), ["Order", "Bestellungen 注文"])
        XCTAssertNil(state.session["data.entities"], "entities are not an ordinary answer")
    }

    func testXClearsTheSelectedAnswer() {
        var state = Fixtures.state()
        state.perform(.setAnswer(question: "requirements.daily_active_users", .number(5)), "test")
        state.press(.character("x"))
        XCTAssertNil(state.session["requirements.daily_active_users"])
    }
}

final class EntityListEditingTests: XCTestCase {
    func testRenamingAnEntityKeepsItsFieldsAndRelationsFollow() {
        var session = Session(projectName: "Shop")
        session.entities = [
            Entity(name: "Order", fields: [Field(name: "total", type: .money)]),
            Entity(name: "OrderItem", relations: [Relation(kind: .belongsTo, target: "Order")]),
        ]
        var state = Fixtures.state(session: session)
        state.press(.character("]"), .character("]"), .enter) // entity editor, cursor on "add"
        state.press(.home, .character("r"), .ctrl("u")) // r renames in place; Enter would open the entity's form
        state.type("PurchaseOrder")
        state.press(.enter)
        XCTAssertEqual(state.session.entities[0].name, "PurchaseOrder")
        XCTAssertEqual(state.session.entities[0].fields.map(\.name), ["total"])
        XCTAssertEqual(state.session.entities[1].relations.first?.target, .id(state.session.entities[0].id))
        XCTAssertTrue(SessionFile.encode(state.session).contains("{kind: belongs-to, target: PurchaseOrder}"))
    }

    func testMovingAndRemovingEntitiesKeepTheirData() {
        var session = Session(projectName: "Shop")
        session.entities = [Entity(name: "A", fields: [Field(name: "a")]), Entity(name: "B", fields: [Field(name: "b")])]
        var state = Fixtures.state(session: session)
        state.press(.character("]"), .character("]"), .enter, .home, .character("J"))
        XCTAssertEqual(state.session.entities.map(\.name), ["B", "A"])
        XCTAssertEqual(state.session.entities[1].fields.map(\.name), ["a"])
        state.press(.character("d"))
        guard case .confirm(let confirmation)? = state.overlay else { return XCTFail("deleting an entity with a field asks first") }
        XCTAssertEqual(confirmation.title, "Delete entity A?")
        XCTAssertTrue(confirmation.message.hasPrefix("A: 1 field go"), confirmation.message)
        XCTAssertEqual(state.session.entities.map(\.name), ["B", "A"], "nothing deleted before the answer")
        state.press(.character("y"))
        XCTAssertEqual(state.session.entities.map(\.name), ["B"])
        XCTAssertEqual(state.session.entities[0].fields.map(\.name), ["b"])
        state.press(.character("u"))
        XCTAssertEqual(state.session.entities.map(\.name), ["B", "A"])
        XCTAssertEqual(state.session.entities[1].fields.map(\.name), ["a"])
        XCTAssertEqual(state.statusMessage, "undid: delete entity A (1 field)")
    }
}
