@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import TestSupport
import XCTest

/// The box pictures (Components, Deployment) and sequence diagrams are laid out for the pane's width:
/// for every shipped session and every width a pane can have, no line is wider than the pane (the pane
/// would wrap it and tear the boxes apart) and every box is whole.
final class DesignPictureTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()
    private static let sessions: [(name: String, design: Design, session: Session)] = {
        let all = try! [("demo", Demo.session())] + SampleSessions.all()
        return all.map { ($0.name, builder.build($0.session), $0.session) }
    }()
    private static let widths = Array(20...160)

    private static func sections(_ entry: (name: String, design: Design, session: Session), width: Int) -> DesignSections {
        DesignSections(design: entry.design, session: entry.session, catalogue: builder.catalogue, width: width)
    }

    /// The tab as the pane shows it at `width`: every item, wrapped, as text.
    private static func shown(_ items: any DesignItemList, width: Int, tab: DesignTab) -> [String] {
        let text = DesignTabText(key: .init(revision: 0, derived: 0, tab: tab, width: width), items: items)
        return text.lines(in: 0..<text.lineCount).map(\.plainText)
    }

    func testBoxPicturesFitEveryWidthAndNoBoxOverlapsAnother() {
        for entry in Self.sessions {
            for width in Self.widths {
                for tab in [DesignTab.components, .deployment] {
                    let items = Self.sections(entry, width: width).items(for: tab)
                    let picture = items.all[0]
                    XCTAssertEqual(picture.title, "diagram", "\(entry.name) \(tab.title): the picture comes first")
                    for line in picture.lines where line.displayWidth > width {
                        XCTFail("\(entry.name) \(tab.title) at \(width): \(line.displayWidth) cells: \(line.plainText)")
                    }
                    let lines = Self.shown(items, width: width, tab: tab)
                    let problems = BoxPictureCheck.problems(in: lines)
                    XCTAssertEqual(problems, [], "\(entry.name) \(tab.title) at \(width):\n" + lines.prefix(40).joined(separator: "\n"))
                }
            }
        }
    }

    func testEveryComponentIsInThePictureAtEveryWidth() {
        for entry in Self.sessions {
            for width in [20, 40, 72, 160] {
                let picture = Self.sections(entry, width: width).items(for: .components).all[0].lines.map(\.plainText).joined(separator: "\n")
                for component in entry.design.components {
                    let prefix = String(component.name.prefix(min(6, width - 10)))
                    XCTAssertTrue(picture.contains(prefix), "\(entry.name) at \(width): \(component.name) missing in\n\(picture)")
                }
            }
        }
    }

    func testANarrowPaneWrapsBoxesOntoRowsAndShortensLongNames() {
        let component = { (name: String, kind: ComponentKind) in Component(name: name, kind: kind) }
        let diagram = ComponentDiagram(components: [
            component("load-balancer", .loadBalancer), component("CDN", .cdn),
            component("A very long service name indeed", .service),
        ], width: 24)
        assertLines(diagram.lines.map(\.plainText), [
            "┌─────────┐",
            "│ Clients │",
            "└─────────┘",
            "    │",
            "    ▼",
            "┌───────────────┐",
            "│ load-balancer │",
            "└───────────────┘",
            "┌─────┐",
            "│ CDN │",
            "└─────┘",
            "    │",
            "    ▼",
            "┌──────────────────────┐",
            "│ A very long service… │",
            "└──────────────────────┘",
        ])
        let list = ComponentDiagram(components: [component("load-balancer", .loadBalancer)], width: 11).lines.map(\.plainText)
        XCTAssertEqual(list, ["• Clients", "  ▼", "• load-balancer"], "too narrow for boxes: a list")
    }

    func testTheCheckFindsATornPicture() {
        // What a 72-column row of boxes looks like wrapped at 40: the borders break at other places than the names.
        let torn = [
            "┌─────────────┐ ┌───────────────────┐",
            "┌─────┐ ┌───────────────┐",
            "│ api-gateway │ │ identity-provider │",
            "│ cdn │ │ load-balancer │",
            "└─────────────┘ └───────────────────┘",
            "└─────┘ └───────────────┘",
        ]
        XCTAssertFalse(BoxPictureCheck.problems(in: torn).isEmpty)
        XCTAssertEqual(BoxPictureCheck.problems(in: ["┌───┐ ┌──┐", "│ a │ │b │", "└───┘ └──┘"]), [])
        XCTAssertFalse(BoxPictureCheck.problems(in: ["┌───┐", "│ a │", "└──"]).isEmpty, "a clipped bottom")
        // Cut by the view's last line (it scrolls on): whole as far as it shows.
        XCTAssertEqual(BoxPictureCheck.problems(in: ["┌───┐ ┌──┐", "│ a │ │b │", "└───┘ └──┘", "┌───┐"]), [])
        XCTAssertEqual(BoxPictureCheck.problems(in: ["┌───┐", "│ a │"]), [])
        XCTAssertFalse(BoxPictureCheck.problems(in: ["┌───┐", "│ a  "]).isEmpty, "a side missing above the edge")
    }

    func testTheDemoAt120ColumnsShowsWholeBoxesInTheDesignPaneZoomedOrNot() throws {
        var state = AppState(catalogue: Self.builder.catalogue, session: try Demo.session(), filePath: "demo.archtui.yaml",
                             size: Size(width: 120, height: 40), deriveDesign: DesignDeriver { Self.builder.build($0) })
        state.press(.tab, .character("3"))
        for zoom in [false, true] {
            if zoom { state.press(.character("z")) }
            let pane = try XCTUnwrap(state.methodLayout.design)
            let area = DesignPaneContent.area(in: pane)
            let lines = AppView.render(state).lines
            let inside = Array(lines[area.y..<area.maxY])
            XCTAssertTrue(inside.joined().contains("┌"), "the picture is on screen")
            XCTAssertEqual(BoxPictureCheck.problems(in: inside, columns: area.x..<area.maxX), [], inside.joined(separator: "\n"))
            for tab in ["7", "3"] {
                state.press(.character(Character(tab)))
                let shown = Array(AppView.render(state).lines[area.y..<area.maxY])
                XCTAssertEqual(BoxPictureCheck.problems(in: shown, columns: area.x..<area.maxX), [], shown.joined(separator: "\n"))
            }
        }
    }
}
