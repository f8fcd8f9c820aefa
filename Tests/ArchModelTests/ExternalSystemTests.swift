import ArchModel
import XCTest

/// Existing systems as model elements (issue 9): their place in the session file, the older one-line answers they
/// replace, their errors, and their edits with inverses.
final class ExternalSystemTests: XCTestCase {
    private let catalogue = Catalogue(steps: [MethodStep(id: "requirements", title: "R", questions: [
        Question(id: ExternalSystem.questionID, prompt: "Existing systems", kind: .systems),
    ])])

    private func decode(_ body: String) throws -> SessionFile.Decoded {
        try SessionFile.decodeReporting("schemaVersion: 2\nprojectName: Depot\n" + body, file: "depot.yaml", catalogue: catalogue)
    }

    private func failure(_ body: String) -> String? {
        do {
            _ = try SessionFile.decode("schemaVersion: 2\nprojectName: Depot\n" + body, file: "depot.yaml", catalogue: catalogue)
            return nil
        } catch {
            return error.description
        }
    }

    func testSystemsAreBlocksWithTheirFactsAndRoundTrip() throws {
        let stock = Entity(name: "Stock")
        let session = Session(projectName: "Depot", entities: [stock, Entity(name: "Parcel")], systems: [
            ExternalSystem(name: "Legacy WMS", kind: .systemOfRecord, transport: .soap, purpose: "stock levels", rateLimit: 20,
                           latencyMs: 800, availability: 99.5, owns: [.named("Stock")], plan: .strangle),
            ExternalSystem(name: "Carrier portal", kind: .partner, direction: .inbound),
        ])
        let text = SessionFile.encode(session)
        XCTAssertTrue(text.hasSuffix("""
        systems:
        - name: Legacy WMS
          kind: system-of-record
          protocol: soap
          direction: outbound
          purpose: stock levels
          rateLimit: 20
          latencyMs: 800
          availability: 99.5
          owns: [Stock]
          plan: strangle
        - name: Carrier portal
          kind: partner
          protocol: rest
          direction: inbound
          plan: keep

        """), text)
        let decoded = try SessionFile.decodeReporting(text, file: "depot.yaml", catalogue: catalogue)
        XCTAssertEqual(decoded.warnings, [])
        XCTAssertEqual(decoded.session.systems.map(\.name), ["Legacy WMS", "Carrier portal"])
        XCTAssertEqual(decoded.session.systems[0].owns, [.id(decoded.session.entities[0].id)], "owned entities resolve to identities")
        XCTAssertEqual(SessionFile.encode(decoded.session), text)
    }

    func testAnOlderFileListingIntegrationsGetsOneSystemPerLine() throws {
        let decoded = try decode("""
        answers:
          requirements.integrations:
          - Stripe (payments)
          - Legacy WMS (SOAP, stock levels)
          - Nightly SFTP drop from the bank
          - Stripe (payouts)
        entities: []

        """)
        XCTAssertEqual(decoded.warnings, [])
        XCTAssertNil(decoded.session.answers[ExternalSystem.questionID], "the systems answer the question now")
        let systems = decoded.session.systems
        XCTAssertEqual(systems.map(\.name), ["Stripe", "Legacy WMS", "Nightly SFTP drop from the bank", "Stripe (payouts)"],
                       "a name already taken keeps its whole line")
        XCTAssertEqual(systems.map(\.kind), [.paymentProvider, .systemOfRecord, .fileExchange, .paymentProvider])
        XCTAssertEqual(systems.map(\.transport), [.rest, .soap, .file, .rest])
        XCTAssertEqual(systems.map(\.purpose), ["payments", "SOAP, stock levels", "", ""])
        XCTAssertTrue(SessionFile.encode(decoded.session).contains("systems:\n- name: Stripe\n  kind: payment-provider"))
    }

