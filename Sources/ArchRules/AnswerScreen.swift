import ArchModel

/// The answers the design may use. A number outside its question's range (or not whole where it must be) can only
/// come from a file edited by hand; it stays in the session as written, so nothing the user wrote is lost, but the
/// design treats the question as unanswered, so no figure is made from it, and a finding says so.
struct AnswerScreen: Sendable {
    let catalogue: Catalogue

    /// `session` without its unusable numeric answers, and a finding for each.
    func screen(_ session: Session) -> (usable: Session, findings: [Finding]) {
        var usable = session
        var findings: [Finding] = []
        for (id, value) in session.answers.sorted(by: { $0.key < $1.key }) {
            guard case .number(let number) = value, let question = catalogue.question(id: id),
                  question.kind == .integer || question.kind == .number,
                  let problem = AnswerParser.validate(value, for: question) else { continue }
            usable.answers[id] = nil
            let unit = question.unit.map { $0 == "%" ? "%" : " " + $0 } ?? ""
            findings.append(Finding(
                id: "answers.unusable", severity: .warning,
                title: "\(question.prompt): \(NumberFormat.plain(number))\(unit) is not used (\(problem.message))",
                detail: "The session file holds this answer and keeps it, but a figure made from it would be meaningless, "
                    + "so the design treats the question as unanswered.",
                fix: "Answer the question again (\(id)) with a value the question accepts.",
                subject: "answer \(id)", about: .question(id), trace: Trace(answers: [id], sources: ["AnswerScreen"])))
        }
        return (usable, findings)
    }
}
