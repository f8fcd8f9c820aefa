import Foundation

/// Turns what a user typed into a stored answer, or says in plain words why it cannot be stored.
public enum AnswerParser {
    /// Parses `text` for `question`. Empty input gives `nil` (no answer) unless the question is required.
    /// Lists and entity names are one item per line; multi-choice values are separated by commas.
    public static func parse(_ text: String, for question: Question) -> Result<AnswerValue?, AnswerError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return question.validation.required ? .failure(AnswerError("an answer is required")) : .success(nil)
        }
        let value: AnswerValue
        switch question.kind {
        case .text:
            value = .text(trimmed)
        case .integer, .number:
            switch parseNumber(trimmed, unit: question.unit) {
            case .success(let number): value = .number(number)
            case .failure(let error): return .failure(error)
            }
        case .choice:
            guard let choice = matchChoice(trimmed, in: question) else { return .failure(unknownChoice(trimmed, question)) }
            value = .choice(choice)
        case .multiChoice:
            var chosen: [String] = []
            for part in trimmed.split(separator: ",") {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard !item.isEmpty else { continue }
                guard let choice = matchChoice(item, in: question) else { return .failure(unknownChoice(item, question)) }
                if !chosen.contains(choice) { chosen.append(choice) }
            }
            value = .choices(chosen)
        case .list, .entities, .services, .systems:
            let items = trimmed.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            value = .list(items)
        }
        if let error = validate(value, for: question) { return .failure(error) }
        return .success(value)
    }

    /// Validates one list item (lists are edited item by item): not empty, not longer than `max_length`.
    public static func parseItem(_ text: String, for question: Question) -> Result<String, AnswerError> {
        let item = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if item.isEmpty { return .failure(AnswerError("an item cannot be empty")) }
        if let error = checkLength(item, question.validation.maxLength) { return .failure(error) }
        return .success(item)
    }

    /// Checks a stored value against the question's kind and limits; nil when it is fine.
    /// Used after loading a session, where values were not typed through `parse`.
    public static func validate(_ value: AnswerValue?, for question: Question) -> AnswerError? {
        guard let value, !value.isEmpty else {
            return question.validation.required ? AnswerError("an answer is required") : nil
        }
        let rules = question.validation
        switch (question.kind, value) {
        case (.text, .text(let text)):
            return checkLength(text, rules.maxLength)
        case (.integer, .number(let number)), (.number, .number(let number)):
            if question.kind == .integer, number != number.rounded() {
                return AnswerError("must be a whole number")
            }
            return checkRange(number, question)
        case (.choice, .choice(let choice)):
            return question.choices.contains { $0.value == choice } ? nil : unknownChoice(choice, question)
        case (.multiChoice, .choices(let choices)):
            for choice in choices where !question.choices.contains(where: { $0.value == choice }) {
                return unknownChoice(choice, question)
            }
            return nil
        case (.list, .list(let items)), (.entities, .list(let items)), (.services, .list(let items)):
            for item in items {
                if let error = checkLength(item, rules.maxLength) { return AnswerError("'\(item)': \(error.message)") }
            }
            return nil
        default:
            return AnswerError("expected \(kindPhrase(question.kind))")
        }
    }

    /// Reads a number the way people write it: `25000`, `25k`, `1.5M`, `2,500`, `99.9`, `99.9%` (when the unit is %).
    public static func parseNumber(_ text: String, unit: String? = nil) -> Result<Double, AnswerError> {
        var body = text.trimmingCharacters(in: .whitespaces)
        if let unit, !unit.isEmpty, body.lowercased().hasSuffix(unit.lowercased()) {
            body = String(body.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
        }
        var multiplier = 1.0
        let suffixes: [Character: Double] = ["k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "G": 1e9]
        if let last = body.last, let factor = suffixes[last] {
            multiplier = factor
            body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard let plain = removingThousandsSeparators(body), let value = Double(plain), value.isFinite,
              plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else {
            return .failure(AnswerError("'\(text)' is not a number; write e.g. 2500, 2,500, 25k or 1.5M"))
        }
        return .success(value * multiplier)
    }

    // MARK: - Helpers

    /// `2,500,000` → `2500000`; nil when commas are not thousands separators (`1,5`).
    private static func removingThousandsSeparators(_ text: String) -> String? {
        guard text.contains(",") else { return text }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let integerGroups = parts.dropFirst().enumerated().allSatisfy { index, group in
            let digits = index == parts.count - 2 ? group.prefix { $0 != "." } : group
            return digits.count == 3 && (index == parts.count - 2 || !group.contains("."))
        }
        guard let first = parts.first, !first.isEmpty, first.count <= 4, integerGroups else { return nil }
        return parts.joined()
    }

    private static func matchChoice(_ text: String, in question: Question) -> String? {
        let wanted = text.lowercased()
        return question.choices.first { $0.value.lowercased() == wanted || $0.label.lowercased() == wanted }?.value
    }

    private static func unknownChoice(_ text: String, _ question: Question) -> AnswerError {
        let options = question.choices.map(\.value).joined(separator: ", ")
        return AnswerError("'\(text)' is not one of the options: \(options)")
    }

    private static func checkLength(_ text: String, _ maxLength: Int?) -> AnswerError? {
        guard let maxLength, text.count > maxLength else { return nil }
        return AnswerError("must be at most \(maxLength) characters (is \(text.count))")
    }

    private static func checkRange(_ number: Double, _ question: Question) -> AnswerError? {
        let min = question.validation.minimum, max = question.validation.maximum
        let tooLow = min.map { number < $0 } ?? false, tooHigh = max.map { number > $0 } ?? false
        guard tooLow || tooHigh else { return nil }
        let unit = question.unit.map { $0 == "%" ? "%" : " " + $0 } ?? ""
        switch (min, max) {
        case let (min?, max?): return AnswerError("must be between \(NumberFormat.plain(min)) and \(NumberFormat.plain(max))\(unit)")
        case let (min?, nil): return AnswerError("must be at least \(NumberFormat.plain(min))\(unit)")
        case let (nil, max?): return AnswerError("must be at most \(NumberFormat.plain(max))\(unit)")
        default: return nil
        }
    }

    private static func kindPhrase(_ kind: QuestionKind) -> String {
        switch kind {
        case .text: return "text"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .choice: return "one of the options"
        case .multiChoice: return "a selection of options"
        case .list, .entities, .services, .systems: return "a list"
        }
    }
}
