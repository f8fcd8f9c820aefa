import ArchModel
import TerminalUI

extension DesignSections {
    /// Each flow as a sequence diagram when its participants fit the width, else as numbered arrows.
    var sequences: [DesignItem] {
        guard !design.sequences.isEmpty else { return Self.empty("No flows yet: list entities in step 4, or press a to add one.") }
        let pictures = design.sequences.map { SequencePicture(diagram: $0, width: width).lines }
        let legend = pictures.contains { $0 != nil } ? [SequencePicture.legend(width: width)] : []
        return legend + zip(design.sequences, pictures).map { diagram, picture in
            // The picture is as wide as the pane allows; so is its title.
            var item = picture.map { DesignItem(title: diagram.title, lines: [[Span(DisplayWidth.truncate(diagram.title, to: width), .bold)]] + $0 + [[]], trace: diagram.trace,
                                                subject: Self.subject(of: diagram), id: .sequence(diagram.id)) }
                ?? Self.numberedFlow(diagram)
            // A flow the user defined: Enter opens it (and it is selectable even without rules behind it).
            if case .flow = diagram.id {
                if item.trace == nil { item.trace = Trace(sources: ["flow \(diagram.title)"]) }
                item.lines[0] = [Span(diagram.title, .bold), Span("  your flow", DesignStyle.note)]
            }
            return item
        }
    }

    /// A diagram of a user's flow comes from that flow; the generated ones from no one element.
    static func subject(of diagram: SequenceDiagram) -> DesignSubject? {
        if case .flow(let flow) = diagram.id { return .flow(flow) }
        return nil
    }

    /// A flow as numbered arrows: → synchronous call, ⇢ asynchronous message, ← reply.
    static func numberedFlow(_ diagram: SequenceDiagram) -> DesignItem {
        var lines: [[Span]] = [[Span(diagram.title, .bold)], [Span("  " + diagram.participants.joined(separator: " · "), DesignStyle.note)]]
        for (number, message) in diagram.messages.enumerated() {
            let arrow = message.isReply ? "←" : (message.isAsync ? "⇢" : "→")
            let (from, to) = message.isReply ? (message.to, message.from) : (message.from, message.to)
            lines.append([Span("  \(number + 1). ", DesignStyle.note), Span("\(from) \(arrow) \(to)", .bold), Span(": " + message.text)])
        }
        lines.append([])
        return DesignItem(title: diagram.title, lines: lines, trace: diagram.trace, subject: subject(of: diagram), id: .sequence(diagram.id))
    }

    /// The nodes to run, how many, where, and why that many.
    var deployment: [DesignItem] {
        guard !design.deployment.isEmpty else { return Self.empty("No deployment yet: answer the traffic questions of step 1.") }
        var items: [DesignItem] = [DesignItem(title: "diagram", lines: DeploymentDiagram(nodes: design.deployment, width: width).lines + [[]], trace: nil)]
        for node in design.deployment {
            var lines: [[Span]] = [[Span(node.name, .bold), Span("  ×\(node.replicas)", DesignStyle.code),
                                    Span("  " + node.kind.rawValue + (node.placement.isEmpty ? "" : " · " + node.placement), DesignStyle.note)]]
            lines += Self.bullets(node.notes)
            if !node.connectsTo.isEmpty { lines.append([Span("  → " + node.connectsTo.joined(separator: ", "), DesignStyle.note)]) }
            lines.append([])
            items.append(DesignItem(title: node.name, lines: lines, trace: node.trace, id: .deployment(node.name)))
        }
        return items
    }

    /// Security measures, each tied to the OWASP API Security Top 10 items it addresses.
    var security: [DesignItem] {
        guard !design.security.isEmpty else { return Self.empty("No security notes yet: answer the API and security questions.") }
        return design.security.map { note in
            var lines: [[Span]] = [[Span(note.topic, .bold)], [Span("  " + note.text)]]
            if !note.owasp.isEmpty { lines.append([Span("  OWASP " + note.owasp.joined(separator: ", "), DesignStyle.note)]) }
            lines.append([])
            return DesignItem(title: note.topic, lines: lines, trace: note.trace, id: .security(note.topic))
        }
    }

    /// Every capacity figure with its arithmetic.
    var capacity: [DesignItem] {
        guard !design.capacity.isEmpty else {
            return Self.empty("Answer the traffic and volume questions of step 1 to see figures.")
        }
        let width = (design.capacity.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        return design.capacity.map { figure in
            DesignItem(title: figure.label, lines: [
                [Span(DisplayWidth.pad(figure.label, to: width)), Span(figure.value, .bold)],
                [Span("  = " + figure.arithmetic, DesignStyle.note)],
            ], trace: Trace(sources: ["capacity estimate"]), id: .capacity(figure.label))
        }
    }

    /// Problems and risks, most severe first, each with a fix.
    var findings: [DesignItem] {
        guard !design.findings.isEmpty else { return Self.empty("No findings: nothing looks wrong so far.") }
        return design.findings.map { finding in
            var lines: [[Span]] = [[Span(DesignStyle.mark(finding.severity) + " " + finding.severity.rawValue + " ", DesignStyle.severity(finding.severity)),
                                    Span(finding.title, .bold)]]
            if !finding.subject.isEmpty { lines.append([Span("  " + finding.subject, DesignStyle.note)]) }
            if !finding.detail.isEmpty { lines.append([Span("  " + finding.detail)]) }
            if !finding.fix.isEmpty { lines.append([Span("  fix: ", DesignStyle.note), Span(finding.fix)]) }
            lines.append([])
            return DesignItem(title: finding.title, lines: lines, trace: finding.trace,
                              subject: finding.about == .none ? nil : .finding(finding.about), id: .finding(finding.key))
        }
    }
}

/// Deployment nodes as boxes, grouped like the component picture.
struct DeploymentDiagram {
    let nodes: [DeploymentNode]
    var width = DesignSections.defaultWidth

    var lines: [[Span]] {
        let components = nodes.map { node in
            Component(name: node.replicas > 1 ? "\(node.name) ×\(node.replicas)" : node.name, kind: node.kind)
        }
        return ComponentDiagram(components: components, width: width).lines
    }
}
