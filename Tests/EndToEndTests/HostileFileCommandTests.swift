import Foundation
import XCTest

/// `render` and `check` on session files written to hurt, as a user (or CI) runs them: each exits 65 with the file,
/// line and column, or prints the design, never a trap, a hang, or a raw terminal escape.
final class HostileFileCommandTests: ArchtuiTestCase {
    override func setUpWithError() throws {
        binary = try archtuiBinaryPath()
    }

    private var demoText: String {
        get throws { try String(contentsOf: packageRoot().appendingPathComponent("Resources/demo/shop.yaml"), encoding: .utf8) }
    }

    private func run(_ arguments: [String], file text: String) throws -> (SpawnResult, String) {
        let path = try makeDirectory() + "/hostile.archtui.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = try makeDirectory()
        let result = try spawn([binary] + arguments + [path], environment: environment, timeout: 60)
        XCTAssertFalse(result.timedOut, "archtui \(arguments.joined(separator: " ")) timed out:\n\(result.output)")
        return (result, path)
    }

    func testAnswersThatUsedToTrapGiveADesign() throws {
        let text = try demoText
            .replacingOccurrences(of: "requirements.peak_rps: 1200", with: "requirements.peak_rps: 9.3e18")
            .replacingOccurrences(of: "requirements.retention_years: 10", with: "requirements.retention_years: 1e300")
            .replacingOccurrences(of: "nonfunctional.instance_rps: 400", with: "nonfunctional.instance_rps: 1e-300")
        for command in ["render", "check"] {
            let (result, path) = try run([command], file: text)
            XCTAssertTrue([0, 1].contains(result.status), "\(command) exited \(result.status):\n\(result.output.suffix(2000))")
            XCTAssertTrue(result.output.contains("\(path):70:26: warning: requirements.peak_rps: must be between 1 and 1000000 req/s"), result.output.prefix(3000).description)
            XCTAssertTrue(result.output.contains("9.3e+18 req/s is not used"), "\(command): the finding")
            XCTAssertFalse(result.output.contains("inf "), command)
        }
    }

    func testAHexNumberAndAnAliasAreLocatedErrors() throws {
        let hex = try run(["render"], file: try demoText.replacingOccurrences(of: "requirements.peak_rps: 1200", with: "requirements.peak_rps: 0x7fffffffffffffff"))
        XCTAssertEqual(hex.0.status, 65, hex.0.output)
        XCTAssertTrue(hex.0.output.contains("\(hex.1):70:26: expected the answer to requirements.peak_rps as a number, found '0x7fffffffffffffff'"), hex.0.output)
        var bomb = "schemaVersion: 2\nprojectName: &a0 \"" + String(repeating: "x", count: 100_000) + "\"\nanswers:\n"
        for index in 1...200 { bomb += "  q\(index): [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n" }
        let alias = try run(["render"], file: bomb)
        XCTAssertEqual(alias.0.status, 65, String(alias.0.output.prefix(2000)))
        XCTAssertTrue(alias.0.output.contains("\(alias.1):4:8: '*a0' is a YAML alias"), String(alias.0.output.prefix(2000)))
        XCTAssertLessThan(alias.0.output.utf8.count, 2000, "the refusal is one message, not the expansion")
    }

    func testUserTextNeverReachesTheTerminalAsEscapes() throws {
        // A description and a use case (text the file may hold) with a screen clear, a title change and a clipboard write.
        let text = try demoText
            .replacingOccurrences(of: "- Customer finds a product and buys it", with: "- \"Customer \\e[2J\\e]0;owned\\a\\e]52;c;aGk=\\a buys\"")
        for command in ["render", "check"] {
            let (result, _) = try run([command], file: text)
            XCTAssertTrue([0, 1].contains(result.status), "\(command): \(result.output.suffix(1000))")
            XCTAssertFalse(result.output.unicodeScalars.contains("\u{1B}"), "\(command) printed a raw ESC")
            XCTAssertFalse(result.output.unicodeScalars.contains("\u{07}"), "\(command) printed a raw BEL")
        }
        let (render, _) = try run(["render"], file: text)
        XCTAssertTrue(render.output.contains("Customer ␛[2J␛]0;owned␇␛]52;c;aGk=␇ buys"), "the text is shown: \(render.output.prefix(1500))")
    }
}

/// The TUI on the same files: it refuses them with the located error before taking the screen (it used to show a
/// blank screen that ignored q and SIGTERM while an alias expansion ate gigabytes).
final class HostileFileTUITests: ArchtuiTestCase {
    func testTheTUIRefusesAnAliasBombWithItsPosition() throws {
        let dir = try makeDirectory()
        var bomb = "schemaVersion: 2\nprojectName: &a0 \"" + String(repeating: "x", count: 100_000) + "\"\nanswers:\n"
        for index in 1...200 { bomb += "  q\(index): [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n" }
        try bomb.write(toFile: dir + "/bomb.archtui.yaml", atomically: true, encoding: .utf8)
        let tmux = try launch(["bomb.archtui.yaml"], in: dir)
        XCTAssertEqual(try tmux.waitForExit(), 65)
        let screen = try tmux.capture()
        XCTAssertTrue(screen.contains("bomb.archtui.yaml:4:8: '*a0' is a YAML alias"), screen)
        XCTAssertFalse(try tmux.isAlternateScreenOn())
    }
}
