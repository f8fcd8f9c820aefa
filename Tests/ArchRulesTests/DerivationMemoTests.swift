import ArchModel
@testable import ArchRules
import XCTest

/// A memoizing builder gives exactly the design a fresh builder gives, edit after edit, and does reuse work.
final class DerivationMemoTests: XCTestCase {
    private static let builders: (memoizing: DesignBuilder, fresh: DesignBuilder)? = {
        guard let catalogue = try? CatalogueLoader.builtIn(),
              let registry = try? RuleRegistry.load(userDirectories: [], catalogue: catalogue) else { return nil }
        return (DesignBuilder(catalogue: catalogue, registry: registry),
                DesignBuilder(catalogue: catalogue, registry: registry, memoizing: false))
    }()

    /// Edits that touch one entity, its neighbours' names, relations and the shared answers, one after another.
    private static let edits: [(String, @Sendable (inout Session) -> Void)] = [
        ("add a field", { $0.entities[0].fields.append(Field(name: "loyaltyTier", type: .enumeration, indexed: true, enumValues: ["gold"])) }),
        ("make a field unique", { $0.entities[1].fields[0].unique = true }),
        ("rename an entity others reference", { session in
            // References are identities: renaming the entity is the whole edit.
            var renamed = session.entities[0]
            renamed.name = "Patron"
            session.apply(.updateEntity(renamed))
        }),
        ("rename a service or module that owns entities", { session in
            guard let owned = session.entities.firstIndex(where: { $0.service != nil }) else { return }
            if let id = session.entities[owned].service?.id, var service = session.service(id) {
                service.name = "Renamed"
                session.apply(.updateService(service))
            } else {
                var entity = session.entities[owned]
                entity.service = .named("Renamed")
                session.apply(.updateEntity(entity))
            }
        }),
        ("add a restricting relation", { $0.entities[2].relations.append(Relation(kind: .belongsTo, target: $0.entities[1].name)) }),
        ("change the versioning answer", { $0["api.versioning"] = .choice("header") }),
        ("change the pagination answer", { $0["api.pagination"] = .choice("offset") }),
        ("share tables across tenants", { $0["data.multi_tenancy"] = .choice("shared_schema") }),
        ("hide an endpoint and change another", { session in
            let first = session.entities[0].id, second = session.entities[1].id
            session.apply(.batch([
                .insertEndpointOverride(EndpointOverride(id: session.newID(), target: EndpointKey(entity: .id(first), operation: .get), .hide), at: 0),
                .insertEndpointOverride(EndpointOverride(id: session.newID(), target: EndpointKey(entity: .id(second), operation: .list),
                                                         EndpointChanges(method: .post, path: "/search", summary: "Search")), at: 1),
            ]))
        }),
        ("add a custom endpoint and a flow", { session in
            let entity = session.entities[2].id
            session.apply(.batch([
                .insertEndpointOverride(EndpointOverride(id: session.newID(), custom: CustomEndpoint(
                    method: .post, path: "/v1/things/{thingId}/archive", request: .id(entity), response: .id(entity))), at: 2),
                .insertFlow(Flow(id: session.newID(), name: "Create \(session.entities[0].name)", steps: [
                    FlowStep(id: session.newID(), from: .actor("User"), to: .service(named: "Nowhere"), action: "go", failure: "no"),
                ]), at: 0),
            ]))
        }),
        ("rename an entity an override targets", { session in
            var renamed = session.entities[1]
            renamed.name = "Renamed Again"
            session.apply(.updateEntity(renamed))
        }),
        ("remove an entity", { $0.apply(.removeEntity($0.entities[1].id)) }),
        ("undo to the start", { _ in }),
    ]

    func testMemoizedDesignsEqualFreshOnesEditAfterEdit() throws {
        let (memoizing, fresh) = try XCTUnwrap(Self.builders)
        for (name, original) in try [("demo", Demo.session())] + SampleSessions.all() {
            var session = original
            XCTAssertEqual(memoizing.build(session), fresh.build(session), "\(name): first build")
            for (edit, apply) in Self.edits {
                if edit == "undo to the start" { session = original } else { apply(&session) }
                XCTAssertEqual(memoizing.build(session), fresh.build(session), "\(name) after: \(edit)")
            }
        }
    }

