import Foundation

/// The question catalogue read from `Resources/questions/*.yaml` by simple line scanning, so the
/// walkthrough follows whatever the catalogue says (order, kinds, choices, defaults, show-if).
struct ScannedStep {
    var id = ""
    var title = ""
    var questions: [ScannedQuestion] = []
}

struct ScannedQuestion {
    var id: String
    var prompt = ""
    var kind = ""
    var unit: String?
    var choices: [(value: String, label: String)] = []
    var defaults: [String] = []
    var showIf: (question: String, values: [String])?

    /// Whether the question shows for `answers` (stored values per question id).
    func isShown(_ answers: [String: [String]]) -> Bool {
        guard let showIf else { return true }
        guard let answer = answers[showIf.question], !answer.isEmpty else { return false }
        return !Set(answer).isDisjoint(with: showIf.values)
    }
}

enum CatalogueScan {
    static func steps() throws -> [ScannedStep] {
        let directory = packageRoot().appendingPathComponent("Resources/questions")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { try step(String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func step(_ text: String) -> ScannedStep {
        var step = ScannedStep()
        var inStep = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line == "step:" { inStep = true; continue }
            if line == "questions:" { inStep = false; continue }
            if inStep {
                if let v = value(trimmed, "id:") { step.id = v }
                if let v = value(trimmed, "title:") { step.title = v }
                continue
            }
            if trimmed.hasPrefix("- id:") {
                step.questions.append(ScannedQuestion(id: unquote(String(trimmed.dropFirst(5)))))
                continue
            }
            guard !step.questions.isEmpty else { continue }
            let index = step.questions.count - 1
            if let v = value(trimmed, "prompt:") { step.questions[index].prompt = v }
            if let v = value(trimmed, "kind:") { step.questions[index].kind = v }
            if let v = value(trimmed, "unit:") { step.questions[index].unit = v }
            if let v = value(trimmed, "default:") { step.questions[index].defaults = list(v) }
            if trimmed.hasPrefix("- {value:") {
                // - {value: V, label: L}
                let body = trimmed.dropFirst("- {value:".count).dropLast() // drop the closing brace
                if let range = body.range(of: ", label:") {
                    step.questions[index].choices.append((unquote(String(body[..<range.lowerBound])),
                                                          unquote(String(body[range.upperBound...]))))
                }
            }
            if let v = value(trimmed, "show_if:") {
                // {question: Q, in: [a, b]}
                let body = v.dropFirst().dropLast()
                if let q = body.range(of: "question:"), let inRange = body.range(of: ", in:") {
                    let question = unquote(String(body[q.upperBound..<inRange.lowerBound]))
                    step.questions[index].showIf = (question, list(String(body[inRange.upperBound...])))
                }
            }
        }
        return step
    }

    private static func value(_ line: String, _ key: String) -> String? {
        guard line.hasPrefix(key) else { return nil }
        return unquote(String(line.dropFirst(key.count)))
    }

    private static func list(_ text: String) -> [String] {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("[") else { return [unquote(t)] }
        return t.dropFirst().dropLast().split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
    }

    static func unquote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, (t.hasPrefix("\"") && t.hasSuffix("\"")) || (t.hasPrefix("'") && t.hasSuffix("'")) {
            t = String(t.dropFirst().dropLast())
        }
        return t
    }
}

/// How the app formats numbers (mirrors `NumberFormat` in ArchModel; the e2e target cannot import it).
enum Figures {
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func oneDecimal(_ value: Double) -> String { plain((value * 10).rounded() / 10) }

    static func compact(_ value: Double) -> String {
        for (size, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where abs(value) >= size {
            return oneDecimal(value / size) + suffix
        }
        return oneDecimal(value)
    }

    static func rate(_ value: Double) -> String { "\(compact(value)) req/s" }

    static func bytes(_ value: Double) -> String {
        for (size, unit) in [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")] where value >= size {
            return "\(oneDecimal(value / size)) \(unit)"
        }
        return "\(plain(value.rounded())) B"
    }
}
