import ArchModel
import TerminalUI

extension DesignSections {
    /// Each decision with its rationale and the alternatives it beat.
    var decisions: [DesignItem] {
        guard !design.decisions.isEmpty else { return Self.empty("No decisions yet: answer more questions.") }
        var items: [DesignItem] = []
        for decision in design.decisions {
            var lines: [[Span]] = [[Span(decision.title, .bold), Span("  \(decision.topic) = \(decision.choice)", DesignStyle.note)]]
            lines.append([Span("  " + decision.rationale)])
            lines += whyLines(decision.trace)
            for alternative in decision.alternatives {
                lines.append([Span("  ✗ " + alternative.choice, DesignStyle.note), Span(" — " + alternative.reason, DesignStyle.note)])
            }
            lines += decision.references.map { [Span("  → " + $0, DesignStyle.note)] }
            lines.append([])
            items.append(DesignItem(title: decision.title, lines: lines, trace: decision.trace, id: .decision(decision.id)))
        }
        for recommendation in design.recommendations {
            items.append(DesignItem(title: recommendation.title, lines: [
                [Span("Recommendation: ", DesignStyle.note), Span(recommendation.title, .bold)],
                [Span("  " + recommendation.text)], [],
            ], trace: recommendation.trace, id: .recommendation(recommendation.id)))
        }
        return items
    }

    /// What a decision came from, so that `archtui render` shows it without the trace view: the rules that chose
    /// it and the answers behind it, each with the answer given.
    private func whyLines(_ trace: Trace) -> [[Span]] {
        var lines: [[Span]] = []
        if !trace.rules.isEmpty { lines.append([Span("  rules: ", DesignStyle.note), Span(trace.rules.joined(separator: ", "))]) }
        if !trace.answers.isEmpty {
            let answers = trace.answers.map { id in
                "\(id) = " + (catalogue.question(id: id).flatMap { AnswerText.summary(of: $0, in: session) } ?? "not answered")
            }
            lines.append([Span("  answers: ", DesignStyle.note), Span(answers.joined(separator: "; "))])
        }
        return lines
    }

    /// The component picture, then each component's responsibilities, data and interfaces.
    var components: [DesignItem] {
        guard !design.components.isEmpty else { return Self.empty("No components yet.") }
        var items: [DesignItem] = [DesignItem(title: "diagram", lines: ComponentDiagram(components: design.components, width: width).lines + [[]], trace: nil)]
        for component in design.components {
            var lines: [[Span]] = [[Span(component.name, .bold), Span("  " + component.kind.rawValue, DesignStyle.note)]]
            lines += Self.bullets(component.responsibilities)
            if !component.ownedData.isEmpty { lines.append([Span("  owns: ", DesignStyle.note), Span(component.ownedData.joined(separator: ", "))]) }
            lines += Self.bullets(component.interfaces.map(\.description), label: "interfaces:")
            let dependencies = component.dependencies.map { "\($0.target) (\($0.style.rawValue))" + ($0.purpose.isEmpty ? "" : ": \($0.purpose)") }
            lines += Self.bullets(dependencies, label: "depends on:")
            lines.append([])
            items.append(DesignItem(title: component.name, lines: lines, trace: component.trace,
                                    subject: component.kind == .service ? .service(component.name) : nil, id: .component(component.name)))
        }
        return items
    }
}
