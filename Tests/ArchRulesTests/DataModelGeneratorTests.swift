import ArchModel
import ArchRules
import XCTest

final class DataModelGeneratorTests: XCTestCase {
    private func tables(_ session: Session = ShopFixture.session()) -> [Table] {
        DataModelGenerator().tables(for: session, decisions: [])
    }

    private func table(_ name: String, in tables: [Table]) throws -> Table {
        try XCTUnwrap(tables.first { $0.name == name }, "no table \(name) in \(tables.map(\.name))")
    }

    /// `Ab.csD` and `AbsC.d` both make `ix_abs_cs_d`: the later table's index gets the suffix, the names stay unique.
    func testConstraintNamesAreUniqueAcrossTablesInTableOrder() throws {
        let session = Session(projectName: "clash", entities: [
            Entity(name: "Ab", fields: [Field(name: "csD", indexed: true)]),
            Entity(name: "AbsC", fields: [Field(name: "d", indexed: true)], relations: [Relation(kind: .belongsTo, target: "Ab")]),
        ])
        let schema = tables(session)
        XCTAssertEqual(try table("abs", in: schema).indexes.map(\.name), ["ix_abs_cs_d"])
        XCTAssertEqual(try table("abs_cs", in: schema).indexes.map(\.name), ["ix_abs_cs_ab_id", "ix_abs_cs_d_2"])
        let all = schema.flatMap { $0.indexes.map(\.name) + $0.foreignKeys.map(\.name) }
        XCTAssertEqual(Set(all).count, all.count, "\(all)")
        // An index never takes a table's name (they share PostgreSQL's namespace).
        let tableNamed = tables(Session(projectName: "clash", entities: [
            Entity(name: "Ab", fields: [Field(name: "cs", indexed: true)]), Entity(name: "IxAbsC"),
        ]))
        XCTAssertEqual(tableNamed.map(\.name), ["abs", "ix_abs_cs"])
        XCTAssertEqual(try table("abs", in: tableNamed).indexes.map(\.name), ["ix_abs_cs_2"])
    }

    func testOneTablePerEntityInDeclarationOrderThenJoinTables() {
        XCTAssertEqual(tables().map(\.name), ["orders", "order_items", "products", "categories", "product_categories"])
        XCTAssertEqual(tables().map(\.entity), ["Order", "OrderItem", "Product", "Category", nil])
    }

    func testColumnsTypesAndNullability() throws {
        let orders = try table("orders", in: tables())
        XCTAssertEqual(orders.columns.map(\.name),
                       ["id", "number", "status", "total", "customer_email", "placed_at", "lock_version", "created_at", "updated_at"])
        XCTAssertEqual(orders.primaryKey, ["id"])
        XCTAssertEqual(orders.column("id")?.type, .uuid)
        XCTAssertEqual(orders.column("id")?.nullable, false)
        XCTAssertEqual(orders.column("status")?.enumValues, ["pending", "paid", "shipped"])
        XCTAssertEqual(orders.column("customer_email")?.pii, true)
        XCTAssertEqual(orders.column("placed_at")?.nullable, true)
        XCTAssertEqual(orders.column("number")?.nullable, false)
        XCTAssertEqual(orders.column("created_at")?.defaultValue, .now)
        XCTAssertEqual(orders.column("lock_version")?.defaultValue, .number("0"))
        XCTAssertEqual(orders.uniqueConstraints, [["number"]])
        XCTAssertEqual(orders.trace.sources, ["entity Order"])
    }

    func testForeignKeysFromBelongsToAndFromTheOtherSidesHasMany() throws {
        let items = try table("order_items", in: tables())
        XCTAssertEqual(items.columns.map(\.name),
                       ["id", "product_id", "order_id", "quantity", "unit_price", "lock_version", "created_at", "updated_at"])
        XCTAssertEqual(items.foreignKeys, [
            ForeignKey(name: "fk_order_items_product_id", columns: ["product_id"], referencedTable: "products",
                       referencedColumns: ["id"], onDelete: .restrict),
            ForeignKey(name: "fk_order_items_order_id", columns: ["order_id"], referencedTable: "orders",
                       referencedColumns: ["id"], onDelete: .cascade),
        ])
        XCTAssertEqual(items.column("order_id")?.nullable, false)
        XCTAssertTrue(items.trace.sources.contains("relation Order has-many OrderItem"))
    }

    func testEveryForeignKeyColumnIsIndexed() {
        for table in tables() {
            for key in table.foreignKeys {
                let covered = table.indexes.contains { $0.columns.first == key.columns.first }
                    || table.primaryKey.first == key.columns.first
                XCTAssertTrue(covered, "\(table.name).\(key.columns) has no index")
            }
        }
        let items = tables().first { $0.name == "order_items" }
        XCTAssertEqual(items?.indexes.first?.reason, "foreign key: joins and ON DELETE checks")
    }

