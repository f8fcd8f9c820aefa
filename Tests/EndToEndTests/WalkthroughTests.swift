import Foundation
import XCTest

/// A new session answered completely by typing, following the catalogue files; then quit, relaunch and
/// check that every answer came back, on screen and in the saved YAML.
final class WalkthroughTests: ArchtuiTestCase {
    /// What a walkthrough typed for one question, and how the app should show and save it.
    struct Expected {
        var question: ScannedQuestion
        /// The stored values (for show-if and the file).
        var values: [String]
        /// The one-line summary in the questions pane.
        var summary: String
        var isSequence: Bool
    }

    /// Values typed into number questions; capacity figures are computed from these below.
    static let numbers: [String: String] = [
        "requirements.peak_rps": "1500",
        "requirements.daily_active_users": "200000",
        "requirements.requests_per_user": "54",
        "requirements.read_ratio": "60",
        "requirements.records_first_year": "2000000",
        "requirements.record_size_kb": "1.5",
        "requirements.growth_per_year": "100",
        "requirements.retention_years": "3",
        "requirements.p99_latency_ms": "250",
        "requirements.availability": "99.95",
        "requirements.team_size": "6",
        "nonfunctional.rpo_minutes": "15",
        "nonfunctional.rto_minutes": "90",
        "nonfunctional.instance_rps": "250",
        "nonfunctional.headroom": "20",
    ]
    static let entities = ["Order", "Customer"]
    static let services = ["Ordering", "Customers"]
    static let systems = [(typed: "Stripe (payments)", name: "Stripe", summary: "Stripe (Payment provider, REST)"),
                          (typed: "Legacy WMS (SOAP, stock)", name: "Legacy WMS", summary: "Legacy WMS (System of record, SOAP)")]

    func testFullWalkthroughByTypingThenRelaunch() throws {
        let steps = try CatalogueScan.steps()
        XCTAssertEqual(steps.count, 5, "catalogue steps")
        let dir = try makeDirectory()
        let file = dir + "/new.archtui.yaml"
        let tmux = try startNewSession(file: "new.archtui.yaml", project: "Test Shop", in: dir, width: 200, height: 60)

        var answers: [String: [String]] = [:]
        var expected: [[Expected]] = []
        var listCounter = 0
        for (stepIndex, step) in steps.enumerated() {
            try tmux.waitFor("\(stepIndex + 1)/5 \(step.title)")
            var stepExpected: [Expected] = []
            for question in step.questions where question.isShown(answers) {
                let item = try answer(question, in: tmux, listCounter: &listCounter)
                answers[question.id] = item.values
                stepExpected.append(item)
                // Keys are read in order, so only a list's closing Esc needs the app to catch up (a key
                // within ESCDELAY after Esc would read as Alt-key). Each row is checked at the step's end.
                if item.isSequence, question.kind != "multi-choice" {
                    try tmux.waitFor(where: { self.rowShows(item, on: $0) }, description: "answer row of \(question.id)")
                }
            }
            // Every visible row turned ✓ with its answer; questions hidden by show-if stayed hidden.
            let rows = stepExpected
            let screen = try tmux.waitFor(where: { s in rows.allSatisfy { self.rowShows($0, on: s) } },
                                          description: "all answers of step \(stepIndex + 1)")
            for item in stepExpected {
                XCTAssertTrue(rowShows(item, on: screen), "row of \(item.question.id)\n\(screen)")
            }
            for question in step.questions where !question.isShown(answers) {
                XCTAssertFalse(screen.contains(String(question.prompt.prefix(24))), "hidden question \(question.id) shown")
            }
            expected.append(stepExpected)
            XCTAssertTrue(ScreenText.hasSegment(screen, containing: ["✓ \(stepIndex + 1) \(step.title)"]),
                          "step \(stepIndex + 1) not ✓\n\(screen)")
            if stepIndex < steps.count - 1 { try tmux.sendKeys("]") }
        }
        XCTAssertNotNil(answers["services.discovery"], "walkthrough should have revealed a show-if question")

        // The design is derived in the background after the last answer: wait until the pane shows it.
        let screen = try tmux.waitFor(where: { !$0.contains("updating…") }, description: "the design derived")
        try checkMethodPane(steps, on: screen)
        try checkDesignPane(on: screen)
        try quit(tmux)

        // The saved file.
        let saved = try read(file)
        XCTAssertTrue(saved.hasPrefix("schemaVersion: 2\n"), saved)
        XCTAssertTrue(saved.contains("projectName: Test Shop\n"), saved)
        for item in expected.joined() { checkYAML(item, in: saved) }

        // Relaunch: every answer is restored.
        let again = try launch(["new.archtui.yaml"], in: dir, width: 200, height: 60)
        for (stepIndex, step) in steps.enumerated() {
            if stepIndex > 0 { try again.sendKeys("]") }
            try again.waitFor("\(stepIndex + 1)/5 \(step.title)")
            let rows = expected[stepIndex]
            let screen = try again.waitFor(where: { s in rows.allSatisfy { self.rowShows($0, on: s) } },
                                           description: "all answers of step \(stepIndex + 1) after relaunch")
            try checkMethodPane(steps, on: screen)
            if stepIndex == 0 { try checkDesignPane(on: screen) }
        }
        // Change one answer so the second run saves too; the first version is kept as .bak.
        try again.sendKeys("G", "Enter", "C-u") // the last question of step 5: headroom
        try again.type("11")
        try again.sendKeys("Enter")
        try again.waitFor(where: { ScreenText.hasSegment($0, containing: ["✓ Capacity headroom", "11%"]) },
                          description: "changed headroom")
        try quit(again)
        let second = try read(file)
        XCTAssertTrue(second.contains("nonfunctional.headroom: 11\n"), second)
        XCTAssertTrue(exists(file + ".bak"), "no .bak after the second save")
        let backup = try read(file + ".bak")
        XCTAssertTrue(backup.hasPrefix("schemaVersion: 2\n"), backup)
        XCTAssertFalse(backup.contains("nonfunctional.headroom: 11\n"), "the .bak should be an older version")
    }