    /// Deriving in two threads gives exactly the design one thread gives, on every sample and a session large
    /// enough to fork (with edits between builds, so the memo takes part).
    func testParallelDerivationEqualsSequential() throws {
        let catalogue = try CatalogueLoader.builtIn()
        let registry = try RuleRegistry.load(userDirectories: [], catalogue: catalogue)
        let parallel = DesignBuilder(catalogue: catalogue, registry: registry, memoizing: true, parallelThreshold: 0)
        let sequential = DesignBuilder(catalogue: catalogue, registry: registry, memoizing: false, parallelThreshold: .max)
        var large = try Demo.session()
        for index in 0..<80 {
            large.entities.append(Entity(name: "Part\(index)", fields: [Field(name: "at", type: .timestamp, indexed: true)],
                                         relations: [Relation(kind: .belongsTo, target: large.entities[index % 7].name)]))
        }
        for (name, original) in try [("large", large), ("demo", Demo.session())] + SampleSessions.all() {
            var session = original
            for round in 0..<3 {
                XCTAssertEqual(parallel.build(session), sequential.build(session), "\(name), round \(round)")
                session.entities[round].fields.append(Field(name: "extra\(round)", indexed: true))
            }
        }
    }

    /// The checks read only the decisions, components, endpoints and tables: the rest of the design changes nothing.
    func testFindingsReadOnlyWhatTheyClaim() throws {
        let (_, fresh) = try XCTUnwrap(Self.builders)
        for (name, session) in try [("demo", Demo.session())] + SampleSessions.all() {
            let full = fresh.build(session)
            let partial = Design(projectName: full.projectName, decisions: full.decisions, components: full.components,
                                 endpoints: full.endpoints, tables: full.tables)
            XCTAssertEqual(FindingsChecker().findings(session: session, design: full),
                           FindingsChecker().findings(session: session, design: partial), name)
        }
    }

    /// Memo keys hash the entity's name and size only (cheap), and still tell different fields apart by `==`.
    func testMemoKeysHashCheaplyAndCompareFully() throws {
        func inputs(_ field: String) throws -> (RouteInputs, TableInputs) {
            let session = Session(projectName: "keys", entities: [Entity(name: "Order", fields: [Field(name: field)])])
            let model = SchemaModel(session: session, decisions: [])
            let entity = session.entities[0]
            return (try XCTUnwrap(RouteInputs(entity: entity, model: model, versioned: true, owner: .unknownOwner)),
                    try XCTUnwrap(TableInputs(entity: entity, model: model, partitioned: false)))
        }
        let (routesA, tableA) = try inputs("number"), (routesB, tableB) = try inputs("total")
        XCTAssertEqual(routesA.hashValue, routesB.hashValue)
        XCTAssertEqual(tableA.hashValue, tableB.hashValue)
        XCTAssertNotEqual(routesA, routesB)
        XCTAssertNotEqual(tableA, tableB)
    }

    func testAnEditRebuildsOnlyTheRoutesAndTableOfWhatChanged() throws {
        let (memoizing, _) = try XCTUnwrap(Self.builders)
        var session = try XCTUnwrap(SampleSessions.all().first { $0.name == "ridehailing" }).session
        _ = memoizing.build(session)
        let entities = try XCTUnwrap(memoizing.memo?.lastRouteReuse).made
        XCTAssertGreaterThan(entities, 5)

        _ = memoizing.build(session)
        XCTAssertEqual(memoizing.memo?.lastRouteReuse, DerivationMemo.Reuse(reused: entities, made: 0), "nothing changed")
        XCTAssertEqual(memoizing.memo?.lastTableReuse, DerivationMemo.Reuse(reused: entities, made: 0), "nothing changed")

        let last = session.entities.count - 1
        session.entities[last].fields.append(Field(name: "note", type: .text))
        _ = memoizing.build(session)
        XCTAssertEqual(memoizing.memo?.lastRouteReuse, DerivationMemo.Reuse(reused: entities - 1, made: 1), "one entity's field changed")
        XCTAssertEqual(memoizing.memo?.lastTableReuse, DerivationMemo.Reuse(reused: entities - 1, made: 1), "one entity's field changed")

        session["api.pagination"] = .choice("offset")
        _ = memoizing.build(session)
        XCTAssertEqual(memoizing.memo?.lastRouteReuse, DerivationMemo.Reuse(reused: 0, made: entities), "a shared answer changed")
    }
}
