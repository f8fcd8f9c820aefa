@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import TestSupport
import XCTest

/// The Sequences tab draws each flow as a sequence diagram when the pane is wide enough for its
/// participants, and lists the messages otherwise.
final class SequencePictureTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    private static let order = SequenceDiagram(title: "Create Order", participants: ["Client", "api-gateway", "Orders", "broker"], messages: [
        .init(from: "Client", to: "api-gateway", text: "POST /v1/orders"),
        .init(from: "api-gateway", to: "Orders", text: "POST /v1/orders (authenticated)"),
        .init(from: "Orders", to: "broker", text: "publish order.placed", isAsync: true),
        .init(from: "Orders", to: "api-gateway", text: "201 Created", isReply: true),
        .init(from: "api-gateway", to: "Client", text: "201 Created", isReply: true),
    ])

    func testAFlowIsDrawnWithLifelinesAndArrowsOfThreeKinds() throws {
        let lines = try XCTUnwrap(SequencePicture(diagram: Self.order, width: 60).lines)
        assertLines(lines.map(\.plainText), [
            "    Client       api-gateway      Orders         broker",
            "       │              │              │              │",
            "       │ POST /v1/orders             │              │",
            "       │─────────────▶│              │              │",
            "       │              │ POST /v1/orders (authenticated)",
            "       │              │─────────────▶│              │",
            "       │              │              │ publish order.placed",
            "       │              │              │─────────────▷│",
            "       │              │ 201 Created  │              │",
            "       │              │◀╌╌╌╌╌╌╌╌╌╌╌╌╌│              │",
            "       │ 201 Created  │              │              │",
            "       │◀╌╌╌╌╌╌╌╌╌╌╌╌╌│              │              │",
            "       │              │              │              │",
        ])
    }

    func testTooManyParticipantsForTheWidthGiveTheNumberedList() {
        XCTAssertNil(SequencePicture(diagram: Self.order, width: 39).lines, "4 participants need 40 cells")
        XCTAssertNotNil(SequencePicture(diagram: Self.order, width: 40).lines)
        let sections = DesignSections(design: Design(projectName: "Shop", sequences: [Self.order]), session: Session(projectName: "Shop"),
                                      catalogue: Self.builder.catalogue, width: 39)
        let text = sections.items(for: .sequences).all.flatMap { $0.lines.map(\.plainText) }
        XCTAssertTrue(text.contains("  3. Orders ⇢ broker: publish order.placed"), text.joined(separator: "\n"))
        XCTAssertFalse(text.contains { $0.contains("──▶ call") }, "no legend without a diagram")
        let legend = SequencePicture.legend(width: 30).lines.map(\.plainText)
        XCTAssertEqual(legend, ["──▶ call", "──▷ asynchronous message", "◀╌╌ reply", ""], "one arrow a line when narrow")
    }

    func testNoLineOfAnySampleIsWiderThanThePane() throws {
        let sessions = try [("demo", Demo.session())] + SampleSessions.all()
        for (name, session) in sessions {
            let design = Self.builder.build(session)
            XCTAssertFalse(design.sequences.isEmpty, name)
            for width in 20...160 {
                let items = DesignSections(design: design, session: session, catalogue: Self.builder.catalogue, width: width).items(for: .sequences).all
                for item in items where item.title != "legend" && item.lines.contains(where: { $0.plainText.contains("╌") }) {
                    for line in item.lines where line.displayWidth > width {
                        XCTFail("\(name) at \(width): \(line.plainText)")
                    }
                }
            }
        }
    }

    /// The demo's flows have five participants: a diagram in the pane at 160 columns and zoomed at 120,
    /// the list in the 120-column pane.
    func testTheDemoShowsDiagramsWhereThePaneIsWideEnough() throws {
        var state = AppState(catalogue: Self.builder.catalogue, session: try Demo.session(), filePath: "demo.archtui.yaml",
                             size: Size(width: 120, height: 40), deriveDesign: DesignDeriver { Self.builder.build($0) })
        state.press(.tab, .character("6"))
        XCTAssertTrue(state.screenText.contains("1. Client → api-gateway"), state.screenText)
        state.press(.character("z"))
        var text = state.screenText
        XCTAssertTrue(text.contains("──▶ call   ──▷ asynchronous message   ◀╌╌ reply"), text)
        XCTAssertTrue(ScreenLine.has(text, ["Client", "api-gateway", "cache", "PostgreSQL"]), text)
        XCTAssertTrue(text.contains("│ GET /v1/orders/{orderId}"), text)
        XCTAssertTrue(text.contains("──────▶│"), text)
        XCTAssertTrue(text.contains("│◀╌╌╌╌"), text)
        _ = state.reduce(.resize(Size(width: 160, height: 50)))
        state.press(.character("z"))
        text = state.screenText
        XCTAssertFalse(state.zoomed)
        XCTAssertTrue(text.contains("──────▶│"), "a diagram in the unzoomed pane at 160 columns:\n\(text)")
    }
}

/// Looks for screen lines holding several words in order.
enum ScreenLine {
    static func has(_ text: String, _ words: [String]) -> Bool {
        text.split(separator: "\n").contains { line in
            var rest = Substring(line)
            for word in words {
                guard let range = rest.range(of: word) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
    }
}

/// Participants whose cut names would read alike keep their ends.
final class SequenceHeaderTests: XCTestCase {
    func testNamesThatWouldBeCutAlikeAreCutInTheMiddle() {
        XCTAssertEqual(SequencePicture.middleCut("Lending service", to: 9), "Lend…vice")
        XCTAssertEqual(SequencePicture.middleCut("Lending DB", to: 9), "Lend…g DB")
        XCTAssertEqual(SequencePicture.middleCut("Short", to: 9), "Short")
    }
}
