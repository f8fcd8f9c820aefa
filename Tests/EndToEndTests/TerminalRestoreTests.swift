#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// Leaving by Ctrl-C, SIGTERM or SIGHUP right after a change saves it and gives the terminal back;
/// autosave writes without quitting; Ctrl-Z suspends and the app comes back.
final class TerminalRestoreTests: ArchtuiTestCase {
    private let peakPrompt = "Peak requests per s"

    /// A session file with the demo's answers, opened in tmux.
    private func openSession(project: String = "Signal Test") throws -> (TmuxSession, String, String) {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml"
        try writeSessionFile(file, projectName: project)
        let tmux = try launch(["s.archtui.yaml"], in: dir)
        try tmux.waitFor(project)
        try tmux.waitFor("1/5 Understand requirements")
        XCTAssertTrue(try tmux.isAlternateScreenOn())
        return (tmux, dir, file)
    }

    /// Answers "Peak requests per second" (3rd question of step 1) with `value` and waits until the app
    /// shows it; returns whether the file still lacked it then (i.e. the change was not yet saved).
    private func changePeak(_ tmux: TmuxSession, to value: Int, file: String) throws -> Bool {
        try tmux.sendKeys("g", "j", "j", "Enter", "C-u")
        try tmux.type(String(value))
        try tmux.sendKeys("Enter")
        try tmux.waitFor(where: { ScreenText.hasSegment($0, containing: ["✓ " + self.peakPrompt, "\(value) req/s"]) },
                         description: "peak answered \(value)")
        return !(try read(file)).contains("requirements.peak_rps: \(value)\n")
    }

    /// Changes an answer and sends `sig` before autosave; retries with a new value if the (loaded)
    /// machine was so slow that autosave came first, so the signal path is really what saved it.
    private func checkSignalSaves(_ sig: Int32) throws {
        let (tmux, _, file) = try openSession()
        var value = 4321
        var unsaved = try changePeak(tmux, to: value, file: file)
        for attempt in 1...3 where !unsaved {
            value = 4321 + attempt
            unsaved = try changePeak(tmux, to: value, file: file)
        }
        XCTAssertTrue(unsaved, "every change was autosaved before the signal could be sent; machine too slow")
        try tmux.signal(sig)
        let status = try tmux.waitForExit()
        XCTAssertTrue(status == 0 || status == 128 + sig, "exit status \(status) after signal \(sig)")
        XCTAssertFalse(try tmux.isAlternateScreenOn(), "alternate screen left on after signal \(sig)")
        let saved = try read(file)
        XCTAssertTrue(saved.contains("requirements.peak_rps: \(value)\n"), saved)
        XCTAssertTrue(saved.contains("projectName: Signal Test\n"), saved)
    }

