@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import TestSupport
import XCTest

/// The journal records the edits `AppState` applied (`takeAppliedEdits`) and replays them on the session it started
/// from. Over long random walks of editing — lists, forms, answers, deletes confirmed, undo and redo — the replay must
/// give exactly the session the app holds, and a JSON round trip of each edit must not change it.
final class AppliedEditsTests: XCTestCase {
    private static let alphabet: [Key] = [
        .up, .down, .enter, .escape, .tab, .backTab, .home, .end, .backspace, .delete,
        .character("j"), .character("k"), .character("]"), .character("["), .character("u"), .ctrl("r"),
        .character("x"), .character(" "), .character("a"), .character("d"), .character("y"), .character("K"), .character("J"),
        .character("e"), .character("r"), .character("D"), .character("4"), .character("6"), .character("G"), .character("g"),
        .character("7"), .character("B"), .ctrl("u"), .paste("Orders\nPayments"), .paste("sku: string"),
    ]

    func testReplayingTheAppliedEditsGivesTheSession() throws {
        let builder = try DesignBuilder.standard()
        let start = try Demo.session(catalogue: builder.catalogue)
        var random = SplitMix64(seed: 0x10C)
        var journalled = 0
        for walk in 0..<10 {
            var state = AppState(catalogue: builder.catalogue, session: start, filePath: "demo.archtui.yaml",
                                 size: Size(width: 140, height: 40))
            var replayed = state.session
            for step in 0..<400 {
                let key = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
                _ = state.reduce(.key(key))
                for edit in state.takeAppliedEdits() {
                    let decoded = try JSONDecoder().decode(SessionEdit.self, from: JSONEncoder().encode(edit))
                    XCTAssertEqual(decoded, edit)
                    _ = replayed.apply(decoded)
                    journalled += 1
                }
                guard replayed == state.session else {
                    return XCTFail("walk \(walk), step \(step) (\(key)): the replay differs from the session")
                }
            }
        }
        XCTAssertGreaterThan(journalled, 100, "the walks edited the session")
    }
}
