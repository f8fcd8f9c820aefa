import Foundation
import XCTest

/// Proves the tmux harness with plain shell programs, independent of archtui.
final class TmuxHarnessTests: XCTestCase {
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else {
            print("EndToEndTests: skipping, `tmux` is not installed or not on PATH")
            throw XCTSkip("tmux is not installed")
        }
    }

    override func tearDown() {
        sessions.forEach { $0.kill() }
        sessions = []
    }

    /// A session running `bash -c script`, killed in tearDown.
    private func bash(_ script: String, width: Int = 120, height: Int = 40,
                      environment: [String: String] = [:], workingDirectory: String? = nil) throws -> TmuxSession {
        let session = try TmuxSession(command: ["bash", "--norc", "--noprofile", "-c", script], width: width,
                                      height: height, environment: environment, workingDirectory: workingDirectory)
        sessions.append(session)
        return session
    }

    /// Loops on `read -t` so that traps run promptly; leaves when the terminal is gone (read fails with a
    /// status of 128 or less instead of timing out), so no shell is left spinning after the test.
    private let idle = "while :; do read -t 0.05 _; s=$?; [ $s -eq 0 ] || [ $s -gt 128 ] || exit 0; done"

    func testTypesUnicodeTextAndReadsItBack() throws {
        let tmux = try bash(#"printf "ready\n"; IFS= read -r line; printf "got %s\n" "$line"; sleep 30"#)
        try tmux.waitFor("ready")
        try tmux.type("Bestellungen 注文 ✓")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("got Bestellungen 注文 ✓")
    }

    func testSendKeysUsesTmuxKeyNames() throws {
        let tmux = try bash(#"printf "ready\n"; IFS= read -r -n 3 x; printf "keys=%q\n" "$x"; sleep 30"#)
        try tmux.waitFor("ready")
        try tmux.sendKeys("Tab", "a", "C-a")
        try tmux.waitFor(#"keys=$'\ta\001'"#)
    }

    func testWaitForTimesOutWithTheLastScreen() throws {
        let tmux = try bash("printf 'something else\\n'; sleep 30")
        try tmux.waitFor("something else")
        let start = monotonicSeconds()
        XCTAssertThrowsError(try tmux.waitFor("never shown", timeout: 0.2)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("never shown"), message)
            XCTAssertTrue(message.contains("last screen"), message)
            XCTAssertTrue(message.contains("something else"), message)
        }
        XCTAssertLessThan(monotonicSeconds() - start, 2)
    }

    func testWaitUntilGone() throws {
        let tmux = try bash("printf 'busy\\n'; read _; clear; printf 'done\\n'; sleep 30")
        try tmux.waitFor("busy")
        try tmux.sendKeys("Enter")
        let screen = try tmux.waitUntilGone("busy")
        XCTAssertFalse(screen.contains("busy"))
    }

    func testResizeReachesTheProgram() throws {
        let tmux = try bash(#"trap 'printf "size %s\n" "$(stty size)"' WINCH; printf "ready %s\n" "$(stty size)"; "# + idle,
                            width: 100, height: 30)
        try tmux.waitFor("ready 30 100")
        try tmux.resize(width: 80, height: 20)
        try tmux.waitFor("size 20 80")
        XCTAssertEqual(try tmux.display("#{window_width}x#{window_height}"), "80x20")
    }

    func testSignalReachesTheProgram() throws {
        let tmux = try bash(#"trap 'printf "got TERM\n"; exit 7' TERM; printf "ready\n"; "# + idle)
        try tmux.waitFor("ready")
        try tmux.signal(SIGTERM)
        try tmux.waitFor("got TERM")
        XCTAssertEqual(try tmux.waitForExit(), 7)
    }

    func testExitStatusAndLastScreenRemainAfterExit() throws {
        let tmux = try bash("printf 'bye\\n'; exit 3")
        XCTAssertEqual(try tmux.waitForExit(), 3)
        XCTAssertTrue(try tmux.isDead())
        XCTAssertEqual(try tmux.exitStatus(), 3)
        XCTAssertTrue(try tmux.capture().contains("bye"))
    }

    /// tmux 3.3a alone loses the status in ~20% of quick exits; the wrapper must not.
    func testExitStatusIsReliableForQuickExits() throws {
        for status in 0..<15 {
            let tmux = try bash("exit \(status)")
            XCTAssertEqual(try tmux.waitForExit(), Int32(status))
            tmux.kill()
        }
    }

    func testKilledBySignalReports128PlusSignal() throws {
        let tmux = try bash("printf 'ready\\n'; sleep 30")
        try tmux.waitFor("ready")
        try tmux.signal(SIGKILL)
        XCTAssertEqual(try tmux.waitForExit(), 128 + SIGKILL)
    }

    func testControlCInterruptsTheProgramAndStatusIsKept() throws {
        let tmux = try bash("printf 'ready\\n'; sleep 30")
        try tmux.waitFor("ready")
        try tmux.sendKeys("C-c")
        XCTAssertEqual(try tmux.waitForExit(), 128 + SIGINT)
    }

    /// tmux itself leaves SIGTTIN/SIGTTOU ignored in panes; the signals the app handles must not be.
    func testProgramInPaneHasNoBlockedSignals() throws {
        let tmux = try bash(#"awk '/^Sig(Blk|Ign)/ { printf "%s%s\n", $1, $2 }' /proc/self/status; sleep 30"#)
        let screen = try tmux.waitFor("SigIgn:")
        XCTAssertTrue(screen.contains("SigBlk:0000000000000000"), screen)
        let ignLine = try XCTUnwrap(screen.split(separator: "\n").first { $0.hasPrefix("SigIgn:") })
        let ignored = try XCTUnwrap(UInt64(ignLine.dropFirst("SigIgn:".count), radix: 16))
        for sig in [SIGINT, SIGTERM, SIGWINCH, SIGHUP, SIGTSTP, SIGCONT] {
            XCTAssertEqual(ignored & (1 << UInt64(sig - 1)), 0, "signal \(sig) ignored")
        }
    }

    func testRunningProgramHasNoExitStatus() throws {
        let tmux = try bash("printf 'ready\\n'; sleep 30")
        try tmux.waitFor("ready")
        XCTAssertFalse(try tmux.isDead())
        XCTAssertNil(try tmux.exitStatus())
    }

    func testAlternateScreenDetection() throws {
        let tmux = try bash("tput smcup; printf 'alt\\n'; read _; tput rmcup; printf 'main\\n'; sleep 30")
        try tmux.waitFor("alt")
        XCTAssertTrue(try tmux.isAlternateScreenOn())
        try tmux.sendKeys("Enter")
        try tmux.waitFor("main")
        XCTAssertFalse(try tmux.isAlternateScreenOn())
    }

    func testEnvironmentWorkingDirectoryAndTerm() throws {
        let dir = FileManager.default.temporaryDirectory.path
        let tmux = try bash(#"printf "env=%s|%s|%s|%s\n" "$FOO" "$PWD" "$TERM" "$LANG"; sleep 30"#,
                            environment: ["FOO": "a 'b' $c"], workingDirectory: dir)
        let expected = "env=a 'b' $c|\(URL(fileURLWithPath: dir).resolvingSymlinksInPath().path)|tmux-256color|C.UTF-8"
        try tmux.waitFor(expected)
    }

    func testArgumentsAreShellQuoted() throws {
        // The arguments reach `sh -c` untouched as "$@"; the shell then stays, so the pane is alive when captured
        // (tmux 3.3a now and then drops the last output of a program that exits at once).
        let tmux = try TmuxSession(command: ["sh", "-c", #"printf '%s|%s|%s\n' "$@"; sleep 30"#, "sh", "it's $HOME", "a  b", "`x`;*"])
        sessions.append(tmux)
        try tmux.waitFor("it's $HOME|a  b|`x`;*")
    }

    func testCaptureWithEscapesShowsColours() throws {
        let tmux = try bash(#"printf '\e[31mred\e[0m plain\n'; sleep 30"#)
        try tmux.waitFor("red plain")
        XCTAssertTrue(try tmux.captureWithEscapes().contains("\u{1B}[31mred"))
    }

    func testKillRemovesTheSocket() throws {
        let tmux = try bash("sleep 30")
        let path = try XCTUnwrap(tmux.socketPath)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        tmux.kill()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertThrowsError(try tmux.capture())
    }
}
