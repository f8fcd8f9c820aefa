#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// Bracketed paste of the real binary in tmux (`paste-buffer -p` wraps the text in `ESC[200~ … ESC[201~`
/// when the program asked for it), and typing over a number question's default.
final class PasteAndTypingTests: ArchtuiTestCase {
    /// About 10,000 characters over many lines, full of `q`, `d`, `x`, `j`: keys that would quit, delete or
    /// move if a paste were read as keys, and line breaks that would press Enter.
    static func pastedText(characters: Int = 10_000) -> String {
        let words = ["quick", "dog", "index", "join", "queue", "delta", "paste", "order", "ships", "today"]
        var lines: [String] = []
        var length = 0
        var index = 0
        while length < characters {
            let line = (0..<8).map { words[($0 + index) % words.count] }.joined(separator: " ")
            lines.append(line)
            length += line.count + 1
            index += 3
        }
        var text = lines.joined(separator: "\n")
        text.removeLast(text.count - characters)
        while text.last == " " || text.last == "\n" { text.removeLast() }
        return text
    }

    /// The project name as saved: the `projectName:` line and the lines YAML folded it onto.
    private func savedProjectName(_ file: String) -> String? {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("projectName: ") }) else { return nil }
        var parts = [String(lines[first].dropFirst("projectName: ".count))]
        for line in lines[(first + 1)...] {
            guard line.hasPrefix(" ") else { break }
            parts.append(line.trimmingCharacters(in: .whitespaces))
        }
        return parts.joined(separator: " ")
    }

    func testATenThousandCharacterPasteIsStoredAsOneTextAndRunsNoKeys() throws {
        let dir = try makeDirectory()
        let file = dir + "/paste.archtui.yaml"
        let tmux = try launch(["paste.archtui.yaml"], in: dir)
        try tmux.waitFor("What is the project called?")
        let text = Self.pastedText()
        XCTAssertGreaterThan(text.count, 9_990)
        try tmux.paste(text)
        // The field shows the end of the text; a line break read as Enter would have named the project
        // after the first line.
        let tail = String(text.suffix(30)).replacingOccurrences(of: "\n", with: " ")
        try tmux.waitFor(tail)
        XCTAssertTrue(try tmux.capture().contains("What is the project called?"), "still naming the project")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("1/5 Understand requirements")
        let saved = try waitForFile(file, description: "with the pasted name") { self.savedProjectName($0) != nil }
        let name = try XCTUnwrap(savedProjectName(saved))
        // One line: the line breaks became spaces.
        XCTAssertTrue(name == text.replacingOccurrences(of: "\n", with: " "),
                      "saved name (\(name.count) characters) differs from the paste (\(text.count)):\n\(saved.prefix(400))")

        // A paste where no text goes is ignored: its q does not quit, its j does not move.
        try tmux.paste("q\nj\nd\nx\n]")
        try tmux.sendKeys("]")
        try tmux.waitFor("2/5 Design APIs")
        XCTAssertFalse(try tmux.isDead(), "a pasted q quit the program")
        try quit(tmux)
    }

    /// A list item typed right after Enter keeps its first letter; a multi-line paste with blank lines adds one
    /// item per non-empty line, and none of its letters runs as a command.
    func testTypingAndPastingIntoAListLosesNothing() throws {
        let dir = try makeDirectory()
        let file = dir + "/list.archtui.yaml"
        let tmux = try startNewSession(file: "list.archtui.yaml", project: "Lists", in: dir)
        try tmux.sendKeys("]", "]", "]")
        try tmux.waitFor("4/5 Design data models")
        try tmux.sendKeys("g", "Enter")
        try tmux.waitFor("add entity")
        try tmux.type("Members")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("1. Members")
        try tmux.paste("Books\n\n  due dates shown\nLoans\n\n")
        try tmux.waitFor("4. Loans")
        try tmux.sendKeys("Escape", "Escape")
        try tmux.waitFor("✓ Which entities")
        let saved = try waitForFile(file, description: "with the entities") { $0.contains("- name: Loans\n") }
        let names = saved.split(separator: "\n").filter { $0.hasPrefix("- name: ") }.map { String($0.dropFirst(8)) }
        XCTAssertEqual(names, ["Members", "Books", "due dates shown", "Loans"], saved)
        try quit(tmux)
    }

    func testTypingOverANumberDefaultStoresWhatWasTyped() throws {
        let dir = try makeDirectory()
        let file = dir + "/number.archtui.yaml"
        let tmux = try startNewSession(file: "number.archtui.yaml", project: "Numbers", in: dir)
        // The first step's third question, "Peak requests per second", has the default 100.
        try tmux.sendKeys("j", "j", "Enter")
        try tmux.waitFor("› 100")
        try tmux.waitFor("Typing replaces")
        try tmux.type("80")
        try tmux.sendKeys("Enter", "C-s")
        let saved = try waitForFile(file, description: "with the typed figure") { $0.contains("requirements.peak_rps:") }
        XCTAssertTrue(saved.contains("requirements.peak_rps: 80\n"), saved)
        try quit(tmux)
    }
}

