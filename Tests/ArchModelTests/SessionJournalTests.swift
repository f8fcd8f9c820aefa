import ArchModel
import Foundation
import XCTest

/// The journal is a base session and the edits applied after it, appended one per line: replayed, it is the session
/// at its last whole edit, whatever the edits were (every kind, nested batches, undo's inverses, a whole replacement).
final class SessionJournalTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "archtui-journal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func base() -> Session {
        Session(projectName: "Library", answers: ["requirements.peak_rps": .number(250), "api.style": .choice("rest")], entities: [
            Entity(name: "Member", fields: [Field(name: "email", type: .email, pii: true)]),
            Entity(name: "Loan", fields: [Field(name: "due", type: .date)], relations: [Relation(kind: .belongsTo, target: "Member")]),
        ], services: [Service(name: "Lending")])
    }

    /// Edits of every kind, as the forms and lists make them (with identities from the session's allocator).
    private func edits(on start: Session) -> [SessionEdit] {
        var session = start
        let member = session.entities[0].id, loan = session.entities[1].id
        let book = Entity(id: session.newID(), name: "Book", fields: [Field(id: session.newID(), name: "title")])
        let field = Field(id: session.newID(), name: "name")
        let relation = Relation(id: session.newID(), kind: .hasMany, target: .id(book.id))
        var renamed = session.entities[0]
        renamed.name = "Patron"
        let service = Service(id: session.newID(), name: "Catalogue")
        let flow = Flow(id: session.newID(), name: "Borrow a copy")
        return [
            .setAnswer(question: "requirements.peak_rps", .number(1.5e308)),
            .setAnswer(question: "api.style", nil),
            .setProjectName("Library \u{1F4DA} \"quoted\"\nline"),
            .insertEntity(book, at: 1),
            .insertField(field, entity: member, at: 0),
            .insertRelation(relation, entity: loan, at: 0),
            .updateEntity(renamed),
            .moveEntity(book.id, to: 0),
            .batch([.insertService(service, at: 1), .batch([.insertFlow(flow, at: 0)])]),
            .removeField(field.id, entity: member),
            .removeEntity(loan),
        ]
    }

    func testReplayingTheBaseAndTheEditsGivesTheSession() throws {
        let journal = SessionJournal(sessionPath: directory + "/s.archtui.yaml")
        var session = base()
        try journal.start(from: session)
        for (index, edit) in edits(on: session).enumerated() {
            _ = session.apply(edit)
            try journal.append([edit])
            let entry = try XCTUnwrap(journal.read(catalogue: nil), "after edit \(index)")
            XCTAssertEqual(entry.session, session, "after edit \(index): \(edit)")
            XCTAssertEqual(entry.edits, index + 1)
            XCTAssertEqual(entry.pid, getpid())
        }
        // Undo all of them: each undo is journalled as the inverse it applied.
        var inverses: [SessionEdit] = []
        var replay = base()
        for edit in edits(on: replay) { inverses.insert(replay.apply(edit), at: 0) }
        for inverse in inverses { _ = session.apply(inverse) }
        try journal.append(inverses)
        XCTAssertEqual(try XCTUnwrap(journal.read(catalogue: nil)).session, base())
        XCTAssertEqual(session, base())
    }

    func testAWholeReplacementAndIdentitiesAfterReplay() throws {
        let journal = SessionJournal(sessionPath: directory + "/s.archtui.yaml")
        var session = base()
        try journal.start(from: session)
        let other = Session(projectName: "Other", entities: [Entity(name: "A"), Entity(name: "B"), Entity(name: "C")])
        _ = session.apply(.replaceContents(other))
        try journal.append([.replaceContents(other)])
        var replayed = try XCTUnwrap(journal.read(catalogue: nil)).session
        XCTAssertEqual(replayed, session)
        let highest = replayed.entities.map(\.id.raw).max() ?? 0
        let next: EntityID = replayed.newID()
        XCTAssertGreaterThan(next.raw, highest, "a new identity after recovery never repeats one in the session")
    }

    func testALineCutShortByAKillEndsTheLog() throws {
        let path = directory + "/s.archtui.yaml"
        let journal = SessionJournal(sessionPath: path)
        var session = base()
        try journal.start(from: session)
        let all = edits(on: session)
        for edit in all.prefix(3) { _ = session.apply(edit) }
        try journal.append(Array(all.prefix(3)))
        // The fourth edit was being written when the process died: half its line.
        let fourth = String(decoding: try JSONEncoder().encode(all[3]), as: UTF8.self)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data(fourth.prefix(fourth.count / 2).utf8))
        try handle.close()
        let entry = try XCTUnwrap(journal.read(catalogue: nil))
        XCTAssertEqual(entry.session, session)
        XCTAssertEqual(entry.edits, 3)
    }

    func testTheFormerWholeSessionFormatStillReads() throws {
        let journal = SessionJournal(sessionPath: directory + "/s.archtui.yaml")
        try ("# archtui journal: pid 4242\n" + SessionFile.encode(base())).write(toFile: journal.path, atomically: true, encoding: .utf8)
        let entry = try XCTUnwrap(journal.read(catalogue: nil))
        XCTAssertEqual(entry.pid, 4242)
        XCTAssertEqual(entry.session.projectName, "Library")
        XCTAssertEqual(entry.session.entities, base().entities) // answers read without a catalogue are text
    }

    func testNotAJournalIsNone() throws {
        let journal = SessionJournal(sessionPath: directory + "/s.archtui.yaml")
        for text in ["", "hello\n", "# archtui journal: pid x\n{}", "# archtui journal: pid 1\n{\"not\": \"a session\"}\n"] {
            try text.write(toFile: journal.path, atomically: true, encoding: .utf8)
            XCTAssertNil(journal.read(catalogue: nil), text)
        }
    }

    /// An append costs one short line, however large the session (the base is written once).
    func testAnAppendIsAShortLine() throws {
        let journal = SessionJournal(sessionPath: directory + "/s.archtui.yaml")
        let large = Session(projectName: "Large", entities: (0..<300).map { Entity(name: "Entity\($0)", fields: [Field(name: "name")]) })
        try journal.start(from: large)
        let before = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int)
        try journal.append([.setAnswer(question: "requirements.peak_rps", .number(900))])
        let after = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int)
        XCTAssertLessThan(after - before, 200)
        XCTAssertGreaterThan(before, 10_000)
    }
}
