import ArchModel
import Foundation

/// Texts with `{question.id}` / `{capacity.fact}` placeholders; `{{` and `}}` stand for literal braces.
public enum RuleTemplate {
    /// The placeholders of `text`, each with the offset of its `{` (Unicode scalars, from 0).
    public static func placeholders(in text: String) throws(ExpressionError) -> [(name: String, offset: Int)] {
        var result: [(name: String, offset: Int)] = []
        try scan(text) { name, offset in result.append((name, offset)); return "" }
        return result
    }

    /// The text with every placeholder replaced by its value as the user sees it.
    public static func render(_ text: String, facts: Facts) -> String {
        (try? scan(text) { name, _ in value(of: name, facts: facts) }) ?? text
    }

    /// An answer or fact as shown to people: a choice's label, a number with its unit, list items joined.
    public static func value(of name: String, facts: Facts) -> String {
        if name.hasPrefix("capacity.") {
            let fact = String(name.dropFirst(9))
            return facts.capacity.values[fact].map { CapacityFacts.format(fact, $0) } ?? "(unknown)"
        }
        guard let answer = facts.answer(name) else { return "(not answered)" }
        let question = facts.question(name)
        switch answer {
        case .number(let amount):
            let number = NumberFormat.plain(amount)
            guard let unit = question?.unit, !unit.isEmpty else { return number }
            return unit == "%" ? number + unit : "\(number) \(unit)"
        case .text(let text): return text
        case .choice(let value): return question?.label(of: value) ?? value
        case .choices(let values): return values.map { question?.label(of: $0) ?? $0 }.joined(separator: ", ")
        case .list(let items): return items.joined(separator: ", ")
        }
    }

    private static func scan(_ text: String, _ replace: (String, Int) throws(ExpressionError) -> String) throws(ExpressionError) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if (c == "{" || c == "}") && next == c {
                output.append(c)
                index += 2
            } else if c == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else {
                    throw ExpressionError("unclosed '{' in text; write '{{' for a literal brace", at: index)
                }
                var name = ""
                name.unicodeScalars.append(contentsOf: scalars[(index + 1)..<close])
                output.append(contentsOf: try replace(name.trimmingCharacters(in: .whitespaces), index).unicodeScalars)
                index = close + 1
            } else {
                output.append(c)
                index += 1
            }
        }
        return String(output)
    }
}
