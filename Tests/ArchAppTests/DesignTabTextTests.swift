@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import XCTest

/// The design pane measures every item but wraps only those on screen. Whatever it shows must be what
/// wrapping every item of the tab gives (the pane did exactly that before it was lazy).
final class DesignTabTextTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    /// Every item made and wrapped, as the pane did before: the lines, and each item's first and last line.
    private static func eager(_ items: [DesignItem], width: Int) -> (lines: [[Span]], ranges: [ClosedRange<Int>?]) {
        var lines: [[Span]] = []
        var ranges: [ClosedRange<Int>?] = []
        for item in items {
            let first = lines.count
            for line in item.lines { lines += WordWrap.wrap(line, width: width) }
            ranges.append(lines.count > first ? first...(lines.count - 1) : nil)
        }
        return (lines, ranges)
    }

    private static func state(_ session: Session, size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = AppState(catalogue: builder.catalogue, session: session, filePath: "test.archtui.yaml", size: size,
                             deriveDesign: DesignDeriver { builder.build($0) })
        _ = state.reduce(.key(.tab)) // the design pane
        return state
    }

    /// The pane's rows (inside the border, below the tab row), as text.
    private static func paneRows(_ state: AppState) -> [String] {
        let rect = MethodLayout(size: state.size, showsDesign: state.narrowShowsDesign).design!
        let area = DesignPaneContent.area(in: rect)
        let screen = AppView.render(state)
        return (area.y..<area.maxY).map { y in
            (area.x..<area.maxX).map { screen[$0, y].grapheme }.joined()
        }
    }

    private static func padded(_ line: [Span], to width: Int) -> String {
        line.plainText + String(repeating: " ", count: max(0, width - line.displayWidth))
    }

    func testEveryTabOfEverySampleMeasuresAndWrapsLikeWrappingEverything() throws {
        let sessions = try [("demo", Demo.session())] + SampleSessions.all()
        for (name, session) in sessions {
            var state = Self.state(session)
            for tab in DesignTab.allCases {
                state.designPane.tab = tab
                for width in [9, 23, 38, 97] {
                    let items = DesignSections(design: state.design, session: state.session, catalogue: state.catalogue, width: width)
                        .items(for: tab)
                    let text = DesignTabText(state: state, width: width)
                    let eager = Self.eager(items.all, width: width)
                    let context = "\(name), \(tab.title) at \(width)"
                    XCTAssertEqual(text.lineCount, eager.lines.count, context)
                    XCTAssertEqual((0..<items.count).map(text.lines(of:)), eager.ranges, context)
                    XCTAssertEqual(text.lines(in: 0..<text.lineCount), eager.lines, context)
                    XCTAssertEqual(text.selectable, items.all.indices.filter { items.all[$0].isSelectable }, context)
                }
            }
        }
    }

    func testAPIAndSchemaItemsMatchTheirPlainText() throws {
        let state = Self.state(try Demo.session())
        let sections = DesignSections(design: state.design, session: state.session, catalogue: state.catalogue)
        for tab in [DesignTab.api, .schema] {
            let items = sections.items(for: tab)
            XCTAssertGreaterThan(items.count, 10, "the demo has a long \(tab.title) tab")
            XCTAssertEqual(items.all.flatMap { $0.lines.map(\.plainText) }, sections.plainText(for: tab))
        }
    }

    func testBottomOfALongTabShowsTheLastWrappedLines() throws {
        var state = Self.state(try Demo.session())
        _ = state.reduce(.key(.character("4")))
        _ = state.reduce(.key(.character("G")))
        let rows = Self.paneRows(state)
        let width = rows[0].count
        let eager = Self.eager(DesignSections(design: state.design, session: state.session, catalogue: state.catalogue, width: width)
            .items(for: .api).all, width: width)
        XCTAssertGreaterThan(eager.lines.count, rows.count * 5, "a tab many screens long")
        XCTAssertEqual(rows, eager.lines.suffix(rows.count).map { Self.padded($0, to: width) })
        XCTAssertTrue(AppView.render(state).trimmedLines.joined().contains("/\(eager.lines.count)"), "position shows the total")
    }

    func testOnlyTheItemsOnScreenAreWrapped() throws {
        var state = Self.state(try Demo.session())
        state.reduceAndDraw(.key(.character("4")))
        let text = try XCTUnwrap(state.layouts.kept(state.designPane.tab))
        let firstScreen = Set(text.item(atLine: 0)...text.item(atLine: 35))
        XCTAssertEqual(Set(text.wrapped.keys), firstScreen)
        XCTAssertLessThan(text.wrapped.count, text.items.count / 5)
        state.reduceAndDraw(.key(.character("G")))
        let bottom = try XCTUnwrap(state.layouts.kept(state.designPane.tab))
        XCTAssertTrue(bottom.wrapped.keys.allSatisfy { bottom.lines(of: $0)!.upperBound >= bottom.lineCount - 36 },
                      "items scrolled away are dropped")
        XCTAssertTrue(bottom.wrapped.keys.contains(bottom.items.count - 1))
    }

    func testAResizeRemeasuresAtTheNewWidth() throws {
        var state = Self.state(try Demo.session())
        state.reduceAndDraw(.key(.character("4")))
        for _ in 0..<30 { state.reduceAndDraw(.key(.character("j"))) }
        let scroll = state.designPane.scroll
        for size in [Size(width: 170, height: 45), Size(width: 95, height: 30), Size(width: 120, height: 40)] {
            state.reduceAndDraw(.resize(size))
            let rows = Self.paneRows(state)
            let width = rows[0].count
            let text = try XCTUnwrap(state.layouts.kept(state.designPane.tab))
            XCTAssertEqual(text.key.width, width)
            let eager = Self.eager(text.items.all, width: width)
            XCTAssertEqual(text.lineCount, eager.lines.count, "\(size)")
            let content = DesignPaneContent(state: state, paneRect: MethodLayout(size: size, showsDesign: false).design!)
            let shown = content.shownLines(scroll: state.designPane.scroll)
            XCTAssertEqual(Array(rows.prefix(shown.count)), eager.lines[shown].map { Self.padded($0, to: width) }, "\(size)")
            XCTAssertEqual(shown.lowerBound, min(scroll, eager.lines.count - content.area.height), "the offset stays, as before")
        }
    }

    func testTabsStayLaidOutUntilTheDesignOrTheWidthChanges() throws {
        var state = Self.state(try Demo.session())
        state.reduceAndDraw(.key(.character("4")))
        let api = try XCTUnwrap(state.layouts.kept(.api))
        state.reduceAndDraw(.key(.character("5")))
        XCTAssertEqual(state.layouts.kept(.api)?.key, api.key, "kept while on Schema")
        XCTAssertEqual(state.designTabText(width: api.key.width).key.tab, .schema)
        state.reduceAndDraw(.key(.character("4")))
        XCTAssertEqual(state.layouts.kept(.api)?.starts, api.starts)
        state.reduceAndDraw(.resize(Size(width: 150, height: 40)))
        XCTAssertEqual(state.layouts.tabs, [.api], "tabs laid out at the old width are dropped")
        XCTAssertNotEqual(state.layouts.kept(.api)?.key.width, api.key.width)
    }

    func testSelectionAndTraceFollowTheItems() throws {
        var state = Self.state(try Demo.session())
        _ = state.reduce(.key(.character("4")))
        for _ in 0..<12 { _ = state.reduce(.key(.character("j"))) }
        _ = state.reduce(.key(.character("t")))
        let items = DesignSections(design: state.design, session: state.session, catalogue: state.catalogue).items(for: .api).all
        let selected = items.filter(\.isSelectable)[12]
        guard case .trace(let title, _) = state.overlay else { return XCTFail("no trace open") }
        XCTAssertEqual(title, "Why: " + selected.title)
    }

    /// Items of no lines take no rows and are never the item of a line.
    func testItemsWithoutLinesTakeNoRows() {
        let items = BuiltItems(items: [
            DesignItem(title: "a", lines: [["one two three"]], trace: nil),
            DesignItem(title: "empty", lines: [], trace: Trace()),
            DesignItem(title: "b", lines: [["four"], []], trace: Trace()),
        ])
        let text = DesignTabText(key: .init(revision: 0, derived: 0, tab: .overview, width: 8), items: items)
        XCTAssertEqual(text.starts, [0, 2, 2, 4])
        XCTAssertNil(text.lines(of: 1))
        XCTAssertEqual((0..<4).map(text.item(atLine:)), [0, 0, 2, 2])
        XCTAssertEqual(text.lines(in: 1..<4).map(\.plainText), ["three", "four", ""])
        XCTAssertEqual(text.selectable, [1, 2])
    }
}
