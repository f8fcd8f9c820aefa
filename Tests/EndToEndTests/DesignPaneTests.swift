import Foundation
import XCTest

/// The design pane follows the answers live: decisions flip, new entities become endpoints and tables,
/// and `t` explains the selected item.
final class DesignPaneTests: ArchtuiTestCase {
    private func openBookstoreCopy() throws -> (TmuxSession, String) {
        let dir = try makeDirectory()
        let file = dir + "/bookstore.archtui.yaml"
        try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("Resources/examples/bookstore.archtui.yaml"),
                                         to: URL(fileURLWithPath: file))
        let tmux = try launch(["bookstore.archtui.yaml"], in: dir, width: 160, height: 50)
        try tmux.waitFor("Inkwell Books")
        return (tmux, file)
    }

    /// The status line (the last non-empty row).
    private func statusLine(_ screen: String) -> String {
        String(screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "")
    }

    /// The status line names `tab` and gives a findings count.
    private func statusShows(_ tab: String, _ screen: String) -> Bool {
        let status = statusLine(screen)
        return status.contains("\(tab) · ") && status.range(of: #"\d+ findings"#, options: .regularExpression) != nil
    }

    func testDesignFollowsAnswersAndExplainsItems() throws {
        let (tmux, file) = try openBookstoreCopy()

        // Design pane, Decisions tab: the bookstore is a modular monolith.
        try tmux.sendKeys("Tab")
        try tmux.sendKeys("2")
        var screen = try tmux.waitFor(where: { self.statusShows("Decisions", $0) && $0.contains("Modular monolith") },
                                      description: "Decisions tab with the modular monolith")
        XCTAssertFalse(screen.contains("Microservices (as preferred)"), screen)

        // Step 3, "Preferred deployment style": Modular monolith → Microservices (a stated preference,
        // priority 70, beats the small-team rule's 60).
        try tmux.sendKeys("BTab") // back to the questions pane
        try tmux.sendKeys("]", "]")
        try tmux.waitFor("3/5 Define service boundaries")
        try tmux.sendKeys("g", "j", "j")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(where: { self.statusLine($0).contains("choose") }, description: "the choice editor")
        try tmux.sendKeys("Down", "Enter")
        screen = try tmux.waitFor(where: {
            ScreenText.hasSegment($0, containing: ["✓ Preferred deployment style", "Microservices"])
                && $0.contains("Microservices (as preferred)")
        }, description: "the flipped architecture style")
        XCTAssertFalse(ScreenText.hasSegment(screen, containing: ["Modular monolith (as preferred)"]), screen)
        try waitForFile(file, description: "with the new deployment style") { $0.contains("services.deployment_style: microservices\n") }

        // API tab: the bookstore's endpoints, without /v1: it answered "no versioning", and an answer is the decision.
        try tmux.sendKeys("Tab")
        try tmux.sendKeys("4")
        screen = try tmux.waitFor(where: { self.statusShows("API", $0) && $0.contains("/books") },
                                  description: "API tab with /books")
        XCTAssertTrue(ScreenText.hasSegment(screen, containing: ["GET", "/books"]), screen)
        XCTAssertFalse(screen.contains("/shelves"), screen)
        XCTAssertFalse(screen.contains("/v1/"), screen)

        // Step 4: add the entity Shelf: the list opens on "+ add entity", where typing starts a new item.
        try tmux.sendKeys("BTab")
        try tmux.sendKeys("]")
        try tmux.waitFor("4/5 Design data models")
        try tmux.sendKeys("g", "Enter")
        try tmux.waitFor(where: { self.statusLine($0).contains("new item") }, description: "the entity list editor on + add")
        try tmux.type("Shelf")
        try tmux.waitFor(where: { self.statusLine($0).contains("store") && $0.contains("Shelf") }, description: "a new entity field")
        try tmux.sendKeys("Enter", "Enter")
        try tmux.waitFor(where: { self.statusLine($0).contains("new item") }, description: "adding stopped")
        try tmux.sendKeys("Escape")
        // The entities row is too narrow to show a sixth name; the editor closing and the file tell.
        try tmux.waitFor(where: { self.statusLine($0).contains("question") }, description: "the list editor closed")
        try waitForFile(file, description: "with Shelf") { $0.contains("- name: Shelf\n") }

        // The design follows: /shelves in the API tab (still selected), shelves in the Schema tab.
        try tmux.sendKeys("Tab")
        try tmux.waitFor(where: { self.statusShows("API", $0) }, description: "design pane focused on API")
        try tmux.sendKeys("G") // the new resource comes last
        screen = try tmux.waitFor("/shelves")
        XCTAssertTrue(ScreenText.hasSegment(screen, containing: ["/shelves"]), screen)
        try tmux.sendKeys("5")
        screen = try tmux.waitFor(where: { self.statusShows("Schema", $0) }, description: "Schema tab")
        // The last entity's table comes before the plumbing tables (the job queues): from the end, up until it shows.
        try tmux.sendKeys("G")
        let showsShelves = { (s: String) in s.split(separator: "\n").contains { $0.contains("shelves") && $0.contains("entity Shelf") } }
        for _ in 0..<12 {
            if let shown = try? tmux.waitFor(where: showsShelves, description: "the shelves table", timeout: 1) { screen = shown; break }
            try tmux.sendKeys("k")
        }
        XCTAssertTrue(showsShelves(screen), screen)

        // Decisions: select an item and ask why.
        try tmux.sendKeys("2")
        try tmux.waitFor(where: { self.statusShows("Decisions", $0) }, description: "Decisions tab again")
        try tmux.sendKeys("g", "j")
        try tmux.sendKeys("t")
        screen = try tmux.waitFor(where: { $0.contains("Why: ") && ($0.contains("Rules:") || $0.contains("Derived from:")) },
                                  description: "the trace overlay")
        XCTAssertTrue(statusLine(screen).contains("close"), "overlay hints\n\(screen)")
        try tmux.sendKeys("Escape")
        screen = try tmux.waitUntilGone("Why: ")
        XCTAssertTrue(statusShows("Decisions", screen), screen)

        // The architecture-style decision explains itself with the preference rule and the answer.
        try tmux.sendKeys("g", "t")
        screen = try tmux.waitFor("Why: ")
        XCTAssertTrue(screen.contains("Rules:"), screen)
        XCTAssertTrue(screen.contains("style.preference-microservices"), screen)
        XCTAssertTrue(screen.contains("services.deployment_style"), screen)
        try tmux.sendKeys("Escape")
        try tmux.waitUntilGone("Why: ")

        // API: an endpoint's trace.
        try tmux.sendKeys("4")
        try tmux.waitFor(where: { self.statusShows("API", $0) }, description: "API tab")
        try tmux.sendKeys("j", "t") // Enter would open the endpoint's form
        screen = try tmux.waitFor(where: { $0.contains("Why: ") && ($0.contains("Rules:") || $0.contains("Derived from:")) },
                                  description: "an endpoint's trace")
        XCTAssertNotNil(screen.range(of: #"Why: (GET|POST|PUT|PATCH|DELETE) /"#, options: .regularExpression), screen)
        try tmux.sendKeys("Escape")
        try tmux.waitUntilGone("Why: ")

        try quit(tmux)
        let saved = try read(file)
        XCTAssertTrue(saved.contains("services.deployment_style: microservices\n"), saved)
        XCTAssertTrue(saved.contains("- name: Shelf\n"), saved)
    }

    func testTabKeysWalkEveryTabAndStatusFollows() throws {
        let (tmux, _) = try openBookstoreCopy()
        try tmux.sendKeys("Tab")
        let titles = ["Overview", "Decisions", "Components", "API", "Schema", "Sequences", "Deployment", "Security", "Capacity", "Findings"]
        for (index, title) in titles.enumerated() {
            try tmux.sendKeys(String((index + 1) % 10))
            try tmux.waitFor(where: { self.statusShows(title, $0) }, description: "tab \(title) by number")
        }
        // → wraps from Findings to Overview; ← and h go back; l forward.
        try tmux.sendKeys("Right")
        try tmux.waitFor(where: { self.statusShows("Overview", $0) }, description: "→ wraps to Overview")
        try tmux.sendKeys("Left")
        try tmux.waitFor(where: { self.statusShows("Findings", $0) }, description: "← wraps to Findings")
        try tmux.sendKeys("h")
        try tmux.waitFor(where: { self.statusShows("Capacity", $0) }, description: "h")
        try tmux.sendKeys("l")
        let screen = try tmux.waitFor(where: { self.statusShows("Findings", $0) }, description: "l")
        // The findings count in the status line matches the one on the Findings tab title.
        let status = statusLine(screen)
        let count = try XCTUnwrap(status.range(of: #"\d+(?= findings)"#, options: .regularExpression).map { String(status[$0]) })
        if count != "0" { XCTAssertTrue(screen.contains(" Findings \(count) "), screen) }
        try quit(tmux)
    }
}