    // MARK: Answering

    private func answer(_ question: ScannedQuestion, in tmux: TmuxSession, listCounter: inout Int) throws -> Expected {
        switch question.kind {
        case "integer", "number":
            let text = Self.numbers[question.id] ?? "7"
            try tmux.sendKeys("Enter", "C-u")
            try tmux.type(text)
            try tmux.sendKeys("Enter")
            let value = try XCTUnwrap(Double(text))
            let figure = abs(value) >= 10_000 ? Figures.compact(value) : Figures.plain(value)
            var summary = figure
            if let unit = question.unit, !unit.isEmpty { summary = unit == "%" ? figure + "%" : "\(figure) \(unit)" }
            return Expected(question: question, values: [Figures.plain(value)], summary: summary, isSequence: false)
        case "choice":
            // The editor opens on the default; Down moves one option on (stays on the last).
            let start = question.choices.firstIndex { $0.value == question.defaults.first } ?? 0
            let chosen = question.choices[min(question.choices.count - 1, start + 1)]
            try tmux.sendKeys("Enter", "Down", "Enter")
            return Expected(question: question, values: [chosen.value], summary: chosen.label, isSequence: false)
        case "multi-choice":
            // Opens with the defaults ticked and the cursor on the first option: Down, Space ticks the second.
            let second = question.choices[1].value
            var ticked = Set(question.defaults)
            if ticked.contains(second) {
                ticked.remove(second)
            } else {
                // "None" excludes the other options, and ticking another clears it.
                ticked = second == "none" ? ["none"] : ticked.union([second]).subtracting(["none"])
            }
            let chosen = question.choices.filter { ticked.contains($0.value) }
            try tmux.sendKeys("Enter", "Down", "Space", "Enter")
            return Expected(question: question, values: chosen.map(\.value),
                            summary: chosen.map(\.label).joined(separator: ", "), isSequence: true)
        case "list", "entities", "services", "systems":
            listCounter += 1
            let items = question.kind == "entities" ? Self.entities : question.kind == "services" ? Self.services
                : question.kind == "systems" ? Self.systems.map(\.typed) : ["Alpha \(listCounter)", "Beta \(listCounter)"]
            try tmux.sendKeys("Enter", "Enter")
            for item in items {
                try tmux.type(item)
                try tmux.sendKeys("Enter")
            }
            try tmux.sendKeys("Enter", "Escape") // empty item stops adding; Esc closes the list
            if question.kind == "systems" {
                // A typed line is a system: its name, and kind and protocol guessed from the words.
                return Expected(question: question, values: Self.systems.map(\.name),
                                summary: Self.systems.map(\.summary).joined(separator: "; "), isSequence: true)
            }
            return Expected(question: question, values: items,
                            summary: items.joined(separator: question.kind == "list" ? "; " : ", "), isSequence: true)
        default:
            throw TmuxError(description: "unknown question kind \(question.kind) for \(question.id)")
        }
    }

    // MARK: Checks

    /// The question's row in the questions pane: ✓, the prompt and (the start of) the answer.
    private func rowShows(_ item: Expected, on screen: String) -> Bool {
        ScreenText.hasSegment(screen, containing: ["✓ " + item.question.prompt.prefix(20), String(item.summary.prefix(12))])
    }

