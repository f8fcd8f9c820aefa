import Foundation
import XCTest

/// The script commands (`render`, `check`, `rules`) and user rule packs, run without a terminal.
final class DesignCommandTests: ArchtuiTestCase {
    override func setUpWithError() throws {
        binary = try archtuiBinaryPath() // spawn only: no tmux needed
    }

    private var bookstore: String { packageRoot().appendingPathComponent("Resources/examples/bookstore.archtui.yaml").path }
    private var demo: String { packageRoot().appendingPathComponent("Resources/demo/shop.yaml").path }
    /// The built-in rule this suite overrides, and the file it is defined in.
    private static let overriddenID = "style.modular-monolith-small-team"
    private static let overriddenTitle = "Small crew → one deployable (user pack)"

    /// Runs archtui with `arguments`; `XDG_CONFIG_HOME` points at an empty directory unless given, so
    /// the user's own rule packs never leak into a test.
    private func run(_ arguments: [String], xdgConfigHome: String? = nil, in directory: String? = nil) throws -> SpawnResult {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = try xdgConfigHome ?? makeDirectory()
        environment["HOME"] = try makeDirectory()
        let argv: [String]
        if let directory {
            argv = ["sh", "-c", "cd \(shellQuote(directory)) && exec " + ([binary] + arguments).map(shellQuote).joined(separator: " ")]
        } else {
            argv = [binary] + arguments
        }
        let result = try spawn(argv, environment: environment, timeout: 30)
        XCTAssertFalse(result.timedOut, "archtui \(arguments.joined(separator: " ")) timed out:\n\(result.output)")
        return result
    }

    private func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    // MARK: render

    func testRenderDemoPrintsEverySectionWithADecision() throws {
        let result = try run(["render", demo])
        XCTAssertEqual(result.status, 0, result.output)
        for title in ["Overview", "Decisions", "Components", "API", "Schema", "Sequences", "Deployment", "Security", "Capacity", "Findings"] {
            XCTAssertTrue(result.output.contains("== \(title) =="), "section \(title) missing:\n\(result.output)")
        }
        // The Decisions section holds at least one non-empty line before the next header.
        let all = lines(result.output)
        let start = try XCTUnwrap(all.firstIndex(of: "== Decisions =="))
        let body = all[(start + 1)...].prefix { !$0.hasPrefix("== ") }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertFalse(body.isEmpty, "no decision lines:\n\(result.output)")
        XCTAssertTrue(body.contains { $0.contains("Modular monolith") || $0.contains("architecture.style") || $0.contains("style") },
                      "no architecture-style decision:\n\(body.joined(separator: "\n"))")
        XCTAssertFalse(result.output.contains("\u{1B}["), "render must print plain text, no escape sequences")
    }

    func testRenderSingleSectionPrintsOnlyThatSection() throws {
        let result = try run(["render", bookstore, "--section", "API"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("/v1/"), result.output)
        XCTAssertTrue(result.output.contains("GET"), result.output)
        XCTAssertFalse(result.output.contains("== "), "a single section has no headers:\n\(result.output)")
        XCTAssertFalse(result.output.contains("Modular monolith"), "decisions leaked into the API section:\n\(result.output)")
        // Case-insensitive section name.
        let lower = try run(["render", bookstore, "--section", "api"])
        XCTAssertEqual(lower.status, 0, lower.output)
        XCTAssertEqual(lower.output, result.output)
    }

    func testRenderUnknownSectionListsTheSections() throws {
        let result = try run(["render", bookstore, "--section", "Nope"])
        XCTAssertNotEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("Nope"), result.output)
        for title in ["Overview", "Decisions", "API", "Findings"] {
            XCTAssertTrue(result.output.contains(title), "section list should name \(title):\n\(result.output)")
        }
    }

    func testRenderMissingFileExits66() throws {
        let dir = try makeDirectory()
        let result = try run(["render", dir + "/missing.archtui.yaml"])
        XCTAssertEqual(result.status, 66, result.output)
        XCTAssertTrue(result.output.contains("missing.archtui.yaml"), result.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [], "render must not create the file")
    }

