#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// The journal beside an open session (`.NAME.archtui-swap`): an edit reaches it long before the debounced save, so
/// `kill -9` loses nothing the journal had; the next archtui offers it back; a second archtui on the file is read-only.
final class JournalTests: ArchtuiTestCase {
    private let peakPrompt = "Peak requests per s"

    private func open(_ dir: String) throws -> TmuxSession {
        let tmux = try launch(["s.archtui.yaml"], in: dir)
        try tmux.waitFor("1/5 Understand requirements")
        return tmux
    }

    private func answerPeak(_ tmux: TmuxSession, _ value: Int) throws {
        try tmux.sendKeys("g", "j", "j", "Enter", "C-u")
        try tmux.type(String(value))
        try tmux.sendKeys("Enter")
        try tmux.waitFor(where: { ScreenText.hasSegment($0, containing: ["✓ " + self.peakPrompt, "\(value) req/s"]) },
                         description: "peak answered \(value)")
    }

    func testAnEditKilledBeforeItsSaveIsOfferedBackAndRecovered() throws {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml", journal = dir + "/.s.archtui.yaml.archtui-swap"
        try writeSessionFile(file, projectName: "Journal Test")
        let first = try open(dir)
        try answerPeak(first, 7777)
        try waitForFile(journal, timeout: 5, description: "to journal the edit") { $0.contains("\"requirements.peak_rps\"") && $0.contains("7777") }
        try first.signal(SIGKILL)
        XCTAssertEqual(try first.waitForExit(), 128 + SIGKILL)
        XCTAssertFalse(try read(file).contains("requirements.peak_rps: 7777"), "the save did not happen (the debounce)")
        first.kill()

        let second = try open(dir)
        let screen = try second.waitFor("Recover unsaved edits?")
        XCTAssertTrue(screen.contains("did not exit cleanly"), screen)
        for option in ["[ R Recover ]", "[ D Discard ]", "[ O Open read-only ]"] { XCTAssertTrue(screen.contains(option), "\(option) in\n\(screen)") }
        try second.sendKeys("r")
        try second.waitUntilGone("Recover unsaved edits?")
        try second.waitFor("7777 req/s")
        try waitForFile(file, timeout: 10, description: "to save the recovered edit") { $0.contains("requirements.peak_rps: 7777\n") }
        try quit(second)
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal), "a clean exit removes the journal")
    }

    func testASecondArchtuiOnTheFileIsReadOnly() throws {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml"
        try writeSessionFile(file, projectName: "Journal Test")
        let first = try open(dir)
        try waitForFile(dir + "/.s.archtui.yaml.archtui-swap", timeout: 5, description: "to mark the file in use") { $0.contains("Journal Test") }
        let second = try open(dir)
        let screen = try second.waitFor("Opened read-only")
        XCTAssertTrue(screen.contains("has "), screen)
        try second.sendKeys("Escape")
        try answerPeak(second, 6543)
        try second.sendKeys("C-s")
        try second.waitFor("read-only while archtui")
        XCTAssertFalse(try read(file).contains("requirements.peak_rps: 6543"), "the read-only window never writes")
        try second.sendKeys("Escape", "q")
        try second.waitFor("quits without saving")
        try second.sendKeys("Escape", "q")
        XCTAssertEqual(try second.waitForExit(), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/.s.archtui.yaml.archtui-swap"), "the first one's journal stays")
        try quit(first)
    }

    /// Kills an archtui after an edit reached its journal; returns the directory and the journal's path.
    private func killedWithAnEdit(_ value: Int) throws -> (dir: String, file: String, journal: String) {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml", journal = dir + "/.s.archtui.yaml.archtui-swap"
        try writeSessionFile(file, projectName: "Journal Test")
        let first = try open(dir)
        try answerPeak(first, value)
        try waitForFile(journal, timeout: 5, description: "to journal the edit") { $0.contains("\"requirements.peak_rps\"") && $0.contains("\(value)") }
        try first.signal(SIGKILL)
        XCTAssertEqual(try first.waitForExit(), 128 + SIGKILL)
        first.kill()
        return (dir, file, journal)
    }

    /// Discard: the journal's edits are forgotten at once (a second kill offers nothing), the file stays as it was.
    func testDiscardForgetsTheJournalsEdits() throws {
        let (dir, file, journal) = try killedWithAnEdit(7778)
        let second = try open(dir)
        try second.waitFor("Recover unsaved edits?")
        try second.sendKeys("d")
        try second.waitFor("Discarded the unsaved edits")
        try waitForFile(journal, timeout: 5, description: "the journal to hold the file's session") { !$0.contains("7778") && $0.contains("Journal Test") }
        XCTAssertFalse(try read(file).contains("7778"))
        try quit(second)
    }

    /// Open read-only: nothing is saved, the journal stays as it was, and the next archtui offers it again.
    func testOpenReadOnlyKeepsTheJournalForNextTime() throws {
        let (dir, file, journal) = try killedWithAnEdit(7779)
        let second = try open(dir)
        try second.waitFor("Recover unsaved edits?")
        try second.sendKeys("o")
        try second.waitFor("Read-only: nothing is saved")
        try answerPeak(second, 1234)
        try second.waitFor("Read-only: not saved", timeout: 10) // the autosave says so, without a dialog
        XCTAssertFalse(try read(file).contains("1234"))
        XCTAssertTrue(try read(journal).contains("7779"), "the journal is kept as it was")
        try second.sendKeys("q")
        try second.waitFor("quits without saving")
        try second.sendKeys("Escape", "q")
        XCTAssertEqual(try second.waitForExit(), 0)
        XCTAssertTrue(try read(journal).contains("7779"))
        let third = try open(dir)
        try third.waitFor("Recover unsaved edits?")
        try third.sendKeys("r")
        try third.waitFor("7779 req/s")
        try quit(third)
    }

    /// Continuous editing, then `kill -9`: each edit is in the journal within a fraction of a second of showing on
    /// screen (polled, at most 0.5 s: the bound is ~0.2 s), and the next archtui recovers the last one.
    func testKillDuringContinuousEditingLosesNothingTheJournalHad() throws {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml", journal = dir + "/.s.archtui.yaml.archtui-swap"
        try writeSessionFile(file, projectName: "Journal Test")
        let first = try open(dir)
        for value in 1001...1006 {
            try answerPeak(first, value)
            try waitForFile(journal, timeout: 0.5, description: "edit \(value) in the journal") { $0.contains("\(value)") }
        }
        try first.signal(SIGKILL)
        XCTAssertEqual(try first.waitForExit(), 128 + SIGKILL)
        first.kill()
        let second = try open(dir)
        // On a slow machine the 3 s autosave may have saved some of the edits already: recovery brings the rest.
        let screen = try second.waitFor(where: { $0.contains("Recover unsaved edits?") || $0.contains("1006 req/s") },
                                        description: "recovery offered, or nothing to recover")
        if screen.contains("Recover unsaved edits?") { try second.sendKeys("r") }
        try second.waitFor("1006 req/s")
        try quit(second)
        XCTAssertTrue(try read(file).contains("requirements.peak_rps: 1006\n"))
    }
}
