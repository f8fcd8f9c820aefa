import ArchModel
import ArchRules
import TerminalUI

extension AppState {
    /// `a` in the design pane: a custom endpoint (API tab) or a flow (Sequences tab), opened in its form.
    mutating func addInDesign() {
        switch designPane.tab {
        case .api:
            let id: OverrideID = newID()
            let entity = session.entities.first
            let path = "/v1/" + (entity.map { Naming.urlSegment($0.name) } ?? "things") + "/{id}/action"
            let custom = CustomEndpoint(method: .post, path: path, summary: "", response: entity.map { .id($0.id) })
            perform(.insertEndpointOverride(EndpointOverride(id: id, custom: custom), at: session.endpointOverrides.count),
                    "add custom endpoint POST \(path)")
            openForm(.customEndpoint(id), from: .design)
            moveFormCursor(to: 1, step: 1) // the path, the first thing to change
        case .sequences:
            let id: FlowID = newID()
            let name = Self.unusedName(copying: "Flow", among: session.flows.map(\.name)).replacingOccurrences(of: "Flow copy", with: "Flow")
            perform(.insertFlow(Flow(id: id, name: name), at: session.flows.count), "add flow \(name)")
            openForm(.flow(id), from: .design)
        default:
            statusMessage = "a adds a custom endpoint in the API tab and a flow in the Sequences tab"
        }
    }

    /// `d` in the design pane: hide a generated endpoint, or delete a custom endpoint or a flow (asking first).
    mutating func deleteInDesign(_ subject: DesignSubject?) {
        switch subject {
        case .endpoint(.generated(let key))?:
            var changes = EndpointOverrides(session: session).changes(of: key)
            guard !changes.hidden else { return statusMessage = "Already hidden: Enter opens it, Space on Hidden shows it again" }
            changes.hidden = true
            let shown = design.endpoints.first { $0.id == .generated(key) }.map { "\($0.method) \($0.path)" } ?? "an endpoint"
            if case .success(let change) = FormEdits(session: session).changeEndpoint(key, changes, "hide \(shown)") {
                perform(change.edit, change.label)
                statusMessage = "Hidden — u undoes; it is listed under “Hidden by you” at the end of the tab, Enter there shows it again"
            }
        case .endpoint(.custom(let id))?:
            guard case .custom(let custom)? = session.endpointOverride(id)?.kind else { return }
            overlay = .confirm(Confirmation(title: "Delete \(custom.method.rawValue) \(custom.path)?",
                                            message: "Your custom endpoint goes, with its summary and entities.\n\nu undoes it afterwards.",
                                            edit: .removeEndpointOverride(id), label: "delete custom endpoint \(custom.method.rawValue) \(custom.path)"))
        case .flow(let id)?:
            guard let flow = session.flow(id) else { return }
            let label = "delete flow \(flow.name)" + (Self.count(flow.steps.count, "step").map { " (\($0))" } ?? "")
            guard !flow.steps.isEmpty else { return perform(.removeFlow(id), label) }
            overlay = .confirm(Confirmation(title: "Delete flow \(flow.name)?",
                                            message: "\(flow.name): \(Self.count(flow.steps.count, "step") ?? "") go with it.\n\nu undoes it afterwards.",
                                            edit: .removeFlow(id), label: label))
        default:
            statusMessage = "d hides or deletes endpoints (API tab) and your flows (Sequences tab)"
        }
    }
}