    func testBothSidesDeclaredMakeOneForeignKeyAndOwnershipCascades() throws {
        var entities = ShopFixture.entities
        entities[1].relations.append(Relation(kind: .belongsTo, target: "order"))
        let items = try table("order_items", in: tables(ShopFixture.session(entities: entities)))
        XCTAssertEqual(items.columns.filter { $0.name.hasPrefix("order_id") }.map(\.name), ["order_id"])
        XCTAssertEqual(items.foreignKeys.last?.onDelete, .cascade, "owned by Order's has-many, so children cascade")
    }

    func testJoinTableOnceWithCompositeKeyAndIndexOnTheSecondColumn() throws {
        let all = tables()
        XCTAssertEqual(all.filter { $0.entity == nil }.count, 1)
        let join = try table("product_categories", in: all)
        XCTAssertEqual(join.columns.map(\.name), ["product_id", "category_id", "created_at"])
        XCTAssertEqual(join.primaryKey, ["product_id", "category_id"])
        XCTAssertEqual(join.foreignKeys.map(\.referencedTable), ["products", "categories"])
        XCTAssertEqual(join.foreignKeys.map(\.onDelete), [.cascade, .cascade])
        XCTAssertEqual(join.indexes.map(\.columns), [["category_id"]])
        XCTAssertEqual(join.trace.sources, ["relation Product many-to-many Category", "relation Category many-to-many Product"])
    }

    func testIndexesFromIndexedFieldsButNotForUniqueOnes() throws {
        let orders = try table("orders", in: tables())
        XCTAssertEqual(orders.indexes.map(\.columns), [["status"], ["customer_email"]])
        XCTAssertEqual(orders.indexes.map(\.name), ["ix_orders_status", "ix_orders_customer_email"])
    }

    /// Shared-schema tenancy: the tenant leads every key, lookup and reference, so no row can point at another
    /// tenant's (issue 9).
    func testSharedSchemaTenancyLeadsEveryKeyForeignKeyAndLookupWithTheTenant() throws {
        let all = tables(ShopFixture.session(["data.multi_tenancy": .choice("shared_schema")]))
        let orders = try table("orders", in: all)
        XCTAssertEqual(orders.columns[1], Column(name: "tenant_id", type: .uuid, nullable: false))
        XCTAssertEqual(orders.primaryKey, ["tenant_id", "id"])
        XCTAssertEqual(orders.uniqueConstraints, [["tenant_id", "number"]])
        XCTAssertEqual(orders.indexes.map(\.columns),
                       [["tenant_id", "status"], ["tenant_id", "customer_email"], ["tenant_id", "created_at"]])
        XCTAssertEqual(orders.trace.answers, ["data.multi_tenancy"])
        let items = try table("order_items", in: all)
        XCTAssertEqual(items.foreignKeys.map(\.columns), [["tenant_id", "product_id"], ["tenant_id", "order_id"]])
        XCTAssertTrue(items.foreignKeys.allSatisfy { $0.referencedColumns == ["tenant_id", "id"] })
        XCTAssertEqual(items.indexes.first?.columns, ["tenant_id", "product_id"], "the foreign key's index covers the whole key")
        let join = try table("product_categories", in: all)
        XCTAssertEqual(join.primaryKey, ["tenant_id", "product_id", "category_id"])
        XCTAssertEqual(join.foreignKeys.map(\.columns), [["tenant_id", "product_id"], ["tenant_id", "category_id"]])
        let plain = tables()
        XCTAssertNil(try table("orders", in: plain).column("tenant_id"))
        XCTAssertEqual(try table("orders", in: plain).primaryKey, ["id"])
        XCTAssertEqual(try table("order_items", in: plain).foreignKeys.map(\.columns), [["product_id"], ["order_id"]])
    }

    /// A key that sets null on delete cannot carry the tenant (nulling it would null the tenant): it stays alone.
    func testASetNullReferenceKeepsItsSingleColumnKey() throws {
        var entities = ShopFixture.entities
        entities[2].relations.append(Relation(kind: .belongsTo, target: "Category", onDelete: .setNull))  // Product
        let products = try table("products", in: tables(ShopFixture.session(["data.multi_tenancy": .choice("shared_schema")], entities: entities)))
        let key = try XCTUnwrap(products.foreignKeys.first { $0.referencedTable == "categories" })
        XCTAssertEqual(key.columns, ["category_id"])
        XCTAssertEqual(key.onDelete, .setNull)
    }

