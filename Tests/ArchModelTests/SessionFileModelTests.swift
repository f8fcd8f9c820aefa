import ArchModel
import XCTest

/// Entities with fields and relations, and services with calls, in the session file.
final class SessionFileModelTests: XCTestCase {
    static let shop = Session(projectName: "Shop", entities: [
        Entity(name: "Customer", fields: [
            Field(name: "email", type: .email, required: true, unique: true, pii: true, indexed: true),
            Field(name: "name", pii: true, length: 120, description: "as printed on invoices"),
        ], service: "Customers"),
        Entity(name: "Order", description: "One checkout: what was bought, by whom, and where it goes", fields: [
            Field(name: "total", type: .money, required: true),
            Field(name: "discount", type: .decimal, precision: 5, scale: 2, defaultValue: "0"),
            Field(name: "status", type: .enumeration, required: true, enumValues: ["placed", "paid", "shipped"]),
        ], relations: [
            Relation(kind: .belongsTo, target: "Customer"),
            Relation(kind: .belongsTo, target: "Address", name: "billingAddress", required: false, onDelete: .setNull),
            Relation(kind: .hasMany, target: "OrderItem", onDelete: .cascade),
        ], service: .named("Ordering")),
        Entity(name: "OrderItem"),
        Entity(name: "Address"),
    ], services: [
        Service(name: "Customers"),
        Service(name: "Ordering", responsibilities: "Takes orders; owns their state", calls: [
            ServiceCall(target: "Customers", purpose: "look up the buyer"),
            ServiceCall(target: "Customers", style: .async),
        ]),
    ])

    static let shopText = """
    schemaVersion: 2
    projectName: Shop
    answers: {}
    entities:
    - name: Customer
      service: Customers
      fields:
      - {name: email, type: email, required: true, unique: true, pii: true, indexed: true}
      - {name: name, type: string, pii: true, length: 120, description: as printed on invoices}
    - name: Order
      description: 'One checkout: what was bought, by whom, and where it goes'
      service: Ordering
      fields:
      - {name: total, type: money, required: true}
      - {name: discount, type: decimal, precision: 5, scale: 2, default: '0'}
      - {name: status, type: enum, required: true, values: [placed, paid, shipped]}
      relations:
      - {kind: belongs-to, target: Customer}
      - {kind: belongs-to, target: Address, name: billingAddress, required: false, onDelete: set-null}
      - {kind: has-many, target: OrderItem, onDelete: cascade}
    - name: OrderItem
    - name: Address
    services:
    - name: Customers
    - name: Ordering
      responsibilities: Takes orders; owns their state
      calls:
      - {target: Customers, style: sync, purpose: look up the buyer}
      - {target: Customers, style: async}

    """

    func testLayoutIsCompactAndRoundTrips() throws {
        XCTAssertEqual(SessionFile.encode(Self.shop), Self.shopText)
        let decoded = try SessionFile.decodeReporting(Self.shopText, file: "shop.yaml")
        XCTAssertEqual(decoded.session, Self.shop)
        XCTAssertEqual(decoded.warnings, [])
    }

    func testInjectionLookingNamesAreQuotedInFlowMappings() throws {
        let names = ["order; DROP TABLE x", "a, b", "{x}", "[y]", "k: v", "Straße 注文", "#c", "true"]
        let session = Session(projectName: "p", entities: names.map { name in
            Entity(name: name, fields: [Field(name: name, enumValues: [name])], relations: [Relation(kind: .manyToMany, target: name, name: name)])
        })
        let text = SessionFile.encode(session)
        XCTAssertEqual(try SessionFile.decode(text, file: "t.yaml"), session, text)
        XCTAssertTrue(text.contains("- {name: order; DROP TABLE x, type: string, values: [order; DROP TABLE x]}"), text)
    }

    func testOldStyleEntitiesAndExplicitDefaultsAreRead() throws {
        let text = """
        schemaVersion: 1
        projectName: p
        entities:
        - name: Customer
        - name: Order
          service: ~
          fields:
          - {name: id, type: uuid, required: false, unique: no}
          - name: note
          relations:
          - {kind: belongs-to, target: customer, required: true, onDelete: restrict}
        """
        let decoded = try SessionFile.decodeReporting(text, file: "p.yaml")
        // Identities are handed out in document order, and the relation resolves to Customer's.
        XCTAssertEqual(decoded.session.entities, Session(projectName: "p", entities: [
            Entity(name: "Customer"),
            Entity(name: "Order", fields: [Field(name: "id", type: .uuid), Field(name: "note")],
                   relations: [Relation(kind: .belongsTo, target: "customer")]),
        ]).entities)
        XCTAssertEqual(decoded.session.entities[1].relations[0].target, .id(decoded.session.entities[0].id))
        XCTAssertEqual(decoded.warnings, [], "targets compare case-insensitively")
        XCTAssertEqual(decoded.schemaVersion, 1)
        XCTAssertTrue(SessionFile.encode(decoded.session).contains("{kind: belongs-to, target: Customer}"),
                      "written as v2, the reference is spelt as the entity is")
    }

    func testDanglingReferencesAreKeptWithWarnings() throws {
        let text = """
        schemaVersion: 1
        projectName: p
        entities:
        - name: Order
          service: Billing
          relations:
          - {kind: belongs-to, target: Custmer}
        services:
        - name: Ordering
          calls:
          - {target: Payments, style: async}
        """
        let decoded = try SessionFile.decodeReporting(text, file: "p.yaml")
        XCTAssertEqual(decoded.session.entities[0].relations.map(\.target), [.named("Custmer")])
        XCTAssertEqual(decoded.session.entities[0].service, .named("Billing"))
        XCTAssertEqual(decoded.warnings.map(\.description), [
            "p.yaml:7:32: warning: Order: relation to unknown entity 'Custmer' kept as is",
            "p.yaml:5:12: warning: Order: unknown service 'Billing' kept as is",
            "p.yaml:11:14: warning: Ordering: call to unknown service 'Payments' kept as is",
        ])
    }

    func testEntityServicesAreNotCheckedWhenNoServicesAreListed() throws {
        let text = "schemaVersion: 1\nprojectName: p\nentities:\n- {name: Order, service: Ordering}\n"
        XCTAssertEqual(try SessionFile.decodeReporting(text, file: "p.yaml").warnings, [])
    }
}

/// The example in docs/session-format.md is a clean file, written exactly as `encode` writes it.
final class SessionFormatDocTests: XCTestCase {
    func testDocumentedExampleIsCanonical() throws {
        let doc = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/session-format.md"), encoding: .utf8)
        let start = try XCTUnwrap(doc.range(of: "```yaml\n"))
        let end = try XCTUnwrap(doc.range(of: "```\n", range: start.upperBound..<doc.endIndex))
        let example = String(doc[start.upperBound..<end.lowerBound])
        let decoded = try SessionFile.decodeReporting(example, file: "session-format.md")
        XCTAssertEqual(decoded.warnings, [])
        XCTAssertEqual(SessionFile.encode(decoded.session), example)
    }
}
