import ArchModel
import XCTest

/// Entities with fields and relations, and services with calls, in the session file.
final class SessionFileModelTests: XCTestCase {
    static let shop = Session(projectName: "Shop", entities: [
        Entity(name: "Customer", fields: [
            Field(name: "email", type: .email, required: true, unique: true, pii: true, indexed: true),
            Field(name: "name", pii: true),
        ], service: "Customers"),
        Entity(name: "Order", fields: [
            Field(name: "total", type: .money, required: true),
            Field(name: "status", type: .enumeration, required: true, enumValues: ["placed", "paid", "shipped"]),
        ], relations: [
            Relation(kind: .belongsTo, target: "Customer"),
            Relation(kind: .belongsTo, target: "Address", name: "billingAddress", required: false, onDelete: .setNull),
            Relation(kind: .hasMany, target: "OrderItem", onDelete: .cascade),
        ], service: "Ordering"),
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
    schemaVersion: 1
    projectName: Shop
    answers: {}
    entities:
    - name: Customer
      service: Customers
      fields:
      - {name: email, type: email, required: true, unique: true, pii: true, indexed: true}
      - {name: name, type: string, pii: true}
    - name: Order
      service: Ordering
      fields:
      - {name: total, type: money, required: true}
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
        XCTAssertEqual(decoded.session.entities, [
            Entity(name: "Customer"),
            Entity(name: "Order", fields: [Field(name: "id", type: .uuid), Field(name: "note")],
                   relations: [Relation(kind: .belongsTo, target: "customer")]),
        ])
        XCTAssertEqual(decoded.warnings, [], "targets compare case-insensitively")
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
        XCTAssertEqual(decoded.session.entities[0].relations, [Relation(kind: .belongsTo, target: "Custmer")])
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