    /// Without time-stamped tables, the many side of each relation is partitioned.
    func testPartitioningAboveTheThresholdOnTheManySide() throws {
        let big = tables(ShopFixture.session(["requirements.records_first_year": .number(50_000_000),
                                              "requirements.growth_per_year": .number(50),
                                              "requirements.retention_years": .number(3)]))
        XCTAssertEqual(DataModelGenerator.expectedRows(GeneratorInputs(session: ShopFixture.session([
            "requirements.records_first_year": .number(50_000_000), "requirements.growth_per_year": .number(50),
            "requirements.retention_years": .number(3)]))), 237_500_000)
        XCTAssertEqual(big.filter { $0.partitioning != nil }.map(\.name), ["order_items"])
        XCTAssertEqual(try table("order_items", in: big).partitioning?.display, "range by created_at, monthly")
        XCTAssertEqual(try table("order_items", in: big).trace.answers,
                       ["requirements.records_first_year", "requirements.growth_per_year", "requirements.retention_years"])
        let small = tables(ShopFixture.session(["requirements.records_first_year": .number(10_000_000),
                                                "requirements.retention_years": .number(5)]))
        XCTAssertEqual(small.filter { $0.partitioning != nil }.map(\.name), [], "50M rows stay under 100M")
    }

    /// Only the tables where rows pile up are partitioned: time-stamped records on the many side (not the
    /// tenant's), append-only logs and the parts they own; reference data and mutable state stay whole.
    func testPartitioningPicksTheTablesThatGrowOverTime() {
        let entities = [
            Entity(name: "Tenant"),
            Entity(name: "Clinic", fields: [Field(name: "name")], relations: [Relation(kind: .belongsTo, target: "Tenant")]),
            Entity(name: "Appointment", fields: [Field(name: "startsAt", type: .timestamp, required: true)],
                   relations: [Relation(kind: .belongsTo, target: "Clinic"), Relation(kind: .hasMany, target: "Reminder")]),
            Entity(name: "Reminder", fields: [Field(name: "channel")]),
            Entity(name: "AuditLog", fields: [Field(name: "action")], relations: [Relation(kind: .belongsTo, target: "Tenant")]),
            Entity(name: "Setting", fields: [Field(name: "updatedAt", type: .timestamp)],
                   relations: [Relation(kind: .belongsTo, target: "Clinic")]),
        ]
        let session = Session(projectName: "growth", answers: ["requirements.records_first_year": .number(500_000_000)],
                              entities: entities)
        XCTAssertEqual(tables(session).filter { $0.partitioning != nil }.map(\.name), ["appointments", "reminders", "audit_logs"])
    }

    /// With a database per service, a reference to another service's entity is an indexed id, not a foreign key
    /// (no constraint can span databases), and it no longer restricts deleting the parent; inside one service the
    /// foreign key stays.
    func testNoForeignKeyAcrossServiceDatabases() throws {
        let session = InfraFixtures.shop(style: "microservices")
        let schema = DataModelGenerator().tables(for: session, decisions: InfraFixtures.microservices)
        let orders = try table("orders", in: schema), items = try table("order_items", in: schema)
        XCTAssertEqual(orders.foreignKeys.map(\.referencedTable), [], "customers live in the Customers DB")
        XCTAssertEqual(orders.indexes.first { $0.columns == ["customer_id"] }?.reason,
                       "reference to Customer in Customers DB: no foreign key across databases")
        XCTAssertEqual(items.foreignKeys.map(\.referencedTable), ["orders"], "products are elsewhere, orders are not")
        let monolith = DataModelGenerator().tables(for: InfraFixtures.shop(), decisions: [])
        XCTAssertEqual(try table("orders", in: monolith).foreignKeys.map(\.referencedTable), ["customers"])
        let api = APIGenerator().endpoints(for: session, tables: schema, decisions: InfraFixtures.microservices)
        let deleteCustomer = try XCTUnwrap(api.first { $0.method == "DELETE" && $0.resource == "Customer" })
        XCTAssertFalse(deleteCustomer.responses.contains { $0.status == 409 }, "no foreign key restricts it")
    }

    func testUnknownTargetsAreSkippedAndHasOneIsUnique() throws {
        let entities = [
            Entity(name: "User", relations: [Relation(kind: .hasOne, target: "Profile"), Relation(kind: .belongsTo, target: "Ghost")]),
            Entity(name: "Profile", fields: [Field(name: "bio", type: .text)]),
        ]
        let all = tables(ShopFixture.session(entities: entities))
        XCTAssertEqual(try table("users", in: all).foreignKeys, [])
        let profiles = try table("profiles", in: all)
        XCTAssertEqual(profiles.foreignKeys.map(\.columns), [["user_id"]])
        XCTAssertEqual(profiles.indexes.first?.unique, true)
    }

    func testSelfRelationsAndFieldsShadowedByGeneratedColumns() throws {
        let entities = [Entity(name: "Category", fields: [Field(name: "id", type: .integer), Field(name: "createdAt", type: .timestamp)],
                               relations: [Relation(kind: .hasMany, target: "Category", name: "children")])]
        let categories = try table("categories", in: tables(ShopFixture.session(entities: entities)))
        XCTAssertEqual(categories.columns.map(\.name), ["id", "parent_category_id", "lock_version", "created_at", "updated_at"])
        XCTAssertEqual(categories.column("parent_category_id")?.nullable, true, "roots have no parent")
        XCTAssertEqual(categories.column("id")?.type, .uuid)
    }

    func testSameSessionSameTables() {
        XCTAssertEqual(tables(), tables())
    }
}
