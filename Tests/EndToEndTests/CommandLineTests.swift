import Foundation
import XCTest

/// The command line outside the TUI: help, version, no terminal, and files it refuses to open.
final class CommandLineTests: ArchtuiTestCase {
    override func setUpWithError() throws {
        binary = try archtuiBinaryPath() // the spawn tests need no tmux; the tmux ones check for it below
    }

    private func requireTmux() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    func testHelpMentionsFileAndDemo() throws {
        let result = try spawn([binary, "--help"], timeout: 10)
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.status, 0, result.output)
        for text in ["FILE", "demo", "archtui", "render", "check", "rules"] { XCTAssertTrue(result.output.contains(text), result.output) }
        // --demo belongs to the default `open` subcommand since render/check/rules exist.
        let open = try spawn([binary, "open", "--help"], timeout: 10)
        XCTAssertEqual(open.status, 0, open.output)
        for text in ["--demo", "--rules", "<file>"] { XCTAssertTrue(open.output.contains(text), open.output) }
    }

    func testVersionPrintsAVersion() throws {
        let result = try spawn([binary, "--version"], timeout: 10)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertNotNil(result.output.range(of: #"^\d+\.\d+\.\d+\s*$"#, options: .regularExpression), result.output)
    }

    /// 69 (EX_UNAVAILABLE): neither a usage error (64) nor `check`'s "found an error" (1).
    func testWithoutATerminalExits69() throws {
        let dir = try makeDirectory()
        let result = try spawn(["sh", "-c", "cd \(shellQuote(dir)) && exec \(shellQuote(binary)) new.archtui.yaml"],
                               timeout: 10)
        XCTAssertEqual(result.status, 69, result.output)
        XCTAssertTrue(result.output.contains("needs a terminal"), result.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [], "nothing may be created")
    }

    /// `archtui`, `archtui --demo` and `archtui FILE` start the TUI without ArgumentParser; every other command line
    /// still goes through it: subcommands, options, a subcommand's name, an unknown option, several files.
    func testOnlyPlainCommandLinesSkipTheParser() throws {
        for plain in [[], ["--demo"], ["new.archtui.yaml"]] {
            let result = try spawn([binary] + plain, timeout: 10)
            XCTAssertEqual(result.status, 69, "\(plain): \(result.output)") // no terminal: the TUI's own refusal
            XCTAssertTrue(result.output.contains("needs a terminal"), result.output)
        }
        let render = try spawn([binary, "render"], timeout: 10)
        XCTAssertEqual(render.status, 64, render.output) // the subcommand, missing its FILE: not a file named "render"
        XCTAssertTrue(render.output.contains("Missing expected argument"), render.output)
        for parsed in [["-x"], ["a.yaml", "b.yaml"], ["--rules"]] {
            let result = try spawn([binary] + parsed, timeout: 10)
            XCTAssertEqual(result.status, 64, "\(parsed): \(result.output)")
        }
        let withRules = try spawn([binary, "--rules", try makeDirectory(), "x.archtui.yaml"], timeout: 10)
        XCTAssertEqual(withRules.status, 69, withRules.output) // parsed, then the TUI's refusal
    }

    func testDemoAndFileTogetherIsAUsageError() throws {
        let result = try spawn([binary, "--demo", "x.archtui.yaml"], timeout: 10)
        XCTAssertEqual(result.status, 64, result.output) // ArgumentParser's validation failure (EX_USAGE)
        XCTAssertTrue(result.output.contains("--demo"), result.output)
    }

    /// Runs archtui on `content` in tmux (it needs a TTY) and expects it to refuse with `status`,
    /// leaving the file byte for byte as it was and no backup. Returns what it printed.
    private func refuse(_ content: String, status: Int32) throws -> String {
        try requireTmux()
        let dir = try makeDirectory()
        let file = dir + "/bad.archtui.yaml"
        let bytes = Data(content.utf8)
        try bytes.write(to: URL(fileURLWithPath: file))
        let tmux = try launch(["bad.archtui.yaml"], in: dir)
        XCTAssertEqual(try tmux.waitForExit(), status)
        XCTAssertFalse(try tmux.isAlternateScreenOn())
        let screen = try tmux.capture()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), bytes, "the file was changed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["bad.archtui.yaml"], "no .bak or other file")
        return screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    func testMalformedFileExits65WithFileLineColumn() throws {
        let output = try refuse("schemaVersion: 1\nprojectName: [unclosed\n", status: 65)
        XCTAssertNotNil(output.range(of: #"bad\.archtui\.yaml:\d+:\d+:"#, options: .regularExpression),
                        "error should start FILE:LINE:COL:\n\(output)")
        XCTAssertTrue(output.contains("not changed"), output)
    }

    func testFutureSchemaVersionIsRefused() throws {
        let output = try refuse("schemaVersion: 99\nprojectName: Future\nanswers: {}\n", status: 65)
        XCTAssertTrue(output.contains("99"), "error should name the version\n\(output)")
        XCTAssertTrue(output.contains("bad.archtui.yaml"), output)
    }
}
