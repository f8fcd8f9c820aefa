import ArchModel
import XCTest

/// Each edit and its inverse, cascades, and references that follow renames.
final class SessionEditTests: XCTestCase {
    private func library() -> Session {
        Session(projectName: "Library", entities: [
            Entity(name: "Member", fields: [Field(name: "email", type: .email, pii: true)]),
            Entity(name: "Book", fields: [Field(name: "title")]),
            Entity(name: "Loan", fields: [Field(name: "due", type: .date)], relations: [
                Relation(kind: .belongsTo, target: "member"), Relation(kind: .belongsTo, target: "Book"),
            ]),
            Entity(name: "Review", relations: [Relation(kind: .belongsTo, target: "Book"), Relation(kind: .belongsTo, target: "Loan")]),
        ], services: [
            Service(name: "Lending", calls: [ServiceCall(target: "Catalogue", purpose: "check a copy")]),
            Service(name: "Catalogue"),
        ])
    }

    func testReferencesAreIdentitiesSoARenameNeedsNothingElse() throws {
        var session = library()
        let book = try XCTUnwrap(session.entity(named: "book"))
        XCTAssertEqual(session.entities[2].relations[0].target, .id(session.entities[0].id), "a reference written in another case resolves")
        var renamed = book
        renamed.name = "Title"
        let inverse = session.apply(.updateEntity(renamed))
        let text = SessionFile.encode(session)
        XCTAssertTrue(text.contains("{kind: belongs-to, target: Title}"), text)
        XCTAssertFalse(text.contains("target: Book"), text)
        session.apply(inverse)
        XCTAssertEqual(SessionFile.encode(session), SessionFile.encode(library()))
    }

    func testRemovingAnEntityRemovesTheRelationsToItAndUndoPutsThemBackInPlace() throws {
        let original = library()
        var session = original
        let book = try XCTUnwrap(session.entity(named: "Book"))
        let inverse = session.apply(.removeEntity(book.id))
        XCTAssertEqual(session.entities.map(\.name), ["Member", "Loan", "Review"])
        XCTAssertEqual(session.entities[1].relations.count, 1, "Loan's relation to Book went with it")
        XCTAssertEqual(session.entities[2].relations.map(\.target), [.id(session.entities[1].id)], "Review keeps its relation to Loan")
        session.apply(inverse)
        XCTAssertEqual(session, original)
    }

    func testRemovingAServiceRemovesCallsToItAndItsOwnership() throws {
        var original = library()
        let catalogue = try XCTUnwrap(original.services.first { $0.name == "Catalogue" })
        var book = original.entities[1]
        book.service = .id(catalogue.id)
        original.apply(.updateEntity(book))
        var session = original
        let inverse = session.apply(.removeService(catalogue.id))
        XCTAssertEqual(session.services.map(\.name), ["Lending"])
        XCTAssertEqual(session.services[0].calls, [])
        XCTAssertNil(session.entities[1].service)
        session.apply(inverse)
        XCTAssertEqual(session, original)
    }

    func testEveryKindOfEditIsUndoneByItsInverse() throws {
        let original = library()
        let loan = original.entities[2], lending = original.services[0]
        var withID = original
        let edits: [SessionEdit] = [
            .setProjectName("Lib"), .setAnswer(question: "api.style", .choice("rest")),
            .insertEntity(Entity(id: withID.newID(), name: "Fine"), at: 1), .moveEntity(loan.id, to: 0),
            .insertField(Field(id: withID.newID(), name: "returned", type: .timestamp), entity: loan.id, at: 0),
            .removeField(loan.fields[0].id, entity: loan.id),
            .updateField(Field(id: loan.fields[0].id, name: "dueOn", type: .date, required: true), entity: loan.id),
            .moveField(loan.fields[0].id, entity: loan.id, to: 5), // one field: moving it changes nothing
            .insertRelation(Relation(id: withID.newID(), kind: .hasOne, target: .id(original.entities[3].id)), entity: loan.id, at: 9),
            .removeRelation(loan.relations[1].id, entity: loan.id),
            .updateRelation(Relation(id: loan.relations[0].id, kind: .belongsTo, target: loan.relations[0].target, required: false,
                                     onDelete: .setNull), entity: loan.id),
            .moveRelation(loan.relations[1].id, entity: loan.id, to: 0),
            .insertService(Service(id: withID.newID(), name: "Fines"), at: 0), .moveService(lending.id, to: 1),
            .updateService(Service(id: lending.id, name: "Loans", responsibilities: "lends")),
            .insertCall(ServiceCall(id: withID.newID(), target: .id(original.services[1].id), style: .async), service: lending.id, at: 0),
            .removeCall(lending.calls[0].id, service: lending.id),
            .updateCall(ServiceCall(id: lending.calls[0].id, target: .named("Elsewhere")), service: lending.id),
            .removeEntity(EntityID(424_242)),
        ]
        for edit in edits {
            var session = original
            let inverse = session.apply(edit)
            let changesNothing: [SessionEdit] = [.removeEntity(EntityID(424_242)), .moveField(loan.fields[0].id, entity: loan.id, to: 5)]
            if !changesNothing.contains(edit) { XCTAssertNotEqual(session, original, "\(edit) changed something") }
            session.apply(inverse)
            XCTAssertEqual(session, original, "undoing \(edit)")
            XCTAssertEqual(SessionFile.encode(session), SessionFile.encode(original))
        }
    }

    func testNamesCompareIgnoringCaseAndSeparators() {
        XCTAssertEqual(NameKey("Order Item"), NameKey("order_item"))
        XCTAssertEqual(NameKey("OrderItem"), NameKey("ORDER-ITEM"))
        XCTAssertNotEqual(NameKey("Order"), NameKey("Orders"))
        XCTAssertEqual(NameKey("Straße"), NameKey("straße"))
    }
}
