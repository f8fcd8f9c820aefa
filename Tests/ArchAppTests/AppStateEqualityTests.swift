@testable import ArchApp
import ArchModel
import XCTest

/// `AppState ==` lists the properties it compares; a property added to AppState must be added there too.
final class AppStateEqualityTests: XCTestCase {
    func testEqualityCoversEveryStoredPropertyButTheCacheAndTheDeriver() {
        let stored = Set(Mirror(reflecting: Fixtures.state()).children.compactMap(\.label))
        let compared: Set = ["catalogue", "session", "history", "designRevision", "derivedRevision", "derivesDesignInline", "design",
                             "filePath", "screen", "focus", "method", "form", "inlineError",
                             "designPane", "awaitedSelection", "overlay", "narrowShowsDesign", "zoomed", "statusMessage", "size"]
        XCTAssertEqual(stored.subtracting(["layouts", "paneImages", "stepsContentWidth", "appliedEdits", "deriveDesign"]), compared,
                       "AppState gained or lost a property: update AppState.== and this list")
    }

    func testTwoStatesReachedByTheSameKeysAreEqualAndAKeyMakesThemDiffer() {
        var one = Fixtures.state(), two = Fixtures.state()
        one.press(.character("j"), .enter)
        two.press(.character("j"), .enter)
        XCTAssertEqual(one, two)
        two.press(.character("5"))
        XCTAssertNotEqual(one, two)
    }
}

/// The help box leaves the status line, which says how to close it.
final class HelpPlacementTests: XCTestCase {
    func testHelpLeavesTheStatusLineVisible() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.character("?"))
        let lines = state.screenLines
        XCTAssertTrue(lines[39].contains("close"), lines[39])
        XCTAssertFalse(lines[39].contains("│"), "no box border on the status line: \(lines[39])")
    }
}