/// Bracketed paste is switched off whenever archtui gives the terminal back: a shell command run after it
/// must get a paste as plain text, not wrapped in `ESC[200~ … ESC[201~`.
final class BracketedPasteRestoreTests: ArchtuiTestCase {
    /// Runs archtui under bash, then `cat -v` (which shows an Esc as `^[`); `leave` makes archtui give the
    /// terminal back and `banner` shows when it has; then a paste must reach `cat` bare.
    private func checkPasteIsPlainAfterwards(banner: String, leave: (TmuxSession) throws -> Void) throws {
        let dir = try makeDirectory()
        try writeSessionFile(dir + "/s.archtui.yaml", projectName: "Restore Test")
        let script = #"set -m; "$0" s.archtui.yaml; echo "left-with $?"; exec cat -v"#
        let tmux = try launch(["bash", "--norc", "--noprofile", "-c", script, binary], in: dir, executable: "/usr/bin/env")
        try tmux.waitFor("1/5 Understand requirements")
        try leave(tmux)
        try tmux.waitFor(banner)
        try tmux.paste("plain-paste")
        try tmux.sendKeys("Enter")
        // The tty echoes the line and cat prints it: two lines once both are done.
        let screen = try tmux.waitFor(where: { $0.components(separatedBy: "plain-paste").count == 3 },
                                      description: "the pasted line echoed and printed")
        XCTAssertFalse(screen.contains("200~"), "bracketed paste still on after archtui left:\n\(screen)")
    }

    func testQuitSwitchesBracketedPasteOff() throws {
        try checkPasteIsPlainAfterwards(banner: "left-with 0") { try $0.sendKeys("q") }
    }

    func testSIGTERMSwitchesBracketedPasteOff() throws {
        try checkPasteIsPlainAfterwards(banner: "left-with") { tmux in
            let shell = try tmux.pid()
            let app = try XCTUnwrap(childPid(of: shell), "the app's pid")
            XCTAssertEqual(kill(app, SIGTERM), 0)
        }
    }

    func testControlZSwitchesBracketedPasteOff() throws {
        try checkPasteIsPlainAfterwards(banner: "left-with 148") { try $0.sendKeys("C-z") }
    }

    private func childPid(of pid: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { pid_t(String($0)) }
    }
}

extension TmuxSession {
    /// Pastes `text` as a terminal paste: through a tmux buffer, bracketed (`-p`) when the program asked
    /// for bracketed paste; line breaks are sent as CR, as terminals do.
    func paste(_ text: String) throws {
        let path = stateDirectory + "/paste-\(UUID().uuidString.prefix(8)).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try tmux(["load-buffer", "-b", "archtui-paste", path])
        try tmux(["paste-buffer", "-p", "-d", "-b", "archtui-paste", "-t", "e2e"])
    }
}
