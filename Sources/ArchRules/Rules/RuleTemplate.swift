import ArchModel
import Foundation

/// Texts with `{question.id}` / `{capacity.fact}` placeholders; `{{` and `}}` stand for literal braces.
public enum RuleTemplate {
    /// The placeholders of `text`, each with the offset of its `{` (Unicode scalars, from 0).
    public static func placeholders(in text: String) throws(ExpressionError) -> [(name: String, offset: Int)] {
        var result: [(name: String, offset: Int)] = []
        _ = try scan(text) { name, offset in result.append((name, offset)); return "" }
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
            // 30000000 reads as 30M; small figures and fractions (99.95 %) stay as answered.
            let number = amount >= 10_000 && amount == amount.rounded() ? NumberFormat.compact(amount) : NumberFormat.plain(amount)
            guard let unit = question?.unit, !unit.isEmpty else { return number }
            if unit == "%" { return number + unit }
            // 1 engineer, 1 year: a unit that is an English plural (letters ending in s) drops it for one.
            let pluralWord = unit.count > 2 && unit.hasSuffix("s") && unit.allSatisfy(\.isLetter)
            return "\(number) \(amount == 1 && pluralWord ? String(unit.dropLast()) : unit)"
        case .text(let text): return text
        case .choice(let value): return question?.label(of: value) ?? value
        case .choices(let values): return values.map { question?.label(of: $0) ?? $0 }.joined(separator: ", ")
        case .list(let items): return items.joined(separator: ", ")
        }
    }

    /// Copies `text`, replacing each placeholder by `replace(name, offset)`; works on UTF-8 (rationales are long
    /// and every derivation renders those of the fired rules) and counts scalars only for the offsets it reports.
    private static func scan(_ text: String, _ replace: (String, Int) throws(ExpressionError) -> String) throws(ExpressionError) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == open || $0 == close }) else { return text }
        // Offsets are asked for in increasing order: count on from the last one (counting from the start each time
        // made a pack of 32,000 placeholders take 35 s to load).
        var counted = 0, countedTo = 0
        func scalarOffset(_ index: Int) -> Int {
            for byte in bytes[countedTo..<index] where byte & 0xC0 != 0x80 { counted += 1 }
            countedTo = index
            return counted
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == open || byte == close else {
                let end = bytes[index...].firstIndex { $0 == open || $0 == close } ?? bytes.count
                output += bytes[index..<end]
                index = end
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == byte {  // `{{` or `}}`
                output.append(byte)
                index += 2
            } else if byte == open {
                guard let end = bytes[index...].firstIndex(of: close) else {
                    throw ExpressionError("unclosed '{' in text; write '{{' for a literal brace", at: scalarOffset(index))
                }
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                output += try replace(name.trimmingCharacters(in: .whitespaces), scalarOffset(index)).utf8
                index = end + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
