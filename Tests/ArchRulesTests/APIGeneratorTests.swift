import ArchModel
@testable import ArchRules
import Foundation
import XCTest

final class APIGeneratorTests: XCTestCase {
    private func endpoints(_ answers: [String: AnswerValue] = [:], entities: [Entity] = ShopFixture.entities) -> [Endpoint] {
        let session = ShopFixture.session(answers, entities: entities)
        let tables = DataModelGenerator().tables(for: session, decisions: [])
        return APIGenerator().endpoints(for: session, tables: tables, decisions: [])
    }

    private func endpoint(_ method: String, _ path: String, in all: [Endpoint]) throws -> Endpoint {
        try XCTUnwrap(all.first { $0.method == method && $0.path == path }, "no \(method) \(path)")
    }

    private func json(_ text: String?) throws -> [String: Any] {
        let data = try XCTUnwrap(text?.data(using: .utf8))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Audit logs, ledgers, journals, histories and the lines of a book are written once: no PATCH or DELETE (a
    /// correction is a reversing entry). A `LogoEntry` or a `PriceLine` is editable.
    func testAppendOnlyRecordsGetNoUpdateOrDelete() {
        let entities = ["AuditLog", "AuditTrailEvent", "Ledger", "OrderHistory", "LedgerEntry", "JournalLine", "StockPosting",
                        "LogoEntry", "PriceLine"].map {
            Entity(name: $0, fields: [Field(name: "note")])
        }
        let methods = Dictionary(grouping: endpoints(entities: entities), by: \.resource).mapValues { $0.map(\.method) }
        for name in ["Ledger", "OrderHistory", "LedgerEntry", "JournalLine", "StockPosting"] {
            XCTAssertEqual(methods[name], ["GET", "POST", "GET"], name)
        }
        // Audit records are the system's own: clients read them, and cannot forge one with a POST (issue 9).
        for name in ["AuditLog", "AuditTrailEvent"] {
            XCTAssertEqual(methods[name], ["GET", "GET"], name)
        }
        let session = ShopFixture.session([:], entities: entities)
        let flows = SequenceGenerator().sequences(session: session, components: ComponentGenerator().components(session: session, decisions: [], ruleComponents: []),
                                                  endpoints: endpoints(entities: entities), decisions: [])
        XCTAssertFalse(flows.contains { $0.title.hasPrefix("Create Audit") }, "no create flow for what clients cannot create: \(flows.map(\.title))")
        XCTAssertTrue(flows.contains { $0.title == "Create Ledger" })
        XCTAssertEqual(methods["LogoEntry"], ["GET", "POST", "GET", "PATCH", "DELETE"])
        XCTAssertEqual(methods["PriceLine"], ["GET", "POST", "GET", "PATCH", "DELETE"])
        // Written once: no update time in the examples, and the table keeps no version or update time.
        let all = endpoints(entities: entities)
        let auditLog = try? json(all.first { $0.resource == "AuditLog" && $0.method == "GET" && $0.path.contains("{") }?.responseExample)
        XCTAssertNotNil(auditLog?["createdAt"])
        XCTAssertNil(auditLog?["updatedAt"])
        let table = DataModelGenerator().tables(for: ShopFixture.session([:], entities: entities), decisions: []).first { $0.entity == "AuditLog" }
        XCTAssertEqual(table?.columns.map(\.name), ["id", "note", "created_at"])
        XCTAssertNotNil(DataModelGenerator().tables(for: ShopFixture.session([:], entities: entities), decisions: [])
            .first { $0.entity == "LogoEntry" }?.column("lock_version"))
        XCTAssertNil(DataModelGenerator().tables(for: ShopFixture.session([:], entities: entities), decisions: [])
            .first { $0.entity == "LedgerEntry" }?.column("lock_version"))
    }

    /// Money and legal records are never deleted (issue 9): they are changed to cancelled, refunded or void. The
    /// last word decides, so a saved payment method can still be removed.
    func testMoneyRecordsGetNoDelete() {
        let entities = ["Payment", "Invoice", "CardTransaction", "PaymentMethod", "Charger"].map {
            Entity(name: $0, fields: [Field(name: "note")])
        }
        let methods = Dictionary(grouping: endpoints(entities: entities), by: \.resource).mapValues { $0.map(\.method) }
        for name in ["Payment", "Invoice", "CardTransaction"] {
            XCTAssertEqual(methods[name], ["GET", "POST", "GET", "PATCH"], name)
        }
        for name in ["PaymentMethod", "Charger"] {
            XCTAssertEqual(methods[name], ["GET", "POST", "GET", "PATCH", "DELETE"], name)
        }
    }

    /// Shared-schema tenancy: the tenant comes from the token, so `tenantId` is no filter and no body member.
    func testTenantIdComesFromTheTokenUnderSharedSchemaTenancy() throws {
        let entities = [Entity(name: "Tenant", fields: [Field(name: "slug", unique: true)]),
                        Entity(name: "Patient", fields: [Field(name: "name")], relations: [Relation(kind: .belongsTo, target: "Tenant")])]
        let shared = endpoints(["data.multi_tenancy": .choice("shared_schema")], entities: entities)
        let list = try endpoint("GET", "/v1/patients", in: shared)
        XCTAssertFalse(list.parameters.contains { $0.name == "tenantId" }, "\(list.parameters.map(\.name))")
        XCTAssertNil(try json(endpoint("POST", "/v1/patients", in: shared).requestExample)["tenantId"])
        // Without shared tenancy the tenant is an ordinary parent: a filter and a member.
        let separate = endpoints(entities: entities)
        XCTAssertTrue(try endpoint("GET", "/v1/patients", in: separate).parameters.contains { $0.name == "tenantId" })
        XCTAssertNotNil(try json(endpoint("POST", "/v1/patients", in: separate).requestExample)["tenantId"])
    }

    /// Owner-only authorisation: the principal's own record, records reached through it, and reference data
    /// nobody owns; without a principal entity, the records the caller created.
    func testOwnerOnlyAuthorizationFollowsWhoOwnsTheRecords() throws {
        let owner: [String: AnswerValue] = ["api.authorization": .choice("owner"), "api.auth": .choices(["oidc"])]
        let entities = ShopFixture.entities + [Entity(name: "Customer", fields: [Field(name: "email", type: .email)])]
        var withCustomer = entities
        withCustomer[0].relations.append(Relation(kind: .belongsTo, target: "Customer"))
        let all = endpoints(owner, entities: withCustomer)
        func authorization(_ method: String, _ path: String) throws -> String { try endpoint(method, path, in: all).authorization }
        XCTAssertTrue(try authorization("GET", "/v1/customers/{customerId}").hasSuffix("owner only: the caller's own customer record; others' answer 404"))
        XCTAssertTrue(try authorization("GET", "/v1/orders").hasSuffix("owner only: orders of the calling customer; others' answer 404"))
        XCTAssertTrue(try authorization("PATCH", "/v1/order-items/{orderItemId}").hasSuffix("owner only: order items of the calling customer; others' answer 404"))
        XCTAssertTrue(try authorization("GET", "/v1/products").hasSuffix("no owner (reference data): any signed-in caller"))
        XCTAssertTrue(try authorization("POST", "/v1/products").hasSuffix("no owner (reference data): an admin role only"))
        let noPrincipal = try endpoint("GET", "/v1/products", in: endpoints(owner)).authorization
        XCTAssertTrue(noPrincipal.hasSuffix("owner only: the caller's own product records; others' answer 404"), noPrincipal)
    }

    func testRoutesPerEntityWithOwnedChildrenNested() {
        XCTAssertEqual(endpoints().map { "\($0.method) \($0.path)" }, [
            "GET /v1/orders", "POST /v1/orders",
            "GET /v1/orders/{orderId}", "PATCH /v1/orders/{orderId}",
            "POST /v1/orders/{orderId}/pay", "POST /v1/orders/{orderId}/ship",  // status: pending → paid, shipped
            "DELETE /v1/orders/{orderId}",
            "GET /v1/orders/{orderId}/items", "POST /v1/orders/{orderId}/items",
            "GET /v1/order-items/{orderItemId}", "PATCH /v1/order-items/{orderItemId}", "DELETE /v1/order-items/{orderItemId}",
            "GET /v1/products", "POST /v1/products",
            "GET /v1/products/{productId}", "PATCH /v1/products/{productId}", "DELETE /v1/products/{productId}",
            "GET /v1/categories", "POST /v1/categories",
            "GET /v1/categories/{categoryId}", "PATCH /v1/categories/{categoryId}", "DELETE /v1/categories/{categoryId}",
        ])
        XCTAssertEqual(endpoints().prefix(9).map(\.operationId), [
            "listOrders", "createOrder", "getOrder", "updateOrder", "payOrder", "shipOrder", "deleteOrder", "listOrderItemsOfOrder",
            "createOrderItemOfOrder",
        ])
    }

    func testStatusCodes() throws {
        let all = endpoints()
        XCTAssertEqual(try endpoint("GET", "/v1/orders", in: all).responses.map(\.status), [200, 400, 401, 403, 429, 500])
        XCTAssertEqual(try endpoint("POST", "/v1/orders", in: all).responses.map(\.status), [201, 400, 401, 403, 409, 422, 429, 500])
        XCTAssertEqual(try endpoint("GET", "/v1/orders/{orderId}", in: all).responses.map(\.status), [200, 401, 403, 404, 429, 500])
        XCTAssertEqual(try endpoint("PATCH", "/v1/orders/{orderId}", in: all).responses.map(\.status),
                       [200, 400, 401, 403, 404, 409, 412, 422, 428, 429, 500])
        XCTAssertEqual(try endpoint("DELETE", "/v1/products/{productId}", in: all).responses.map(\.status),
                       [204, 401, 403, 404, 409, 412, 428, 429, 500], "order items restrict deleting a product")
        XCTAssertEqual(try endpoint("POST", "/v1/orders/{orderId}/items", in: all).responses.map(\.status),
                       [201, 400, 401, 403, 404, 409, 422, 429, 500])
        let created = try endpoint("POST", "/v1/orders", in: all).responses[0].description
        XCTAssertEqual(created, "order created; Location: /v1/orders/{orderId}")
        XCTAssertTrue(try endpoint("GET", "/v1/orders/{orderId}", in: all).responses[3].description.contains("RFC 9457"))
        let unlimited = endpoints(["api.rate_limiting": .choice("none")])
        XCTAssertFalse(unlimited.contains { $0.responses.contains { $0.status == 429 } })
    }

    func testVersioningVariants() throws {
        let header = endpoints(["api.versioning": .choice("header")])
        XCTAssertEqual(header.first?.path, "/orders")
        XCTAssertEqual(header.first?.parameters.filter { $0.location == .header }.map(\.name), ["API-Version"])
        let none = endpoints(["api.versioning": .choice("none")])
        XCTAssertEqual(none.first?.path, "/orders")
        XCTAssertFalse(none.contains { $0.parameters.contains { $0.name == "API-Version" } })
        let decided = APIGenerator().endpoints(
            for: ShopFixture.session(), tables: [],
            decisions: [Decision(topic: "api.versioning", choice: "header", title: "", category: .api, rationale: "")])
        XCTAssertEqual(decided.first?.path, "/orders", "a decision on the topic wins over the default")
    }

    func testOnlyForRest() {
        XCTAssertEqual(endpoints(["api.style": .choice("graphql")]), [])
        XCTAssertEqual(endpoints(["api.style": .choice("rest")]).count, 22)
    }

    func testPaginationParametersAndFilters() throws {
        let list = try endpoint("GET", "/v1/products", in: endpoints())
        XCTAssertTrue(list.paginated)
        XCTAssertEqual(list.parameters.map(\.name), ["limit", "cursor", "sku", "name"])
        let offset = try endpoint("GET", "/v1/orders", in: endpoints(["api.pagination": .choice("offset")]))
        XCTAssertEqual(offset.parameters.map(\.name), ["limit", "offset", "number", "status"])
        XCTAssertEqual(offset.parameters[3].description, "one of: pending, paid, shipped")
        let unpaged = try endpoint("GET", "/v1/orders", in: endpoints(["api.pagination": .choice("none")]))
        XCTAssertFalse(unpaged.paginated)
        XCTAssertEqual(unpaged.parameters.map(\.name), ["number", "status"])
        let nested = try endpoint("GET", "/v1/orders/{orderId}/items", in: endpoints())
        XCTAssertEqual(nested.parameters.map(\.name), ["orderId", "limit", "cursor", "productId"])
        XCTAssertEqual(nested.parameters[0].location, .path)
    }

    func testNoPersonalDataInPathsOrQueries() {
        for endpoint in endpoints() {
            XCTAssertFalse(endpoint.parameters.contains { $0.location != .header && $0.name == "customerEmail" }, endpoint.path)
            XCTAssertFalse(endpoint.path.lowercased().contains("email"))
        }
    }

    func testIdempotencyKeyOnCreates() throws {
        let keyed = try endpoint("POST", "/v1/products", in: endpoints())
        XCTAssertTrue(keyed.requiresIdempotencyKey)
        XCTAssertEqual(keyed.parameters.map(\.name), ["Idempotency-Key"])
        let unhandled = endpoints(["api.idempotency": .choice("none")])
        XCTAssertTrue(try endpoint("POST", "/v1/orders", in: unhandled).requiresIdempotencyKey, "orders are retried with money at stake")
        XCTAssertFalse(try endpoint("POST", "/v1/products", in: unhandled).requiresIdempotencyKey)
        let noRetries = endpoints(["api.idempotency": .choice("none"), "services.failure_handling": .choices(["timeouts"])])
        XCTAssertFalse(try endpoint("POST", "/v1/orders", in: noRetries).requiresIdempotencyKey)
        XCTAssertFalse(try endpoint("PATCH", "/v1/orders/{orderId}", in: endpoints()).requiresIdempotencyKey)
    }

    func testExamplesAreValidJSONWithTheRightKeys() throws {
        for endpoint in endpoints() {
            if let request = endpoint.requestExample { XCTAssertNoThrow(try json(request), "\(endpoint.method) \(endpoint.path)") }
            if let response = endpoint.responseExample { XCTAssertNoThrow(try json(response), "\(endpoint.method) \(endpoint.path)") }
        }
        let all = endpoints()
        let order = try json(try endpoint("GET", "/v1/orders/{orderId}", in: all).responseExample)
        XCTAssertEqual(Set(order.keys), ["id", "number", "status", "total", "customerEmail", "placedAt", "createdAt", "updatedAt"])
        XCTAssertEqual(order["customerEmail"] as? String, "ada@example.com")
        XCTAssertEqual(order["status"] as? String, "pending")
        XCTAssertEqual(order["placedAt"] as? String, "2026-01-15T09:30:00Z")
        XCTAssertEqual((order["total"] as? [String: String]), ["amount": "19.99", "currency": "EUR"])
        XCTAssertEqual(order["id"] as? String, ExampleValues.uuid("Order"))
        let createItem = try json(try endpoint("POST", "/v1/orders/{orderId}/items", in: all).requestExample)
        XCTAssertEqual(Set(createItem.keys), ["productId", "quantity", "unitPrice"], "the order id is in the path")
        XCTAssertEqual(createItem["productId"] as? String, ExampleValues.uuid("Product"))
        let item = try json(try endpoint("GET", "/v1/order-items/{orderItemId}", in: all).responseExample)
        XCTAssertEqual(item["orderId"] as? String, ExampleValues.uuid("Order"))
        let page = try json(try endpoint("GET", "/v1/products", in: all).responseExample)
        XCTAssertEqual((page["data"] as? [Any])?.count, 1)
        XCTAssertNotNil((page["page"] as? [String: Any])?["nextCursor"])
        XCTAssertNil(try endpoint("DELETE", "/v1/orders/{orderId}", in: all).responseExample)
    }

    func testAuthorizationServiceAndTrace() throws {
        let all = endpoints(["api.auth": .choices(["oidc"]), "api.authorization": .choice("rbac")])
        let create = try endpoint("POST", "/v1/orders", in: all)
        XCTAssertEqual(create.authorization, "bearer token (OIDC); scope orders:write; RBAC: a role granting orders:write")
        XCTAssertEqual(try endpoint("GET", "/v1/orders", in: all).authorization,
                       "bearer token (OIDC); scope orders:read; RBAC: a role granting orders:read")
        XCTAssertEqual(create.service, "Ordering")
        XCTAssertEqual(try endpoint("GET", "/v1/categories", in: all).service, "")
        XCTAssertEqual(create.trace.sources, ["entity Order"])
        XCTAssertEqual(create.trace.answers, ["api.auth", "api.authorization"])
        let nested = try endpoint("GET", "/v1/orders/{orderId}/items", in: all)
        XCTAssertEqual(nested.trace.sources, ["entity OrderItem", "relation Order has-many OrderItem"])
        let owner = endpoints(["api.authorization": .choice("owner"), "data.multi_tenancy": .choice("shared_schema")])
        XCTAssertEqual(try endpoint("GET", "/v1/orders/{orderId}", in: owner).authorization,
                       "bearer token (OIDC); scope orders:read; owner only: the caller's own order records; others' answer 404; within the caller's tenant")
    }

    func testHostileNamesStaySafeInPaths() {
        let entities = [Entity(name: "order; DROP TABLE x"), Entity(name: "../etc"), Entity(name: "注文")]
        let paths = endpoints(entities: entities).map(\.path)
        XCTAssertEqual(Set(paths.map { $0.split(separator: "/").dropFirst().first.map(String.init) ?? "" }),
                       ["order-drop-table-xes", "etcs", "u6ce8u6587"])
        for path in paths {
            XCTAssertTrue(path.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "-/{}".contains($0) || $0.isUppercase) }, path)
            XCTAssertFalse(path.contains(".."))
        }
    }

