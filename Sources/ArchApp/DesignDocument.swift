import ArchModel
import ArchRules
import TerminalUI

/// The live design shown beside the questions: capacity figures, the entity list and the answers so far.
/// A pure function of the session; the rule engine will extend it with decisions.
struct DesignDocument {
    let catalogue: Catalogue
    let session: Session

    private static let heading = Style(foreground: .cyan, bold: true)
    private static let label = Style.plain
    private static let note = Style.dim

    /// The document as styled lines, before wrapping.
    var lines: [[Span]] {
        var out: [[Span]] = [[Span(session.projectName.isEmpty ? "Untitled project" : session.projectName, .bold)], []]
        out += capacitySection
        out += entitySection
        for step in catalogue.steps { out += answerSection(step) }
        return out
    }

    private var capacitySection: [[Span]] {
        var out: [[Span]] = [[Span("Capacity estimate", Self.heading)]]
        let figures = CapacityEstimator().estimate(session)
        if figures.isEmpty {
            out.append([Span("  Answer the traffic and volume questions of step 1 to see figures.", Self.note)])
        }
        let labelWidth = (figures.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        for figure in figures {
            out.append([Span("  " + DisplayWidth.pad(figure.label, to: labelWidth), Self.label), Span(figure.value, .bold)])
            out.append([Span("    = " + figure.arithmetic, Self.note)])
        }
        return out + [[]]
    }

    private var entitySection: [[Span]] {
        var out: [[Span]] = [[Span("Entities (\(session.entities.count))", Self.heading)]]
        if session.entities.isEmpty {
            out.append([Span("  None yet: list them in step 4.", Self.note)])
        }
        out += session.entities.map { [Span("  • " + $0.name)] }
        return out + [[]]
    }

    private func answerSection(_ step: MethodStep) -> [[Span]] {
        let answered = step.questions.compactMap { question -> (Question, String)? in
            guard question.kind != .entities, session.isShown(question),
                  let text = AnswerText.summary(of: question, in: session) else { return nil }
            return (question, text)
        }
        var out: [[Span]] = [[Span(step.title, Self.heading)]]
        if answered.isEmpty { out.append([Span("  Not answered yet.", Self.note)]) }
        for (question, text) in answered {
            out.append([Span("  " + question.prompt + ": ", Self.note), Span(text)])
        }
        return out + [[]]
    }
}
