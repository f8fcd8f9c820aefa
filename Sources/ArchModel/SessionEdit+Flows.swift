/// The edits of flows, their steps and endpoint overrides (see `SessionEdit`).
extension Session {
    /// Performs an edit of a flow, a flow step or an endpoint override and returns its inverse.
    mutating func applyUserDesignEdit(_ edit: SessionEdit) -> SessionEdit {
        switch edit {
        case .insertFlow(let flow, let index):
            flows.insert(flow, at: Self.clamp(index, flows.count))
            identities.reserve(flow.id.raw)
            for step in flow.steps { identities.reserve(step.id.raw) }
            return .removeFlow(flow.id)
        case .removeFlow(let id):
            guard let index = flowIndex(id) else { return .none }
            return .insertFlow(flows.remove(at: index), at: index)
        case .updateFlow(let flow):
            guard let index = flowIndex(flow.id) else { return .none }
            let old = flows[index]
            flows[index] = flow
            for step in flow.steps { identities.reserve(step.id.raw) }
            return .updateFlow(old)
        case .moveFlow(let id, let to):
            guard let from = flows.move(id: id, to: to) else { return .none }
            return .moveFlow(id, to: from)

        case .insertFlowStep(let step, let owner, let index):
            guard let f = flowIndex(owner) else { return .none }
            flows[f].steps.insert(clamped: step, at: index)
            identities.reserve(step.id.raw)
            return .removeFlowStep(step.id, flow: owner)
        case .removeFlowStep(let id, let owner):
            guard let f = flowIndex(owner), let removed = flows[f].steps.remove(id: id) else { return .none }
            return .insertFlowStep(removed.element, flow: owner, at: removed.index)
        case .updateFlowStep(let step, let owner):
            guard let f = flowIndex(owner), let old = flows[f].steps.replace(step) else { return .none }
            return .updateFlowStep(old, flow: owner)
        case .moveFlowStep(let id, let owner, let to):
            guard let f = flowIndex(owner), let from = flows[f].steps.move(id: id, to: to) else { return .none }
            return .moveFlowStep(id, flow: owner, to: from)

        case .insertEndpointOverride(let endpointOverride, let index):
            endpointOverrides.insert(clamped: endpointOverride, at: index)
            identities.reserve(endpointOverride.id.raw)
            return .removeEndpointOverride(endpointOverride.id)
        case .removeEndpointOverride(let id):
            guard let removed = endpointOverrides.remove(id: id) else { return .none }
            return .insertEndpointOverride(removed.element, at: removed.index)
        case .updateEndpointOverride(let endpointOverride):
            guard let old = endpointOverrides.replace(endpointOverride) else { return .none }
            return .updateEndpointOverride(old)
        case .moveEndpointOverride(let id, let to):
            guard let from = endpointOverrides.move(id: id, to: to) else { return .none }
            return .moveEndpointOverride(id, to: from)

        default:
            preconditionFailure("applyUserDesignEdit got \(edit), which Session.apply performs itself")
        }
    }
}
