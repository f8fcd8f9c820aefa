import TerminalUI
import XCTest

final class LayoutTests: XCTestCase {
    func testFixedAndFillHorizontally() {
        let parts = Layout.split(Rect(x: 2, y: 1, width: 100, height: 10), .horizontal, [.fixed(20), .fill(1), .fixed(30)])
        XCTAssertEqual(parts, [
            Rect(x: 2, y: 1, width: 20, height: 10),
            Rect(x: 22, y: 1, width: 50, height: 10),
            Rect(x: 72, y: 1, width: 30, height: 10),
        ])
    }

    func testVerticalHeaderBodyFooter() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 80, height: 24), .vertical, [.fixed(1), .fill(1), .fixed(1)])
        XCTAssertEqual(parts.map(\.y), [0, 1, 23])
        XCTAssertEqual(parts.map(\.height), [1, 22, 1])
        XCTAssertEqual(parts.map(\.width), [80, 80, 80])
    }

    func testPercentAndWeights() {
        XCTAssertEqual(Layout.distribute(80, [.percent(25), .fill(1)]), [20, 60])
        XCTAssertEqual(Layout.distribute(10, [.fill(1), .fill(2)]), [4, 6])
        XCTAssertEqual(Layout.distribute(12, [.fill(1), .fill(1), .fill(1)]), [4, 4, 4])
    }

    func testMinIsHonouredThenGrows() {
        XCTAssertEqual(Layout.distribute(10, [.min(4), .fill(1)]), [4, 6])
        XCTAssertEqual(Layout.distribute(5, [.min(4), .fill(1)]), [4, 1])
        XCTAssertEqual(Layout.distribute(3, [.min(4), .fill(1)]), [3, 0])
        XCTAssertEqual(Layout.distribute(10, [.min(4), .min(2)]), [6, 4])
    }

    func testTinyRectNeverGoesNegative() {
        XCTAssertEqual(Layout.distribute(5, [.fixed(3), .fixed(4), .fill(1)]), [3, 2, 0])
        XCTAssertEqual(Layout.distribute(0, [.fixed(3), .min(2), .fill(1)]), [0, 0, 0])
        XCTAssertEqual(Layout.distribute(-3, [.fixed(3)]), [0])
    }

    func testWithoutGrowablePartsTheLastTakesTheRest() {
        XCTAssertEqual(Layout.distribute(10, [.fixed(3), .fixed(3)]), [3, 7])
    }

    func testLengthsAlwaysSumToTheRect() {
        let sets: [[Constraint]] = [
            [.fixed(3), .fill(1)], [.percent(33), .percent(33), .fill(2)], [.min(5), .min(5), .fill(3)],
            [.fixed(7), .percent(50), .min(2)], [.fill(1), .fill(1), .fill(1), .fill(1)], [.percent(150)],
        ]
        for constraints in sets {
            for total in 0...40 {
                let lengths = Layout.distribute(total, constraints)
                XCTAssertEqual(lengths.reduce(0, +), total, "\(constraints) at \(total)")
                XCTAssertTrue(lengths.allSatisfy { $0 >= 0 }, "\(constraints) at \(total): \(lengths)")
            }
        }
    }

    func testEmptyConstraintsGiveNoRects() {
        XCTAssertEqual(Layout.split(Rect(x: 0, y: 0, width: 10, height: 10), .vertical, []), [])
    }
}
