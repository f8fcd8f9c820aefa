import ArchModel

/// The user's flows as sequence diagrams: one arrow per step (dashed when asynchronous), and the failure path,
/// when given, as an alternative reply after it. Participants appear in order of first appearance.
struct FlowDiagrams: Sendable {
    func diagrams(session: Session) -> [SequenceDiagram] {
        guard !session.flows.isEmpty else { return [] }
        let names = session.names
        return session.flows.map { flow in
            var builder = FlowBuilder()
            for step in flow.steps {
                let from = names.name(step.from), to = names.name(step.to)
                builder.messages.append(.init(from: from, to: to, text: step.action, isAsync: step.style == .async))
                if let failure = step.failure {
                    builder.messages.append(.init(from: to, to: from, text: "if it fails: \(failure)", isReply: true, isFailure: true))
                }
            }
            return builder.diagram(title: flow.name, id: .flow(flow.id), trace: Trace(sources: ["flow \(flow.name)"]))
        }
    }

    /// The user's diagrams first, then the generated ones whose title no user flow took (names compare as `NameKey`).
    static func merged(user: [SequenceDiagram], generated: [SequenceDiagram]) -> [SequenceDiagram] {
        guard !user.isEmpty else { return generated }
        let taken = Set(user.map { NameKey($0.title) })
        return user + generated.filter { !taken.contains(NameKey($0.title)) }
    }
}
