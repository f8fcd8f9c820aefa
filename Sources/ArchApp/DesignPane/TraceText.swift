import ArchModel

/// A trace in words: which rules fired, which answers they read (with the answer given), and what a
/// generator worked from.
struct TraceText {
    let catalogue: Catalogue
    let session: Session

    func lines(for trace: Trace) -> [String] {
        var lines: [String] = []
        if !trace.rules.isEmpty {
            lines.append("Rules:")
            lines += trace.rules.map { "  • \($0)   (archtui rules \($0) explains it)" }
        }
        if !trace.answers.isEmpty {
            lines.append("Answers:")
            for id in trace.answers {
                guard let question = catalogue.question(id: id) else {
                    lines.append("  • \(id)")
                    continue
                }
                let answer = AnswerText.summary(of: question, in: session) ?? "not answered"
                lines.append("  • \(question.prompt): \(answer)   [\(id)]")
            }
        }
        if !trace.sources.isEmpty {
            lines.append("Derived from:")
            lines += trace.sources.map { "  • \($0)" }
        }
        if lines.isEmpty { lines = ["No trace recorded."] }
        return lines
    }
}
