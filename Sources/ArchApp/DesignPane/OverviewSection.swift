import ArchModel
import TerminalUI

extension DesignSections {
    /// The project at a glance: key decisions, the component picture, headline figures, findings, answers.
    var overview: [DesignItem] {
        var items: [DesignItem] = [
            DesignItem(title: "project", lines: [[Span(design.projectName.isEmpty ? "Untitled project" : design.projectName, .bold)]], trace: nil),
            DesignItem(title: "summary", lines: [[Span(summaryLine, DesignStyle.note)]], trace: nil),
            .blank,
        ]
        if !design.decisions.isEmpty {
            items.append(.heading("Key decisions"))
            items += design.decisions.prefix(8).map { decision in
                DesignItem(title: decision.title,
                           lines: [[Span("  " + decision.title, .bold), Span("  (\(decision.topic))", DesignStyle.note)]],
                           trace: decision.trace, id: .decision(decision.id))
            }
            items.append(.blank)
        }
        items.append(.heading("Capacity"))
        if design.capacity.isEmpty {
            items.append(.note("  Answer the traffic and volume questions of step 1 to see figures."))
            items.append(.blank)
        } else {
            let width = (design.capacity.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
            items += design.capacity.map { figure in
                DesignItem(title: figure.label, lines: [[Span("  " + DisplayWidth.pad(figure.label, to: width)), Span(figure.value, .bold)],
                                                        [Span("    = " + figure.arithmetic, DesignStyle.note)]],
                           trace: Trace(sources: ["capacity: " + figure.arithmetic]), id: .capacity(figure.label))
            }
            items.append(.blank)
        }
        items.append(.heading("Entities (\(session.entities.count))"))
        if session.entities.isEmpty { items.append(.note("  None yet: list them in step 4.")) }
        items += session.entities.map { entity in
            let detail = entity.fields.isEmpty ? ""
                : "  \(Self.counted(entity.fields.count, "field")), \(Self.counted(entity.relations.count, "relation"))"
            return DesignItem(title: "entity " + entity.name, lines: [[Span("  • " + entity.name), Span(detail, DesignStyle.note)]],
                              trace: Trace(answers: ["data.entities"], sources: ["entity \(entity.name)"]), id: .entity(entity.id))
        }
        items.append(.blank)
        if !design.components.isEmpty {
            items.append(.heading("Components"))
            items.append(DesignItem(title: "diagram", lines: ComponentDiagram(components: design.components, width: max(12, width - 2)).lines, trace: nil))
            items.append(.blank)
        }
        items += answerItems
        return items
    }

    private var summaryLine: String {
        let counts = Dictionary(grouping: design.findings, by: \.severity).mapValues(\.count)
        var parts = [Self.counted(design.components.count, "component"), Self.counted(design.endpoints.count, "endpoint"),
                     Self.counted(design.tables.count, "table")]
        parts.append("findings: \(Self.counted(counts[.error] ?? 0, "error")), \(Self.counted(counts[.warning] ?? 0, "warning"))")
        return parts.joined(separator: " · ")
    }

    private static func counted(_ count: Int, _ noun: String) -> String { NumberFormat.counted(Double(count), noun) }

    /// The answers so far, step by step (what the user said, next to what follows from it).
    private var answerItems: [DesignItem] {
        var items: [DesignItem] = []
        for step in catalogue.steps {
            items.append(.heading("Answers: " + step.title))
            var any = false
            for question in step.questions where session.isShown(question) {
                guard let text = AnswerText.summary(of: question, in: session) else { continue }
                any = true
                items.append(DesignItem(title: question.prompt,
                                        lines: [[Span("  " + question.prompt + ": ", DesignStyle.note), Span(text)]],
                                        trace: Trace(answers: [question.id]), id: .answer(question.id)))
            }
            if !any { items.append(.note("  Not answered yet.")) }
            items.append(.blank)
        }
        return items
    }
}
