@testable import ArchApp
import ArchModel
import XCTest

/// The form skips its live check of rows listed in `FormEdits.freeTextRows` (so typing into a long
/// description stays as quick as into a short one); that is only right while those rows accept any text.
final class FormFreeTextTests: XCTestCase {
    func testFreeTextRowsAcceptAnyText() throws {
        let state = Fixtures.state(session: Session(
            projectName: "Library",
            entities: [Entity(name: "Member"),
                       Entity(name: "Loan", fields: [Field(name: "due", type: .date)], relations: [Relation(kind: .belongsTo, target: "Member")])],
            services: [Service(name: "Lending", calls: [ServiceCall(target: "Catalogue")]), Service(name: "Catalogue")]))
        let session = state.session // identities assigned, references resolved
        let loan = try XCTUnwrap(session.entity(named: "Loan"))
        let lending = try XCTUnwrap(session.services.first { $0.name == "Lending" })
        let targets: [FormTarget] = [
            .entity(loan.id),
            .field(loan.id, try XCTUnwrap(loan.fields.first?.id)),
            .relation(loan.id, try XCTUnwrap(loan.relations.first?.id)),
            .service(lending.id),
            .call(lending.id, try XCTUnwrap(lending.calls.first?.id)),
        ]
        let texts = ["", "   ", String(repeating: "long ", count: 2_000), "✗ 注文 \"quoted\": [x], {y}", "12.5e9"]
        let edits = FormEdits(session: session)
        var checked = Set<FormRow.Key>()
        for target in targets {
            guard let rows = FormRows(session: session).rows(for: target) else { continue }
            for row in rows where FormEdits.freeTextRows.contains(row.key) {
                checked.insert(row.key)
                for text in texts {
                    if case .failure(let error) = edits.text(text, row: row.key, of: target) {
                        XCTFail("\(row.key) of \(target) refused “\(text.prefix(20))”: \(error.message)")
                    }
                }
            }
        }
        XCTAssertEqual(checked, FormEdits.freeTextRows, "every free-text row is shown by some form and was checked")
    }
}
