@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import TestSupport
import XCTest

/// Panes whose inputs did not change are copied from the last frame (`PaneImages`), not drawn again. Every frame of
/// long walks over the app — typing, moving, answering, switching tabs, filtering, editing, undoing, resizing — must
/// be exactly the frame drawn without the cache: a key that misses an input of its pane shows here as a stale pane.
final class PaneImagesTests: XCTestCase {
    private static let builder = try? DesignBuilder.standard()

    private static let alphabet: [Key] = [
        .up, .down, .left, .right, .enter, .escape, .tab, .backTab, .home, .end, .pageUp, .pageDown, .backspace,
        .character("j"), .character("k"), .character("g"), .character("G"), .character("]"), .character("["),
        .character("u"), .ctrl("r"), .character("x"), .character(" "), .character("a"), .character("d"), .character("y"),
        .character("n"), .character("/"), .character("e"), .character("1"), .character("4"), .character("5"),
        .character("6"), .character("7"), .character("z"), .character("v"), .character("t"), .character("?"),
        .character("Q"), .character("é"), .character("漢"), .ctrl("u"), .paste("Orders\nPayments"),
    ]

    func testEveryFrameDrawnFromTheCacheIsTheFrameDrawnWithout() throws {
        let builder = try XCTUnwrap(Self.builder)
        let session = try Demo.session(catalogue: builder.catalogue)
        var random = SplitMix64(seed: 0xA5C11)
        for walk in 0..<12 {
            var state = AppState(catalogue: builder.catalogue, session: session, filePath: "demo.archtui.yaml",
                                 size: Size(width: walk % 3 == 0 ? 90 : 140, height: 40), deriveDesign: DesignDeriver { builder.build($0) })
            state.derivesDesignInline = walk % 2 == 0 // half the walks: designs arrive later, in between keys
            var keys: [Key] = []
            for step in 0..<150 {
                let key = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
                keys.append(key)
                _ = state.reduce(.key(key))
                if key == .character("q") || key == .character("Q") { continue }
                if !state.derivesDesignInline, step % 7 == 0, state.designIsStale {
                    _ = state.reduce(.designDerived(builder.build(state.session), revision: state.designRevision))
                }
                if step % 50 == 49 { _ = state.reduce(.resize(Size(width: 100 + Int(random.next() % 60), height: 30 + Int(random.next() % 20)))) }
                let cached = AppView.render(state)
                var uncached = state
                uncached.paneImages = PaneImages(keeping: false)
                let drawn = AppView.render(uncached)
                guard cached == drawn else {
                    return XCTFail("walk \(walk), after \(keys.map(\.description).joined(separator: " ")):\n"
                                   + "cached:\n\(cached.lines.joined(separator: "\n"))\nwithout the cache:\n\(drawn.lines.joined(separator: "\n"))")
                }
            }
        }
    }

    func testAnUnchangedPaneIsCopiedAndAChangedOneDrawn() {
        let images = PaneImages()
        var drawn = 0
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        for (key, text) in [(1, "one"), (1, "ignored"), (2, "twelve")] {
            images.draw("pane", key: key, in: Rect(x: 2, y: 1, width: 6, height: 1), buffer: &buffer) {
                drawn += 1
                $0.write(text, x: 2, y: 1)
            }
        }
        XCTAssertEqual(drawn, 2, "the same key copies")
        XCTAssertEqual(buffer.lines[1], "  twelve  ", "a new key draws again")
    }
}
