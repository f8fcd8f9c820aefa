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
            guard let from = flowIndex(id) else { return .none }
            flows.insert(flows.remove(at: from), at: Self.clamp(to, flows.count))
            return .moveFlow(id, to: from)

        case .insertFlowStep(let step, let owner, let index):
            guard let f = flowIndex(owner) else { return .none }
            flows[f].steps.insert(step, at: Self.clamp(index, flows[f].steps.count))
            identities.reserve(step.id.raw)
            return .removeFlowStep(step.id, flow: owner)
        case .removeFlowStep(let id, let owner):
            guard let f = flowIndex(owner), let index = flows[f].steps.firstIndex(where: { $0.id == id }) else { return .none }
            return .insertFlowStep(flows[f].steps.remove(at: index), flow: owner, at: index)
        case .updateFlowStep(let step, let owner):
            guard let f = flowIndex(owner), let index = flows[f].steps.firstIndex(where: { $0.id == step.id }) else { return .none }
            let old = flows[f].steps[index]
            flows[f].steps[index] = step
            return .updateFlowStep(old, flow: owner)
        case .moveFlowStep(let id, let owner, let to):
            guard let f = flowIndex(owner), let from = flows[f].steps.firstIndex(where: { $0.id == id }) else { return .none }
            flows[f].steps.insert(flows[f].steps.remove(at: from), at: Self.clamp(to, flows[f].steps.count))
            return .moveFlowStep(id, flow: owner, to: from)

        case .insertEndpointOverride(let endpointOverride, let index):
            endpointOverrides.insert(endpointOverride, at: Self.clamp(index, endpointOverrides.count))
            identities.reserve(endpointOverride.id.raw)
            return .removeEndpointOverride(endpointOverride.id)
        case .removeEndpointOverride(let id):
            guard let index = endpointOverrideIndex(id) else { return .none }
            return .insertEndpointOverride(endpointOverrides.remove(at: index), at: index)
        case .updateEndpointOverride(let endpointOverride):
            guard let index = endpointOverrideIndex(endpointOverride.id) else { return .none }
            let old = endpointOverrides[index]
            endpointOverrides[index] = endpointOverride
            return .updateEndpointOverride(old)
        case .moveEndpointOverride(let id, let to):
            guard let from = endpointOverrideIndex(id) else { return .none }
            endpointOverrides.insert(endpointOverrides.remove(at: from), at: Self.clamp(to, endpointOverrides.count))
            return .moveEndpointOverride(id, to: from)

        default:
            preconditionFailure("applyUserDesignEdit got \(edit), which Session.apply performs itself")
        }
    }
}