    func testHasOneIsASingletonUnderItsParentAndSelfOwnershipKeepsTheTopLevelList() throws {
        let entities = [
            Entity(name: "User", relations: [Relation(kind: .hasOne, target: "UserProfile")]),
            Entity(name: "UserProfile", fields: [Field(name: "bio", type: .text)]),
            Entity(name: "Category", relations: [Relation(kind: .hasMany, target: "Category", name: "subcategories")]),
        ]
        let all = endpoints(entities: entities)
        let profile = try endpoint("GET", "/v1/users/{userId}/profile", in: all)
        XCTAssertFalse(profile.paginated)
        XCTAssertEqual(profile.operationId, "getUserProfileOfUser")
        XCTAssertEqual(profile.responses.map(\.status), [200, 401, 403, 404, 429, 500])
        XCTAssertTrue(try endpoint("POST", "/v1/users/{userId}/profile", in: all).responses.contains { $0.status == 409 })
        XCTAssertFalse(all.contains { $0.path == "/v1/user-profiles" })
        XCTAssertNoThrow(try endpoint("GET", "/v1/categories", in: all))
        XCTAssertNoThrow(try endpoint("GET", "/v1/categories/{categoryId}/subcategories", in: all))
    }

    func testOddNamesStillGiveSafeRoutesAndValidExamples() throws {
        let entities = [
            Entity(name: "", fields: [Field(name: "", type: .string)]),
            Entity(name: "🚀 Rocket", fields: [Field(name: "na\"me\\", type: .string, indexed: true)]),
            Entity(name: "123", relations: [Relation(kind: .belongsTo, target: "🚀 rocket")]),
        ]
        let all = endpoints(entities: entities)
        XCTAssertEqual(Set(all.map(\.path)).filter { !$0.contains("{") }.sorted(), ["/v1/n123", "/v1/rockets", "/v1/unnamed"])
        for endpoint in all {
            if let body = endpoint.responseExample { XCTAssertNoThrow(try json(body), endpoint.path) }
            if let body = endpoint.requestExample { XCTAssertNoThrow(try json(body), endpoint.path) }
        }
        let rocket = try json(try endpoint("GET", "/v1/rockets/{rocketId}", in: all).responseExample)
        XCTAssertEqual(rocket["naMe"] as? String, "Na me 1")
        let tables = DataModelGenerator().tables(for: ShopFixture.session(entities: entities), decisions: [])
        XCTAssertEqual(tables.map(\.name), ["unnamed", "rockets", "n123"])
        XCTAssertEqual(tables[2].foreignKeys.map(\.referencedTable), ["rockets"])
    }
}