    // MARK: check

    func testCheckBookstoreExitStatusMatchesErrors() throws {
        let result = try run(["check", bookstore])
        let hasError = result.output.contains(": error:")
        XCTAssertEqual(result.status, hasError ? 1 : 0, result.output)
        let summary = try XCTUnwrap(result.output.range(of: #"(\d+) errors?, \d+ warnings?, \d+ notes?"#, options: .regularExpression),
                                    "summary line:\n\(result.output)")
        XCTAssertEqual(result.output[summary].hasPrefix("0 errors"), !hasError, result.output)
        for (number, noun) in result.output[summary].split(separator: ", ").map({ ($0.split(separator: " ")[0], $0.split(separator: " ")[1]) }) {
            XCTAssertEqual(noun.hasSuffix("s"), number != "1", "“\(number) \(noun)”: one is singular, others plural")
        }
        // Regression: Author.name is not personal data just because Customer.name is.
        XCTAssertFalse(result.output.contains("(endpoint GET /v1/authors) [security.pii-in-url]"), result.output)
    }

    func testCheckWithAnErrorFindingExits1() throws {
        let dir = try makeDirectory()
        let file = dir + "/broken.archtui.yaml"
        let original = try read(bookstore)
        // Author now points at an entity that does not exist.
        let marker = "  - {name: bio, type: text}\n"
        XCTAssertTrue(original.contains(marker))
        let broken = original.replacingOccurrences(
            of: marker, with: marker + "  relations:\n  - {kind: belongs-to, target: Publisher}\n")
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(["check", file])
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.contains(": error:"), result.output)
        XCTAssertTrue(result.output.contains("model.unknown-relation-target"), result.output)
        XCTAssertNil(result.output.range(of: #"^0 errors"#, options: [.regularExpression, .anchored]), result.output)
        XCTAssertEqual(try read(file), broken, "check must not change the file")
    }

    // MARK: rules

    func testRulesListsEveryRuleWithACount() throws {
        let result = try run(["rules"])
        XCTAssertEqual(result.status, 0, result.output)
        let countLine = try XCTUnwrap(lines(result.output).last { $0.range(of: #"^\d+ rules$"#, options: .regularExpression) != nil },
                                      "count line:\n\(result.output)")
        let count = try XCTUnwrap(Int(countLine.split(separator: " ")[0]))
        XCTAssertGreaterThanOrEqual(count, 60, result.output)
        XCTAssertTrue(result.output.contains(Self.overriddenID), result.output)
        XCTAssertFalse(result.output.contains("(overrides built-in)"), "no user pack, nothing overridden:\n\(result.output)")
    }

    func testRulesExplainsOneRule() throws {
        let result = try run(["rules", Self.overriddenID])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains(Self.overriddenID), result.output)
        XCTAssertTrue(result.output.contains("when:"), result.output)
        XCTAssertTrue(result.output.contains("requirements.team_size"), result.output)
        XCTAssertTrue(result.output.contains("Small team or no operations"), result.output)
    }

    func testRulesUnknownIDFails() throws {
        let result = try run(["rules", "nope"])
        XCTAssertNotEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("nope"), result.output)
    }

    /// The built-in rule `overriddenID`, copied as a one-rule file with a new title.
    private func overridingRuleFile() throws -> String {
        let source = try read(packageRoot().appendingPathComponent("Resources/rules/10-style.yaml").path)
        let all = lines(source)
        let start = try XCTUnwrap(all.firstIndex(of: "  - id: \(Self.overriddenID)"))
        let rest = all[(start + 1)...].prefix { !$0.hasPrefix("  - id: ") }
        var rule = [all[start]] + rest
        while let last = rule.last, last.trimmingCharacters(in: .whitespaces).isEmpty { rule.removeLast() }
        let titleIndex = try XCTUnwrap(rule.firstIndex { $0.hasPrefix("    title: ") })
        rule[titleIndex] = "    title: \(Self.overriddenTitle)"[...]
        return "rules:\n" + rule.joined(separator: "\n") + "\n"
    }

    private func checkOverride(xdgConfigHome: String? = nil, extraArguments: [String] = []) throws {
        let list = try run(["rules"] + extraArguments, xdgConfigHome: xdgConfigHome)
        XCTAssertEqual(list.status, 0, list.output)
        let line = try XCTUnwrap(lines(list.output).first { $0.contains(Self.overriddenID) }, list.output)
        XCTAssertTrue(line.contains("(overrides built-in)"), String(line))
        XCTAssertEqual(lines(list.output).filter { $0.contains("(overrides built-in)") }.count, 1, list.output)
        // Same number of rules: it replaced one, it did not add one.
        let builtIn = try run(["rules"])
        XCTAssertEqual(lines(list.output).last { $0.hasSuffix(" rules") }, lines(builtIn.output).last { $0.hasSuffix(" rules") })

        let explain = try run(["rules", Self.overriddenID] + extraArguments, xdgConfigHome: xdgConfigHome)
        XCTAssertEqual(explain.status, 0, explain.output)
        XCTAssertTrue(explain.output.contains(Self.overriddenTitle), explain.output)
        XCTAssertFalse(explain.output.contains("Small team or no operations"), explain.output)
        XCTAssertTrue(explain.output.contains("overrides:"), explain.output)
    }

    func testRulesDirectoryOverridesABuiltInRule() throws {
        let dir = try makeDirectory()
        try overridingRuleFile().write(toFile: dir + "/mine.yaml", atomically: true, encoding: .utf8)
        try checkOverride(extraArguments: ["--rules", dir])
        // The override is also used to derive designs.
        let render = try run(["render", bookstore, "--section", "Decisions", "--rules", dir])
        XCTAssertEqual(render.status, 0, render.output)
    }

    func testXDGConfigRulesOverrideABuiltInRule() throws {
        let config = try makeDirectory()
        try FileManager.default.createDirectory(atPath: config + "/archtui/rules", withIntermediateDirectories: true)
        try overridingRuleFile().write(toFile: config + "/archtui/rules/x.yaml", atomically: true, encoding: .utf8)
        try checkOverride(xdgConfigHome: config)
    }

    func testBrokenUserRuleFileExits65WithFileLineColumn() throws {
        let dir = try makeDirectory()
        let rule = try overridingRuleFile()
        let broken = rule.replacingOccurrences(
            of: #"when: 'requirements.team_size <= 10 or requirements.ops_capability == "none"'"#,
            with: #"when: 'requirements.team_size <= <= 10 and ('"#)
        XCTAssertNotEqual(broken, rule, "the when line to break was not found")
        try broken.write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        for arguments in [["rules"], ["render", bookstore], ["check", bookstore]] {
            let result = try run(arguments + ["--rules", dir])
            XCTAssertEqual(result.status, 65, "\(arguments): \(result.output)")
            XCTAssertNotNil(result.output.range(of: #"bad\.yaml:\d+:\d+:"#, options: .regularExpression),
                            "\(arguments): error should give FILE:LINE:COL:\n\(result.output)")
        }
        // A missing --rules directory is a read error, not a crash.
        let missing = try run(["rules", "--rules", dir + "/nope"])
        XCTAssertEqual(missing.status, 66, missing.output)
    }

    // MARK: no terminal

    func testOpenWithoutATerminalPointsAtRender() throws {
        let dir = try makeDirectory()
        try FileManager.default.copyItem(atPath: bookstore, toPath: dir + "/bookstore.archtui.yaml")
        let before = try read(dir + "/bookstore.archtui.yaml")
        for arguments in [["bookstore.archtui.yaml"], ["open", "bookstore.archtui.yaml"]] {
            let result = try run(arguments, in: dir)
            XCTAssertEqual(result.status, 69, result.output)
            XCTAssertTrue(result.output.contains("archtui render"), result.output)
        }
        XCTAssertEqual(try read(dir + "/bookstore.archtui.yaml"), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["bookstore.archtui.yaml"])
    }
}
