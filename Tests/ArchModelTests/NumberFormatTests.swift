import ArchModel
import XCTest

final class NumberFormatTests: XCTestCase {
    func testPlainCompactAndOneDecimal() {
        XCTAssertEqual(NumberFormat.plain(1500), "1500")
        XCTAssertEqual(NumberFormat.plain(2.5), "2.5")
        XCTAssertEqual(NumberFormat.compact(25_000), "25k")
        XCTAssertEqual(NumberFormat.compact(1_200_000), "1.2M")
        XCTAssertEqual(NumberFormat.oneDecimal(2.04), "2")
        XCTAssertEqual(NumberFormat.compact(0.02315), "0.023", "small figures keep two significant digits")
        XCTAssertEqual(NumberFormat.compact(0.5), "0.5")
        XCTAssertEqual(NumberFormat.compact(0), "0")
        XCTAssertEqual(NumberFormat.compact(0.96), "1")
    }

    /// One of a thing is singular; any other count is plural, irregular plurals given explicitly.
    func testCountedAgreesInNumber() {
        XCTAssertEqual(NumberFormat.counted(1, "instance"), "1 instance")
        XCTAssertEqual(NumberFormat.counted(3, "instance"), "3 instances")
        XCTAssertEqual(NumberFormat.counted(0, "pod"), "0 pods")
        XCTAssertEqual(NumberFormat.counted(2, "replica of the primary", plural: "replicas of the primary"), "2 replicas of the primary")
        XCTAssertEqual(NumberFormat.counted(1.5, "core"), "1.5 cores")
    }
}
