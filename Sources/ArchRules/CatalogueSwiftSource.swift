import ArchModel

/// The question catalogue as Swift source (`Sources/BuiltInCatalogue`, checked by CompiledCatalogueTests): start-up reads compiled
/// values instead of parsing the YAML of every step (a seventh of the time to the first frame).
///
/// Each question is a function of its own, so no one expression is large enough to slow the type checker.
public enum CatalogueSwiftSource {
    public static func source(of catalogue: Catalogue, enumName: String = "CompiledCatalogue") -> String {
        var lines = [
            "// Generated from Resources/questions/*.yaml by CatalogueSwiftSource; do not edit. After changing the YAML:\n// ARCHTUI_RECORD_GOLDENS=1 swift test --filter CompiledCatalogueTests (CompiledCatalogueTests fails until then).",
            "import ArchModel",
            "",
            "public enum \(enumName) {",
            "    /// The built-in question catalogue, as `CatalogueLoader.builtIn()` reads it from the YAML.",
            "    public static let catalogue = Catalogue(steps: [\(catalogue.steps.indices.map { "step\($0)()" }.joined(separator: ", "))])",
        ]
        for (s, step) in catalogue.steps.enumerated() {
            lines += [
                "",
                "    private static func step\(s)() -> MethodStep {",
                "        MethodStep(id: \(literal(step.id)), title: \(literal(step.title)), summary: \(literal(step.summary)), questions: [",
            ]
            lines += step.questions.indices.map { "            step\(s)question\($0)()," }
            lines += ["        ])", "    }"]
            for (q, question) in step.questions.enumerated() {
                lines += ["", "    private static func step\(s)question\(q)() -> Question {", "        Question("]
                lines += arguments(of: question).map { "            " + $0 }
                lines += ["        )", "    }"]
            }
        }
        lines += ["}", ""]
        return lines.joined(separator: "\n")
    }

    private static func arguments(of question: Question) -> [String] {
        let choices = question.choices.map { "Choice(value: \(literal($0.value)), label: \(literal($0.label)))" }
        let validation = question.validation
        let showIf = question.showIf.map { "ShowIf(question: \(literal($0.question)), values: \(literal($0.values)))" } ?? "nil"
        let parts = [
            "id: \(literal(question.id))",
            "prompt: \(literal(question.prompt))",
            "help: \(literal(question.help))",
            "kind: QuestionKind(rawValue: \(literal(question.kind.rawValue)))!",
            "unit: \(question.unit.map(literal) ?? "nil")",
            "choices: [\(choices.joined(separator: ", "))] as [Choice]",
            "defaultValue: \(question.defaultValue.map(literal) ?? "nil")",
            "validation: Validation(required: \(validation.required), minimum: \(optional(validation.minimum)), "
                + "maximum: \(optional(validation.maximum)), maxLength: \(validation.maxLength.map(String.init) ?? "nil"))",
            "showIf: \(showIf)",
        ]
        return parts.enumerated().map { $0.element + ($0.offset == parts.count - 1 ? "" : ",") }
    }

    private static func literal(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): return "AnswerValue.text(\(literal(text)))"
        case .number(let number): return "AnswerValue.number(\(literal(number)))"
        case .choice(let choice): return "AnswerValue.choice(\(literal(choice)))"
        case .choices(let choices): return "AnswerValue.choices(\(literal(choices)))"
        case .list(let items): return "AnswerValue.list(\(literal(items)))"
        }
    }

    private static func optional(_ number: Double?) -> String { number.map(literal) ?? "nil" }

    /// Exact: the bit pattern, with the value beside it for a reader.
    static func literal(_ number: Double) -> String {
        "Double(bitPattern: 0x\(String(number.bitPattern, radix: 16))) /* \(number) */"
    }

    static func literal(_ strings: [String]) -> String { "[" + strings.map(literal).joined(separator: ", ") + "] as [String]" }

    /// A Swift string literal that holds exactly `text`: quotes, backslashes and every character outside printable
    /// ASCII written as escapes, so no text of the YAML can end the literal or the comment around it.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out + "\""
    }
}
