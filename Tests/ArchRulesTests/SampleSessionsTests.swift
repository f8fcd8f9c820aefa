import ArchModel
@testable import ArchRules
import XCTest

/// The demo and the samples under `Resources/examples/` are complete, clean and written exactly as `encode` writes.
final class SampleSessionsTests: XCTestCase {
    private var files: [String] { [Demo.resourcePath] + SampleSessions.resourcePaths }

    func testThereAreFiveSamples() {
        XCTAssertEqual(SampleSessions.resourcePaths,
                       ["examples/bookstore.archtui.yaml", "examples/clinic-saas.archtui.yaml", "examples/logistics-warehouse.archtui.yaml",
                        "examples/media-catalogue.archtui.yaml", "examples/payments-ledger.archtui.yaml", "examples/ridehailing.archtui.yaml"])
        XCTAssertEqual(try SampleSessions.all().map(\.name), ["bookstore", "clinic-saas", "logistics-warehouse", "media-catalogue", "payments-ledger", "ridehailing"])
    }

    func testEveryFileDecodesWithoutWarningsAndIsCanonical() throws {
        let catalogue = try CatalogueLoader.builtIn()
        for path in files {
            let text = try XCTUnwrap(EmbeddedResources.files[path], path)
            let decoded = try SessionFile.decodeReporting(text, file: path, catalogue: catalogue)
            XCTAssertEqual(decoded.warnings.map(\.description), [], path)
            XCTAssertEqual(SessionFile.encode(decoded.session), text, "\(path) is not what encode writes")
        }
    }

    func testEveryShownQuestionIsAnsweredAndNoHiddenOne() throws {
        let catalogue = try CatalogueLoader.builtIn()
        for path in files {
            let session = try SessionFile.decode(EmbeddedResources.files[path] ?? "", file: path, catalogue: catalogue)
            // Defining services is optional: without them the design derives services from the bounded contexts.
            for question in catalogue.questions where question.kind != .services {
                let answered = question.kind == .entities ? !session.entities.isEmpty
                    : question.kind == .systems ? !session.systems.isEmpty : !(session[question.id]?.isEmpty ?? true)
                let shown = Self.isShown(question, in: session)
                // The demo keeps a discovery answer from before it chose a modular monolith; samples answer only what is asked.
                if shown || path != Demo.resourcePath { XCTAssertEqual(answered, shown, "\(path): \(question.id)") }
            }
        }
    }

    func testEveryEntityHasFieldsAndAServiceFromTheBoundedContexts() throws {
        for path in files {
            let session = try SessionFile.decode(EmbeddedResources.files[path] ?? "", file: path, catalogue: CatalogueLoader.builtIn())
            let contexts = session["services.bounded_contexts"]?.values ?? []
            for entity in session.entities {
                let owner = entity.service.map(session.names.name) ?? "-"
                XCTAssertFalse(entity.fields.isEmpty, "\(path): \(entity.name)")
                XCTAssertTrue(contexts.contains(owner), "\(path): \(entity.name) in \(owner)")
            }
            for service in session.services { XCTAssertTrue(contexts.contains(service.name), "\(path): \(service.name)") }
        }
    }

    /// The app's show-if rule (`Session.isShown` in ArchApp), restated: the samples must not depend on ArchApp.
    private static func isShown(_ question: Question, in session: Session) -> Bool {
        guard let condition = question.showIf else { return true }
        guard let answer = session[condition.question] else { return false }
        if condition.values.isEmpty { return !answer.isEmpty }
        return !Set(answer.values).isDisjoint(with: condition.values)
    }
}
