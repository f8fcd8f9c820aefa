@testable import ArchExport
import ArchModel
import ArchRules
import XCTest

/// There is no Structurizr validator here: a small grammar check of the DSL the exporter writes, plus a golden.
final class StructurizrExportTests: XCTestCase {
    /// Tokens of one line: strings (with `\"` and `\\`), words, `{`, `}`, `=`, `->`. Nil when something else
    /// is found (an unclosed string, a stray character).
    static func tokens(_ line: String) -> [String]? {
        var tokens: [String] = []
        var characters = Array(line)[...]
        while let first = characters.first {
            if first == " " { characters.removeFirst(); continue }
            if first == "\"" {
                characters.removeFirst()
                var text = "\""
                var closed = false
                while let next = characters.popFirst() {
                    if next == "\\" {
                        guard let escaped = characters.popFirst(), escaped == "\"" || escaped == "\\" else { return nil }
                        text.append(escaped)
                    } else if next == "\"" { closed = true; break } else { text.append(next) }
                }
                guard closed else { return nil }
                tokens.append(text)
            } else if "{}=".contains(first) {
                tokens.append(String(characters.removeFirst()))
            } else if first == "-", characters.dropFirst().first == ">" {
                characters.removeFirst(2)
                tokens.append("->")
            } else if first.isASCII, first.isLetter || first.isNumber || first == "*" {
                var word = ""
                while let next = characters.first, next.isASCII, next.isLetter || next.isNumber || next == "*" { word.append(characters.removeFirst()) }
                tokens.append(word)
            } else {
                return nil
            }
        }
        return tokens
    }

    /// Problems of a workspace: unbalanced blocks, identifiers used before they are defined or defined twice,
    /// relationships whose ends do not exist, lines that do not tokenize.
    static func problems(_ dsl: String) -> [String] {
        var problems: [String] = []
        var depth = 0
        var defined: Set<String> = []
        for (number, line) in dsl.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let tokens = tokens(String(line)) else { problems.append("line \(number + 1): does not tokenize: \(line)"); continue }
            // After `id = keyword` and `a -> b` come only strings, a number (instances) and an opening brace.
            let start = tokens.count >= 3 && (tokens[1] == "=" || tokens[1] == "->") ? 3 : tokens.count
            if tokens.dropFirst(start).contains(where: { !$0.hasPrefix("\"") && $0 != "{" && Int($0) == nil }) {
                problems.append("line \(number + 1): a word where a string belongs: \(line)")
            }
            if tokens.count >= 3, tokens[1] == "=" {
                if !defined.insert(tokens[0]).inserted { problems.append("line \(number + 1): \(tokens[0]) defined twice") }
            }
            if tokens.count >= 3, tokens[1] == "->" {
                for end in [tokens[0], tokens[2]] where !defined.contains(end) { problems.append("line \(number + 1): \(end) is not defined") }
            }
            if tokens.first == "containerInstance", tokens.count > 1, !defined.contains(tokens[1]) {
                problems.append("line \(number + 1): container \(tokens[1]) is not defined")
            }
            if ["systemContext", "container", "deployment"].contains(tokens.first ?? ""), tokens.count > 1, !tokens[1].hasPrefix("\""),
               !defined.contains(tokens[1]) { problems.append("line \(number + 1): view of undefined \(tokens[1])") }
            depth += tokens.filter { $0 == "{" }.count - tokens.filter { $0 == "}" }.count
            if depth < 0 { problems.append("line \(number + 1): } without {") }
        }
        if depth != 0 { problems.append("\(depth) blocks left open") }
        return problems
    }

    func testTheGrammarCheckCatchesBrokenWorkspaces() {
        XCTAssertEqual(Self.problems("workspace {\n a = person \"A\"\n a -> b \"x\"\n"), ["line 3: b is not defined", "1 blocks left open"])
        XCTAssertEqual(Self.problems("a = person \"say \"hi\"\"\n").count, 1)
        XCTAssertEqual(Self.problems("a = person \"x\\\" y\"\nb = person \"B\"\na -> b \"ok\"\n"), [])
    }

    func testEveryWorkspacePassesTheGrammarCheckAndIsDeterministic() throws {
        for (name, input) in try ExportSessions.all() {
            let files = try StructurizrExporter().files(for: input)
            XCTAssertEqual(files.map(\.path.description), ["workspace.dsl"])
            XCTAssertEqual(Self.problems(files[0].contents), [], name)
            XCTAssertEqual(files, try StructurizrExporter().files(for: input), name)
            XCTAssertTrue(files[0].contents.contains("deploymentEnvironment") == !input.design.deployment.isEmpty, name)
            XCTAssertEqual(files[0].contents.components(separatedBy: " = container ").count - 1, input.design.components.count, name)
        }
    }

    func testHostileNamesStayInsideTheirStrings() throws {
        XCTAssertEqual(StructurizrExporter.quoted("a \"b\" \\ ${X}\u{1B}[2J\nc"), "\"a \\\"b\\\" \\\\ $ {X} [2J c\"")
        let input = try ExportSessions.input(try ExportSessions.hostile(), name: "hostile-docs")
        let dsl = try StructurizrExporter().files(for: input)[0].contents
        XCTAssertFalse(dsl.contains("\u{1B}"))
        XCTAssertEqual(Self.problems(dsl), [])
    }

    func testTheDemoWorkspaceMatchesItsGolden() throws {
        let input = try ExportSessions.input(try Demo.session(), name: "demo-shop")
        try ExportSessions.golden("demo-shop", "workspace.dsl", try StructurizrExporter().files(for: input)[0].contents)
    }
}
