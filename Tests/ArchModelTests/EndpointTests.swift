import ArchModel
import XCTest

/// Endpoints share their fields between copies, but behave as plain values.
final class EndpointTests: XCTestCase {
    private let order = Endpoint(method: "GET", path: "/v1/orders/{orderId}", operationId: "getOrder", summary: "Get an order",
                                 resource: "Order", parameters: [Endpoint.Parameter(name: "orderId", location: .path, type: .uuid)])

    func testSettingAFieldOfACopyLeavesTheOriginal() {
        var copy = order
        copy.path = "/v2/orders/{orderId}"
        copy.parameters.append(Endpoint.Parameter(name: "expand", location: .query))
        XCTAssertEqual(order.path, "/v1/orders/{orderId}")
        XCTAssertEqual(order.parameters.count, 1)
        XCTAssertEqual(copy.parameters.map(\.name), ["orderId", "expand"])
        XCTAssertNotEqual(copy, order)
    }

    func testEqualFieldsMeanEqualEndpointsAndHashes() {
        let twin = Endpoint(method: "GET", path: "/v1/orders/{orderId}", operationId: "getOrder", summary: "Get an order",
                            resource: "Order", parameters: [Endpoint.Parameter(name: "orderId", location: .path, type: .uuid)])
        XCTAssertEqual(twin, order)
        XCTAssertEqual(Set([twin, order]).count, 1)
        var changedBack = order
        changedBack.summary = "other"
        changedBack.summary = "Get an order"
        XCTAssertEqual(changedBack, order)
    }

    func testDescriptionShowsTheFields() {
        let text = String(describing: order)
        XCTAssertTrue(text.contains("/v1/orders/{orderId}") && text.contains("getOrder"), text)
    }
}
