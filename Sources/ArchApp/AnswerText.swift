import ArchModel

/// How answers read on screen: units attached, choice labels instead of stored values.
enum AnswerText {
    /// A one-line summary of the answer to `question`, or nil when unanswered.
    static func summary(of question: Question, in session: Session) -> String? {
        if question.kind == .entities {
            return session.entities.isEmpty ? nil : session.entities.map(\.name).joined(separator: ", ")
        }
        if question.kind == .systems {
            return session.systems.isEmpty ? nil : session.systems.map(Self.summary(of:)).joined(separator: "; ")
        }
        if question.kind == .services {
            if !session.services.isEmpty { return session.services.map(\.name).joined(separator: ", ") }
            let contexts = session["services.bounded_contexts"]?.values ?? []
            return contexts.isEmpty ? nil : "from the bounded contexts: " + contexts.joined(separator: ", ")
        }
        guard let answer = session[question.id], !answer.isEmpty else { return nil }
        return format(answer, for: question)
    }

    /// `Legacy WMS (System of record, SOAP, 20 req/s, strangle)`.
    static func summary(of system: ExternalSystem) -> String {
        var facts = [system.kind.label, system.transport.label]
        if let limit = system.rateLimit { facts.append("\(limit) req/s") }
        if system.plan != .keep { facts.append(system.plan.rawValue) }
        return system.name + " (" + facts.joined(separator: ", ") + ")"
    }

    static func format(_ answer: AnswerValue, for question: Question) -> String {
        switch answer {
        case .text(let text): return text
        case .number(let value):
            let figure = abs(value) >= 10_000 ? NumberFormat.compact(value) : NumberFormat.plain(value)
            guard let unit = question.unit, !unit.isEmpty else { return figure }
            return unit == "%" ? figure + "%" : "\(figure) \(unit)"
        case .choice(let value): return question.label(of: value)
        case .choices(let values): return values.map(question.label(of:)).joined(separator: ", ")
        case .list(let items): return items.joined(separator: "; ")
        }
    }
}
