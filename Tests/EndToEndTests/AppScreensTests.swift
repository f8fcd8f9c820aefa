#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// Unicode, resizing, the demo, the launcher, help and an installed copy of the binary.
final class AppScreensTests: ArchtuiTestCase {
    private let stepTitles = ["Understand requirements", "Design APIs", "Define service boundaries",
                              "Design data models", "Non-functional design"]

    /// Every step marked done in the method pane (below 160 columns a long title continues on the next row there).
    private func allStepsChecked(_ screen: String) -> Bool {
        stepTitles.enumerated().allSatisfy { step in
            let firstWord = step.element.split(separator: " ")[0]
            return ScreenText.hasSegment(screen, containing: ["✓ \(step.offset + 1) \(firstWord)"])
        }
    }

    func testUnicodeAnswerAndEntityShowAndSave() throws {
        let text = "Bestellungen 注文 ✓"
        let dir = try makeDirectory()
        let file = dir + "/u.archtui.yaml"
        let tmux = try startNewSession(file: "u.archtui.yaml", project: "Unicode", in: dir, width: 200, height: 50)
        // Step 1, first question (a list): one item.
        try tmux.sendKeys("Enter", "Enter")
        try tmux.type(text)
        try tmux.sendKeys("Enter", "Enter", "Escape")
        let screen = try tmux.waitFor(where: {
            ScreenText.hasSegment($0, containing: ["✓ What must the system do?", text])
        }, description: "the Unicode answer in its row")
        // Wide characters take two cells: the pane borders on that row line up with the row below.
        let lines = screen.split(separator: "\n")
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("✓ What must the system do?") })
        // Pane borders only: the design pane's tab row on the same line has separators of its own.
        let borders = { (line: Substring) -> [Int] in
            let columns = ScreenText.columns(of: "│", in: line)
            return Array(columns.prefix(5)) + (columns.last.map { [$0] } ?? [])
        }
        XCTAssertEqual(borders(lines[row]), borders(lines[row + 1]),
                       "borders misaligned:\n\(lines[row])\n\(lines[row + 1])")

        // Step 4, the entities question.
        try tmux.sendKeys("]", "]", "]")
        try tmux.waitFor("4/5 Design data models")
        try tmux.sendKeys("g", "Enter", "Enter")
        try tmux.type(text)
        try tmux.sendKeys("Enter", "Enter", "Escape")
        let after = try tmux.waitFor("• " + text)
        XCTAssertTrue(after.contains("Entities (1)"), after)
        XCTAssertTrue(ScreenText.hasSegment(after, containing: ["✓ Which entities does the domain", "Bestellungen"]), after)
        try quit(tmux)

        let saved = try read(file)
        XCTAssertTrue(saved.contains("- \(text)\n"), "list item in the file:\n\(saved)")
        XCTAssertTrue(saved.contains("- name: \(text)\n"), "entity in the file:\n\(saved)")
        // And it reads back.
        let again = try launch(["u.archtui.yaml"], in: dir, width: 200, height: 50)
        try again.waitFor("• " + text)
        try quit(again)
    }

    func testResizeSwitchesLayoutsAndSurvivesATinyTerminal() throws {
        let dir = try makeDirectory()
        let tmux = try launch(["--demo"], in: dir, width: 120, height: 40)
        var screen = try tmux.waitFor("Northwind Shop")
        XCTAssertTrue(screen.contains("Method"), screen)
        XCTAssertTrue(allStepsChecked(screen), screen)

        try tmux.resize(width: 80, height: 24)
        screen = try tmux.waitFor(where: { !$0.contains("Method") && $0.contains("✓ 2 │ ✓ 3 │ ✓ 4 │ ✓ 5 │") },
                                  description: "single-pane layout with step tabs")
        XCTAssertTrue(screen.contains("✓ 1 Understand requirements"), screen)
        XCTAssertTrue(screen.contains("1/5 Understand requirements"), screen)
        XCTAssertFalse(screen.contains(" Decisions "), "single layout shows questions only\n\(screen)")
        try tmux.sendKeys("v")
        try tmux.waitFor(" Decisions ")
        try tmux.sendKeys("v")
        try tmux.waitUntilGone(" Decisions ")

        try tmux.resize(width: 200, height: 60)
        screen = try tmux.waitFor(where: { $0.contains("Method") && $0.contains(" Decisions ") },
                                  description: "wide layout at 200×60")
        XCTAssertEqual(screen.split(separator: "\n", omittingEmptySubsequences: false).first.map { ScreenText.cells($0) }, 200)

        try tmux.resize(width: 20, height: 6)
        screen = try tmux.waitFor("Terminal too small")
        XCTAssertTrue(screen.contains("need 60×16"), screen)
        XCTAssertTrue(screen.contains("have 20×6"), screen)
        XCTAssertFalse(try tmux.isDead())

        try tmux.resize(width: 120, height: 40)
        // A resize repaints the whole screen: wait for the full frame, not just its first rows.
        screen = try tmux.waitFor(where: { $0.contains("Method") && $0.contains("Design") && !$0.contains("too small")
                                      && self.allStepsChecked($0) },
                                  description: "panes back at 120×40 with every step checked")
        try tmux.sendKeys("]")
        try tmux.waitFor("2/5 Design APIs")
        try quit(tmux)
    }

    func testDemoOpensFullyAnsweredAndLeavesTheDirectoryUntouched() throws {
        let dir = try makeDirectory()
        let tmp = try makeDirectory()
        let tmux = try launch(["--demo"], in: dir, tmpDirectory: tmp)
        let screen = try tmux.waitFor(where: { $0.contains("Northwind Shop") && self.allStepsChecked($0) },
                                      description: "the demo with all steps ✓")
        // Change something so quitting saves (into the scratch copy, never here).
        try tmux.sendKeys("g", "j", "j", "Enter", "C-u")
        try tmux.type("1300")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("1300 req/s")
        try quit(tmux)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [], "demo created files in the cwd")
        let scratch = try FileManager.default.subpathsOfDirectory(atPath: tmp).filter { $0.hasSuffix(".archtui.yaml") }
        XCTAssertEqual(scratch.count, 1, "the scratch copy lives under TMPDIR: \(scratch)")
        if let path = scratch.first {
            XCTAssertTrue(try read(tmp + "/" + path).contains("requirements.peak_rps: 1300"))
        }
    }

    func testLauncherListsSessionsOpensOneAndStartsANewOne() throws {
        let dir = try makeDirectory()
        try writeSessionFile(dir + "/x.archtui.yaml", projectName: "Xylophone Works")
        let tmux = try launch([], in: dir)
        var screen = try tmux.waitFor("What would you like to open?")
        let items = ["New session…", "Open x.archtui.yaml", "Open the demo"]
        for item in items { XCTAssertTrue(screen.contains(item), "launcher lacks \(item)\n\(screen)") }
        let rows = items.map { item in screen.split(separator: "\n").firstIndex { $0.contains(item) } ?? -1 }
        XCTAssertEqual(rows, rows.sorted(), "launcher order")
        try tmux.sendKeys("Down", "Enter")
        screen = try tmux.waitFor("Xylophone Works")
        XCTAssertTrue(allStepsChecked(screen), screen)
        try quit(tmux)

        let second = try launch([], in: dir)
        try second.waitFor("New session…")
        try second.sendKeys("Enter")
        try second.waitFor("What is the project called?")
        try second.sendKeys("Enter") // an empty name is refused
        try second.waitFor("A project needs a name")
        try second.type("Book Shop")
        try second.sendKeys("Enter")
        try second.waitFor("1/5 Understand requirements")
        try second.waitFor("Book Shop")
        let file = dir + "/book-shop.archtui.yaml"
        try waitForFile(file) { $0.contains("projectName: Book Shop\n") }
        try quit(second)
        XCTAssertTrue(try read(file).hasPrefix("schemaVersion: 2\n"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix(".bak") }.sorted(),
                       ["book-shop.archtui.yaml", "x.archtui.yaml"])

        // A third start lists both sessions; q quits the launcher without creating anything.
        let third = try launch([], in: dir)
        screen = try third.waitFor("Open x.archtui.yaml")
        XCTAssertTrue(screen.contains("Open book-shop.archtui.yaml"), screen)
        try quit(third)
    }

    func testHelpOverlayShowsKeysAndEscCloses() throws {
        let dir = try makeDirectory()
        let tmux = try launch(["--demo"], in: dir)
        try tmux.waitFor("Northwind Shop")
        try tmux.sendKeys("?")
        let screen = try tmux.waitFor("save and quit")
        for text in ["Everywhere", "Ctrl-S", "next / previous step of the method", "this help"] {
            XCTAssertTrue(screen.contains(text), "help lacks \(text)\n\(screen)")
        }
        try tmux.sendKeys("Escape")
        try tmux.waitUntilGone("next / previous step of the method")
        // Keys go to the app again.
        try tmux.sendKeys("]")
        try tmux.waitFor("2/5 Design APIs")
        try quit(tmux)
    }

    func testInstalledCopyRunsTheDemoWithoutTheBuildDirectory() throws {
        let bin = try makeDirectory()
        let installed = bin + "/archtui"
        try FileManager.default.copyItem(atPath: binary, toPath: installed)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: installed)
        let cwd = try makeDirectory()
        let tmux = try launch(["--demo"], in: cwd, executable: installed)
        let screen = try tmux.waitFor("Northwind Shop")
        XCTAssertTrue(allStepsChecked(screen), screen)
        try quit(tmux)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cwd), [])
    }
}
