import Foundation
import TestSupport
import XCTest

/// At 120×40 the demo's box pictures are whole in the design pane, and `z` zooms the focused pane.
final class LayoutEndToEndTests: ArchtuiTestCase {
    /// Rows of `screen` inside the pane whose top-left corner is the `pane`-th `┌` of the first row
    /// (down to the bottom border), and that pane's inner columns.
    private func paneInside(_ screen: String, pane: Int, width: Int) -> (rows: [String], columns: Range<Int>)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let top = lines.first else { return nil }
        let corners = ScreenText.columns(of: "┌", in: Substring(top))
        guard corners.count > pane else { return nil }
        let left = corners[pane]
        let right = ScreenText.columns(of: "┐", in: Substring(top)).first { $0 > left } ?? width - 1
        let bottom = lines.firstIndex { $0.hasPrefix("└") } ?? lines.count
        return (Array(lines[1..<bottom]), (left + 1)..<right)
    }

    /// The design pane shows a picture and every box in it is whole.
    private func wholeBoxes(_ screen: String, pane: Int) -> Bool {
        guard let inside = paneInside(screen, pane: pane, width: 120), inside.rows.joined().contains("│ Clients │") else { return false }
        return BoxPictureCheck.problems(in: inside.rows, columns: inside.columns).isEmpty
    }

    func testComponentBoxesAreWholeAndZShowsThePaneZoomed() throws {
        let dir = try makeDirectory()
        let tmux = try launch(["--demo"], in: dir, width: 120, height: 40)
        try tmux.waitFor("Northwind Shop")
        try tmux.sendKeys("Tab", "3")
        var screen = try tmux.waitFor(where: { $0.contains("Components · ") && self.wholeBoxes($0, pane: 2) },
                                      description: "the Components tab with whole boxes in the design pane")
        XCTAssertTrue(screen.contains("│ load-balancer │"), screen)
        XCTAssertTrue(screen.split(separator: "\n").first?.contains("Method") ?? false, screen)

        try tmux.sendKeys("z")
        screen = try tmux.waitFor(where: { $0.hasPrefix("┌─ Design") && $0.contains("z unzoom") && self.wholeBoxes($0, pane: 0) },
                                  description: "the design pane zoomed to the whole screen")
        let top = screen.split(separator: "\n").first ?? ""
        XCTAssertEqual(ScreenText.cells(top), 120, "the zoomed pane spans the width: \(top)")
        XCTAssertFalse(screen.contains("Method"), screen)
        XCTAssertTrue(screen.contains("Overview │ Decisions │ Components │ API │ Schema │ Sequences │ Deployment"), screen)

        // Zoomed, the Sequences tab has room for the demo's five participants.
        try tmux.sendKeys("6")
        screen = try tmux.waitFor(where: { $0.contains("Sequences · ") && $0.contains("◀╌╌") }, description: "sequence diagrams")
        XCTAssertTrue(screen.contains("──▶ call"), screen)

        try tmux.sendKeys("z")
        try tmux.waitFor(where: { $0.split(separator: "\n").first?.contains("Method") ?? false }, description: "back to three panes")
        try quit(tmux)
    }
}
