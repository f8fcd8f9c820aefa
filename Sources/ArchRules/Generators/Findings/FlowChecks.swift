import ArchModel

/// The user's flows: every service a step names must be a service of the design (a defined service, a bounded
/// context, or a service component); a flow without steps draws nothing.
struct FlowChecks: Sendable {
    let session: Session
    let design: Design
    let facts: InfraFacts

    func findings() -> [Finding] {
        guard !session.flows.isEmpty else { return [] }
        let names = session.names
        var known = Set(session.services.map { NameKey($0.name) })
        known.formUnion(facts.values("services.bounded_contexts").map(NameKey.init))
        known.formUnion(design.components.filter { $0.kind == .service }.map { NameKey($0.name) })
        var out: [Finding] = []
        for flow in session.flows {
            if flow.steps.isEmpty {
                out.append(makeFinding("flow.without-steps", .info, "Flow has no steps", subject: "flow \(flow.name)", about: .flow(flow.id),
                                       detail: "\(flow.name) has no steps yet, so its sequence diagram is empty",
                                       fix: "Add the steps of the use case: who asks whom to do what"))
            }
            var reported = Set<NameKey>()
            for (number, step) in flow.steps.enumerated() {
                for reference in [step.from.service, step.to.service].compactMap({ $0 }) {
                    let name = names.name(reference)
                    let isKnown = names.resolves(reference) || known.contains(NameKey(name))
                    guard !isKnown, reported.insert(NameKey(name)).inserted else { continue }
                    out.append(makeFinding("flow.unknown-service", .warning, "Flow step names an unknown service",
                                           subject: "flow \(flow.name)", about: .flow(flow.id),
                                           detail: "Step \(number + 1) (\(step.action)) involves \(name), which is neither a service nor a bounded context of the design",
                                           fix: "Add service \(name), correct the step, or make \(name) an actor or an external system",
                                           answers: ["services.bounded_contexts"]))
                }
            }
        }
        return out
    }
}