    func testSIGTERMSavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGTERM) }

    func testSIGHUPSavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGHUP) }

    // Every other signal whose default would kill the process with the terminal in raw mode.
    func testSIGQUITSavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGQUIT) }
    func testSIGUSR1SavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGUSR1) }
    func testSIGUSR2SavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGUSR2) }
    func testSIGPIPESavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGPIPE) }
    func testSIGALRMSavesTheUnsavedChangeAndRestoresTheTerminal() throws { try checkSignalSaves(SIGALRM) }

    /// A save that fails says why, naming the file once, and keeps the answers.
    func testAFailedSaveNamesTheFileOnce() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root for chattr") }
        let (tmux, dir, file) = try openSession()
        guard spawnStatus(["chattr", "+i", dir]) == 0 else { throw XCTSkip("chattr +i is not supported here") }
        defer { _ = spawnStatus(["chattr", "-i", dir]) }
        _ = try changePeak(tmux, to: 4444, file: file)
        try tmux.sendKeys("C-s")
        let screen = try tmux.waitFor("Save failed")
        XCTAssertEqual(screen.components(separatedBy: "s.archtui.yaml").count - 1, 1, "the path once:\n\(screen)")
        XCTAssertTrue(screen.contains("Your answers are still here"), screen)
    }

    private func spawnStatus(_ argv: [String]) -> Int32 { (try? spawn(argv, timeout: 10).status) ?? -1 }

    /// A terminal that cannot move the cursor gets a reason and exit 69, not an unusable screen.
    func testADumbTerminalIsRefusedWithAReason() throws {
        // Through env(1): tmux sets TERM itself for the pane.
        let tmux = try launch(["TERM=dumb", binary, "--demo"], in: try makeDirectory(), executable: "/usr/bin/env")
        XCTAssertEqual(try tmux.waitForExit(), 69)
        let screen = try tmux.capture()
        XCTAssertTrue(screen.contains("TERM=dumb cannot"), screen)
        XCTAssertFalse(try tmux.isAlternateScreenOn())
    }

    /// A crash signal restores the terminal and ends the process at once: no backtracer asking on the terminal
    /// whether to debug (it waits 30 s), no UI drawn on in cooked mode.
    func testACrashSignalRestoresTheTerminalAndExitsAtOnce() throws {
        for sig in [SIGSEGV, SIGABRT] {
            let (tmux, _, _) = try openSession()
            try tmux.signal(sig)
            let status = try tmux.waitForExit(timeout: 8)
            XCTAssertEqual(status, 128 + sig, "exit status after signal \(sig)")
            XCTAssertFalse(try tmux.isAlternateScreenOn(), "alternate screen left on after signal \(sig)")
            let screen = try tmux.capture()
            XCTAssertFalse(screen.contains("debugger"), "the backtracer asked: \(screen)")
            tmux.kill()
        }
    }

    func testControlCSavesTheChangeTypedJustBefore() throws {
        let (tmux, _, file) = try openSession()
        // All in one go: the answer and Ctrl-C reach the app back to back, long before any autosave.
        try tmux.sendKeys("j", "j", "Enter", "C-u")
        try tmux.type("4321")
        try tmux.sendKeys("Enter", "C-c")
        XCTAssertEqual(try tmux.waitForExit(), 0, "Ctrl-C is save and quit")
        XCTAssertFalse(try tmux.isAlternateScreenOn())
        let saved = try read(file)
        XCTAssertTrue(saved.contains("requirements.peak_rps: 4321\n"), saved)
    }

    /// Ctrl-C while typing stores the text typed so far when it is valid ("even while editing")…
    func testControlCWhileEditingStoresTheValidTextTypedSoFar() throws {
        let (tmux, _, file) = try openSession()
        try tmux.sendKeys("j", "j", "Enter", "C-u")
        try tmux.type("777")
        try tmux.waitFor("› 777")
        try tmux.sendKeys("C-c")
        XCTAssertEqual(try tmux.waitForExit(), 0)
        XCTAssertFalse(try tmux.isAlternateScreenOn())
        let saved = try read(file)
        XCTAssertTrue(saved.contains("requirements.peak_rps: 777\n"), "the valid typed text is stored\n\(saved)")
    }

    /// …and leaves the stored answer alone when the text is not a valid answer.
    func testControlCWhileEditingKeepsTheStoredAnswerWhenTheTextIsInvalid() throws {
        let (tmux, _, file) = try openSession()
        try tmux.sendKeys("j", "j", "Enter", "C-u")
        try tmux.type("lots")
        try tmux.waitFor("› lots")
        try tmux.sendKeys("C-c")
        XCTAssertEqual(try tmux.waitForExit(), 0)
        let saved = try read(file)
        XCTAssertTrue(saved.contains("requirements.peak_rps: 1200\n"), "an invalid edit must not be stored\n\(saved)")
    }

    func testAutosaveWritesTheChangeWithoutQuitting() throws {
        let (tmux, _, file) = try openSession()
        let before = try read(file)
        _ = try changePeak(tmux, to: 2468, file: file)
        let start = monotonicSeconds()
        try waitForFile(file, timeout: 10, description: "to be autosaved") { $0.contains("requirements.peak_rps: 2468\n") }
        let elapsed = monotonicSeconds() - start
        XCTAssertLessThan(elapsed, 5, "autosave took \(elapsed) s")
        XCTAssertFalse(try tmux.isDead(), "autosave must not quit")
        try tmux.waitFor("Saved ")
        // Only that answer changed.
        let after = try read(file)
        XCTAssertEqual(after.replacingOccurrences(of: "requirements.peak_rps: 2468", with: "requirements.peak_rps: 1200"), before)
        try quit(tmux)
    }

    /// Editing that never pauses for the debounce's second is still saved: at most a few seconds after the
    /// first unsaved change (before, 12 edits 0.7 s apart were all lost on kill -9).
    func testSteadyEditingIsAutosavedWithoutAPause() throws {
        let (tmux, _, file) = try openSession()
        var values: [Int] = []
        var savedDuringEditing = false
        for value in 3001...3012 {
            _ = try changePeak(tmux, to: value, file: file)
            values.append(value)
            let text = try read(file)
            if values.contains(where: { text.contains("requirements.peak_rps: \($0)\n") }) { savedDuringEditing = true; break }
            Thread.sleep(forTimeInterval: 0.5)  // the editing pace: faster than the 1 s debounce
        }
        XCTAssertTrue(savedDuringEditing, "none of \(values) reached the file while editing went on")
        try quit(tmux)
    }

    /// Ctrl-Z under a shell with job control: the app stops with the normal screen back, the pending
    /// change is saved first, and `fg` brings it back redrawn and working.
    func testControlZSuspendsUnderJobControlAndFgResumes() throws {
        let dir = try makeDirectory()
        let file = dir + "/s.archtui.yaml"
        try writeSessionFile(file, projectName: "Suspend Test")
        let script = #"set -m; "$0" s.archtui.yaml; echo "stopped-status $?"; read -r _; fg; echo "fg-status $?"; read -r _"#
        let tmux = try launch(["bash", "--norc", "--noprofile", "-c", script, binary], in: dir,
                              executable: "/usr/bin/env")
        try tmux.waitFor("1/5 Understand requirements")
        let shell = try tmux.pid()
        let app = try XCTUnwrap(childPid(of: shell), "the app's pid")
        try tmux.sendKeys("j", "j", "Enter", "C-u")
        try tmux.type("999")
        try tmux.sendKeys("Enter", "C-z")
        try tmux.waitFor("stopped-status 148")
        XCTAssertEqual(processState(app), "T", "the app should be stopped")
        XCTAssertFalse(try tmux.isAlternateScreenOn(), "suspended app must give the normal screen back")
        XCTAssertTrue(try read(file).contains("requirements.peak_rps: 999\n"), "Ctrl-Z saves first")
        try tmux.sendKeys("Enter") // the script runs fg
        try tmux.waitFor(where: { ScreenText.hasSegment($0, containing: ["✓ " + self.peakPrompt, "999 req/s"]) },
                         description: "the app redrawn after fg")
        XCTAssertTrue(try tmux.isAlternateScreenOn())
        try tmux.sendKeys("]")
        try tmux.waitFor("2/5 Design APIs")
        try tmux.sendKeys("q")
        try tmux.waitFor("fg-status 0")
        XCTAssertFalse(try tmux.isAlternateScreenOn())
    }

    /// Ctrl-Z with the app run directly by tmux (no job-control shell): SIGCONT brings it back; it
    /// redraws and still answers keys.
    func testControlZThenSIGCONTRedrawsAndStaysResponsive() throws {
        let (tmux, _, _) = try openSession(project: "Suspend Direct")
        let pid = try tmux.pid()
        try tmux.sendKeys("C-z")
        // Either stopped (normal screen back) or, in an orphaned process group where the kernel drops
        // SIGTSTP, not stopped at all; both must end with the app drawn and working after SIGCONT.
        let deadline = monotonicSeconds() + 2
        while processState(pid) != "T", monotonicSeconds() < deadline { usleep(10_000) }
        let stopped = processState(pid) == "T"
        if stopped { XCTAssertFalse(try tmux.isAlternateScreenOn(), "stopped app must give the normal screen back") }
        try tmux.signal(SIGCONT)
        try tmux.waitFor(where: { processState(pid) != "T" && $0.contains("1/5 Understand requirements") },
                         description: "the app running and redrawn")
        XCTAssertTrue(try tmux.isAlternateScreenOn())
        try tmux.sendKeys("]")
        try tmux.waitFor("2/5 Design APIs")
        try quit(tmux)
        print("EndToEndTests: direct Ctrl-Z stopped the process: \(stopped)")
    }

    private func childPid(of pid: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { pid_t(String($0)) }
    }
}