    private func checkMethodPane(_ steps: [ScannedStep], on screen: String, line: UInt = #line) throws {
        for (index, step) in steps.enumerated() {
            XCTAssertTrue(ScreenText.hasSegment(screen, containing: ["✓ \(index + 1) \(step.title)"]),
                          "step \(index + 1) ✓ in the method pane\n\(screen)", line: line)
        }
        let answered = try XCTUnwrap(screen.split(separator: "\n").lazy.compactMap { line -> Substring? in
            guard let r = line.range(of: #"\d+ of \d+ answered"#, options: .regularExpression) else { return nil }
            return line[r]
        }.first, "answered count\n\(screen)")
        let numbers = answered.split(separator: " ")
        XCTAssertEqual(numbers[0], numbers[2], "all answered: \(answered)", line: line)
    }

    /// Capacity figures computed from the typed numbers, and the entities.
    private func checkDesignPane(on screen: String, line: UInt = #line) throws {
        let n = { (id: String) in Double(Self.numbers[id]!)! }
        let average = n("requirements.daily_active_users") * n("requirements.requests_per_user") / 86_400
        let peak = n("requirements.peak_rps")
        let reads = peak * n("requirements.read_ratio") / 100
        let year1 = n("requirements.records_first_year") * n("requirements.record_size_kb") * 1_000
        var total = 0.0, yearly = year1
        for _ in 0..<Int(n("requirements.retention_years")) {
            total += yearly
            yearly *= 1 + n("requirements.growth_per_year") / 100
        }
        let needed = (peak * (1 + n("nonfunctional.headroom") / 100) / n("nonfunctional.instance_rps")).rounded(.up)
        let instances = max(needed, n("requirements.availability") >= 99.9 ? 2 : 1)
        let figures: [(String, String)] = [
            ("Average load", Figures.rate(average)),
            ("Peak load", Figures.rate(peak)),
            ("Peak reads / writes", "\(Figures.rate(reads)) / \(Figures.rate(peak - reads))"),
            ("Storage, year 1", Figures.bytes(year1)),
            ("Storage after \(Figures.plain(n("requirements.retention_years"))) years", Figures.bytes(total)),
            ("App instances at peak", Figures.plain(instances)),
        ]
        // Guard against the mirror drifting into nonsense: the hand-computed values.
        XCTAssertEqual(figures.map(\.1), ["125 req/s", "1.5k req/s", "900 req/s / 600 req/s", "3 GB", "21 GB", "8"])
        for (label, value) in figures {
            XCTAssertTrue(ScreenText.hasSegment(screen, containing: ["  " + label + " ", " " + value]),
                          "design pane: \(label) \(value)\n\(screen)", line: line)
        }
        XCTAssertTrue(screen.contains("as answered (12× the average)"), screen, line: line)
        XCTAssertTrue(screen.contains("Entities (\(Self.entities.count))"), screen, line: line)
        for entity in Self.entities {
            XCTAssertTrue(screen.contains("• " + entity), "entity \(entity)\n\(screen)", line: line)
        }
    }

    /// The answer in the saved YAML: `  id: value` (maybe quoted), or `  id:` then `  - item` lines.
    private func checkYAML(_ item: Expected, in yaml: String) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if ["entities", "services", "systems"].contains(item.question.kind) {
            // The `- name:` lines of its top-level section (`entities:`, `services:`, `systems:`).
            guard let start = lines.firstIndex(of: item.question.kind + ":") else { return XCTFail("no \(item.question.kind) in the file:\n\(yaml)") }
            let section = lines[(start + 1)...].prefix { $0.hasPrefix("-") || $0.hasPrefix(" ") }
            let names = section.filter { $0.hasPrefix("- name: ") }.map { CatalogueScan.unquote(String($0.dropFirst(8))) }
            XCTAssertEqual(names, item.values, "\(item.question.kind) in the file")
            return
        }
        let key = "  \(item.question.id):"
        guard let index = lines.firstIndex(where: { $0 == key || $0.hasPrefix(key + " ") }) else {
            return XCTFail("\(item.question.id) missing from the file:\n\(yaml)")
        }
        if item.isSequence {
            let items = lines[(index + 1)...].prefix { $0.hasPrefix("  - ") }.map { CatalogueScan.unquote(String($0.dropFirst(4))) }
            XCTAssertEqual(items, item.values, "\(item.question.id) in the file")
        } else {
            let value = CatalogueScan.unquote(String(lines[index].dropFirst(key.count)))
            XCTAssertEqual(value, item.values.first, "\(item.question.id) in the file")
        }
    }
}