    func testBadSystemsAreLocatedErrors() {
        XCTAssertEqual(failure("systems:\n- name: WMS\n  kind: erp\n"),
                       "depot.yaml:5:9: unknown system kind 'erp' in WMS; expected one of system-of-record, payment-provider, identity-provider, legacy-database, saas-api, file-exchange, partner, device, other")
        XCTAssertEqual(failure("systems:\n- name: WMS\n  rateLimit: 0\n"),
                       "depot.yaml:5:14: expected the rate limit of WMS (requests per second) as a whole number from 1 to 1000000, found '0'")
        XCTAssertEqual(failure("systems:\n- name: WMS\n  availability: 120\n"),
                       "depot.yaml:5:17: expected the availability of WMS as a percentage from 50 to 100, found '120'")
        XCTAssertEqual(failure("systems:\n- name: WMS\n- name: wms\n"),
                       "depot.yaml:5:9: duplicate system name 'wms': already used at line 4 (names compare ignoring case and separators)")
        XCTAssertEqual(failure("systems:\n- name: WMS\n  protocol: fax\n"),
                       "depot.yaml:5:13: unknown protocol 'fax' in WMS; expected one of rest, soap, grpc, graphql, file, database, messaging, other")
        XCTAssertEqual(failure("answers:\n  requirements.integrations: [WMS]\nsystems:\n- name: WMS\n"),
                       "depot.yaml:4:30: requirements.integrations is answered by 'systems'; remove the answer (or the systems list)")
        XCTAssertEqual(failure("systems:\n- name: \"\\e]52;c;x\\a\"\n"),
                       "depot.yaml:4:9: the system name: a name cannot hold control characters (it has U+001B)")
    }

    func testUnknownAndDoublyOwnedEntitiesAreWarnings() throws {
        let decoded = try decode("""
        entities:
        - name: Stock
        systems:
        - name: WMS
          owns: [Stock, Pallet]
        - name: ERP
          owns: [Stock]

        """)
        XCTAssertEqual(decoded.warnings.map(\.description), [
            "depot.yaml:7:17: warning: WMS: owns unknown entity 'Pallet' kept as is",
            "depot.yaml:9:10: warning: ERP: 'Stock' is already owned by WMS; the first system keeps it",
        ])
    }

    func testEditsOfSystemsAreUndoneByTheirInverses() {
        let stock = Entity(name: "Stock")
        var session = Session(projectName: "Depot", entities: [stock])
        let before = session
        var wms = ExternalSystem(name: "WMS", owns: [.id(session.entities[0].id)])
        wms.id = session.newID()
        var undo: [SessionEdit] = []
        undo.append(session.apply(.insertSystem(wms, at: 0)))
        var changed = wms
        changed.plan = .strangle
        changed.rateLimit = 5
        undo.append(session.apply(.updateSystem(changed)))
        XCTAssertEqual(session.system(wms.id)?.rateLimit, 5)
        var erp = ExternalSystem(name: "ERP")
        erp.id = session.newID()
        undo.append(session.apply(.insertSystem(erp, at: 5)))
        undo.append(session.apply(.moveSystem(erp.id, to: 0)))
        XCTAssertEqual(session.systems.map(\.name), ["ERP", "WMS"])
        let withSystems = session
        // Removing the entity drops it from what the system owns; undoing puts it back.
        let removal = session.apply(.removeEntity(session.entities[0].id))
        XCTAssertEqual(session.system(wms.id)?.owns, [])
        session.apply(removal)
        XCTAssertEqual(session, withSystems)
        undo.append(session.apply(.removeSystem(wms.id)))
        XCTAssertNil(session.system(wms.id))
        for edit in undo.reversed() { session.apply(edit) }
        XCTAssertEqual(session, before)
    }

    func testNeedsAQueueWhenLimitedSlowOrUnreliable() {
        XCTAssertFalse(ExternalSystem(name: "A").needsQueue)
        XCTAssertTrue(ExternalSystem(name: "A", rateLimit: 20).needsQueue)
        XCTAssertTrue(ExternalSystem(name: "A", latencyMs: 1500).needsQueue)
        XCTAssertTrue(ExternalSystem(name: "A", availability: 99.5).needsQueue)
        XCTAssertFalse(ExternalSystem(name: "A", availability: 99.95).needsQueue)
        XCTAssertFalse(ExternalSystem(name: "A", direction: .inbound, rateLimit: 20).needsQueue, "nothing is sent to a caller")
        XCTAssertFalse(ExternalSystem(name: "A", kind: .fileExchange, rateLimit: 20).needsQueue, "files go by a scheduled job")
    }
}
