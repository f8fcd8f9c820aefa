import Foundation
import XCTest

/// A file changed on disk by someone else, or read-only, is never written over silently: archtui asks (reload /
/// keep mine / save as / not now), and save as (`W`) goes on in a new file.
final class FileConflictTests: ArchtuiTestCase {
    private let peakPrompt = "Peak requests per s"

    private func openSession() throws -> (TmuxSession, String, String) {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml"
        try writeSessionFile(file, projectName: "Conflict Test")
        let tmux = try launch(["s.archtui.yaml"], in: dir)
        try tmux.waitFor("1/5 Understand requirements")
        return (tmux, dir, file)
    }

    private func changePeak(_ tmux: TmuxSession, to value: Int) throws {
        try tmux.sendKeys("g", "j", "j", "Enter", "C-u")
        try tmux.type(String(value))
        try tmux.sendKeys("Enter")
        try tmux.waitFor(where: { ScreenText.hasSegment($0, containing: ["✓ " + self.peakPrompt, "\(value) req/s"]) },
                         description: "peak answered \(value)")
    }

    /// Not by autosave, not by Ctrl-S: archtui asks; "not now" keeps both; editing on, the autosave only says so;
    /// "keep mine" writes over it on purpose, and theirs is the backup.
    func testAFileChangedByAnotherProgramIsNotOverwrittenSilently() throws {
        let (tmux, _, file) = try openSession()
        try writeSessionFile(file, projectName: "Changed Elsewhere")
        try changePeak(tmux, to: 5555)
        try tmux.sendKeys("C-s")
        let screen = try tmux.waitFor("─ Changed on disk ")
        for option in ["[ R Reload ]", "[ K Keep mine ]", "[ S Save as… ]", "[ N Not now ]"] { XCTAssertTrue(screen.contains(option), "\(option) in\n\(screen)") }
        XCTAssertTrue(try read(file).contains("projectName: Changed Elsewhere\n"), "theirs stays")
        XCTAssertFalse(try read(file).contains("requirements.peak_rps: 5555"))
        try tmux.sendKeys("Escape") // not now
        try tmux.waitUntilGone("─ Changed on disk ")
        try changePeak(tmux, to: 5556)
        let status = try tmux.waitFor("Ctrl-S asks what to do")
        XCTAssertFalse(status.contains("─ Changed on disk "), "no dialog on every autosave:\n\(status)")
        XCTAssertTrue(try read(file).contains("projectName: Changed Elsewhere\n"))
        try tmux.sendKeys("C-s")
        try tmux.waitFor("─ Changed on disk ")
        try tmux.sendKeys("k")
        try waitForFile(file, timeout: 10, description: "to hold mine after keep mine") { $0.contains("requirements.peak_rps: 5556\n") }
        XCTAssertTrue(try read(file + ".bak").contains("projectName: Changed Elsewhere\n"), "theirs is the backup")
        try quit(tmux)
    }

    /// Reload takes theirs as one undoable edit: u brings mine back (unsaved, and saved over theirs on purpose).
    func testReloadTakesTheirsAndUndoBringsMineBack() throws {
        let (tmux, _, file) = try openSession()
        try writeSessionFile(file, projectName: "Changed Elsewhere")
        try changePeak(tmux, to: 5555)
        try tmux.sendKeys("C-s")
        try tmux.waitFor("─ Changed on disk ")
        try tmux.sendKeys("r")
        try tmux.waitFor("Reloaded s.archtui.yaml from disk")
        try tmux.waitFor("Changed Elsewhere")
        XCTAssertFalse(try tmux.capture().contains("5555 req/s"))
        try tmux.sendKeys("u")
        try tmux.waitFor("5555 req/s")
        try tmux.sendKeys("C-s")
        try waitForFile(file, timeout: 10, description: "mine, saved after the undo") { $0.contains("requirements.peak_rps: 5555\n") }
        try quit(tmux)
    }

    /// Save as from the dialog: a new file holds mine, theirs stays, and archtui goes on (and autosaves) in the new one.
    func testSaveAsWritesANewFileAndGoesOnThere() throws {
        let (tmux, dir, file) = try openSession()
        try writeSessionFile(file, projectName: "Changed Elsewhere")
        try changePeak(tmux, to: 5555)
        try tmux.sendKeys("C-s")
        try tmux.waitFor("─ Changed on disk ")
        try tmux.sendKeys("s")
        try tmux.waitFor("─ Save as ")
        // An existing file is refused, and the letters typed stay in the field (none runs as a command).
        try tmux.sendKeys("C-u")
        try tmux.type("s.archtui.yaml")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("exists: choose another name")
        try tmux.sendKeys("C-u")
        try tmux.type("quiet-mine.archtui.yaml")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Saved as quiet-mine.archtui.yaml")
        let mine = dir + "/quiet-mine.archtui.yaml"
        XCTAssertTrue(try read(mine).contains("requirements.peak_rps: 5555\n"))
        XCTAssertTrue(try read(file).contains("projectName: Changed Elsewhere\n"), "theirs stays")
        try changePeak(tmux, to: 6666)
        try waitForFile(mine, timeout: 10, description: "the autosave goes to the new file") { $0.contains("requirements.peak_rps: 6666\n") }
        XCTAssertFalse(try read(file).contains("6666"))
        try quit(tmux)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.s.archtui.yaml.archtui-swap"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.quiet-mine.archtui.yaml.archtui-swap"))
    }

    /// A read-only file (mode 0444) is not replaced, even by root: archtui says so and offers save as.
    func testAReadOnlyFileIsNotReplacedAndSaveAsIsOffered() throws {
        let (tmux, dir, file) = try openSession()
        XCTAssertEqual(chmod(file, 0o444), 0)
        let before = try read(file)
        try changePeak(tmux, to: 7777)
        try tmux.sendKeys("C-s")
        let screen = try tmux.waitFor("─ Not saved: the file is read-only ")
        XCTAssertTrue(screen.contains("[ S Save as… ]"), screen)
        XCTAssertEqual(try read(file), before)
        try tmux.sendKeys("Enter") // Save as… is highlighted
        try tmux.waitFor("─ Save as ")
        try tmux.sendKeys("C-u")
        try tmux.type("copy.archtui.yaml")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Saved as copy.archtui.yaml")
        XCTAssertTrue(try read(dir + "/copy.archtui.yaml").contains("requirements.peak_rps: 7777\n"))
        XCTAssertEqual(try read(file), before)
        try quit(tmux)
    }
}
