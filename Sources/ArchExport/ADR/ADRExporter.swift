import ArchModel

/// `adr/NNNN-title.md`: one MADR 4.0 record per decision, the losing alternatives as considered options.
/// The names match adr-tools' `[0-9]+-*.md`, so `adr list` lists them when `.adr-dir` points at the folder.
public struct ADRExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .adr }

    /// `0001-title-with-dashes.md` per decision, in the design's order; titles made distinct.
    static func fileNames(_ design: Design) -> [String] {
        let slugs = FileName.distinctSlugs(design.decisions.map(\.title), maxLength: 80)
        return slugs.enumerated().map { index, slug in
            let number = String(index + 1)
            return String(repeating: "0", count: max(0, 4 - number.count)) + number + "-" + slug + ".md"
        }
    }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        zip(input.design.decisions, Self.fileNames(input.design)).map { decision, name in
            ExportFile("adr/" + name, ADRRecord(decision: decision, catalogue: input.catalogue, session: input.session).text)
        }
    }
}

/// The MADR 4.0 text of one decision.
struct ADRRecord: Sendable {
    let decision: Decision
    let catalogue: Catalogue
    let session: Session

    var text: String {
        var lines = ["---", "status: accepted", "---", "", "# " + MarkdownEscape.inline(decision.title), ""]
        lines += ["## Context and Problem Statement", "",
                  MarkdownEscape.inline("What should \(session.projectName) use for its \(Self.topicWords(decision.topic))? "
                                        + "The answers and rules below drive the choice (\(decision.category.rawValue),")
                    + " " + MarkdownEscape.code(decision.topic) + ").", ""]
        lines += ["## Decision Drivers", ""]
        let drivers = decision.trace.answers.map { id -> String in
            let prompt = catalogue.question(id: id)?.prompt ?? id
            let answer = session[id].map { Self.answerText($0, of: catalogue.question(id: id)) } ?? "not answered"
            return "* " + MarkdownEscape.inline("\(prompt): \(answer)")
        } + decision.trace.rules.map { "* rule " + MarkdownEscape.code($0) }
        lines += (drivers.isEmpty ? ["* the method's defaults"] : drivers) + [""]
        lines += ["## Considered Options", ""]
        lines += (["* " + MarkdownEscape.inline(decision.choice)] + decision.alternatives.map { "* " + MarkdownEscape.inline($0.choice) }) + [""]
        lines += ["## Decision Outcome", "",
                  "Chosen option: " + MarkdownEscape.inline("\"\(decision.choice)\", because \(Self.clause(decision.rationale))"), ""]
        lines += ["### Consequences", "", "* Good, because " + MarkdownEscape.inline(Self.clause(decision.rationale))]
        lines += decision.alternatives.map { "* Bad, because it rules out " + MarkdownEscape.inline("\($0.choice), which was rejected: \(Self.reason($0.reason))") } + [""]
        lines += ["## Pros and Cons of the Options", ""]
        lines += ["### " + MarkdownEscape.inline(decision.choice), "", "* Good, because " + MarkdownEscape.inline(Self.clause(decision.rationale)), ""]
        for alternative in decision.alternatives {
            lines += ["### " + MarkdownEscape.inline(alternative.choice), "", "* Bad, because " + MarkdownEscape.inline(Self.clause(Self.reason(alternative.reason))), ""]
        }
        if !decision.references.isEmpty {
            lines += ["## More Information", ""] + decision.references.map { "* " + MarkdownEscape.inline($0) } + [""]
        }
        return lines.joined(separator: "\n")
    }

    /// The stored value, as plain words: a choice by its label when the question is known, lists joined.
    static func answerText(_ answer: AnswerValue, of question: Question? = nil) -> String {
        func label(_ value: String) -> String { question?.choices.first { $0.value == value }?.label ?? value }
        switch answer {
        case .text(let text): return text
        case .choice(let value): return label(value)
        case .number(let value): return SessionFile.format(value) + (question?.unit.map { $0 == "%" ? $0 : " " + $0 } ?? "")
        case .choices(let values): return values.map(label).joined(separator: ", ")
        case .list(let values): return values.joined(separator: ", ")
        }
    }

    /// `architecture.style` → "architecture style".
    static func topicWords(_ topic: String) -> String {
        topic.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).joined(separator: " ")
    }

    /// A sentence continuing "because …": its first word in lower case unless it is a name ("PostgreSQL", "API").
    static func clause(_ sentence: String) -> String {
        let words = sentence.split(separator: " ", maxSplits: 1)
        guard let first = words.first, first.count > 1, first.dropFirst().allSatisfy(\.isLowercase) else { return sentence }
        return first.lowercased() + (words.count > 1 ? " " + words[1] : "")
    }

    /// An alternative's reason without the "rejected:" the rules start it with.
    static func reason(_ text: String) -> String {
        for prefix in ["rejected: ", "Rejected: "] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return text
    }
}
