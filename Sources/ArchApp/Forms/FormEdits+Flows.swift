import ArchModel
import Foundation

/// Edits of endpoint overrides and flows typed into their forms.
extension FormEdits {
    func flowText(_ value: String, row: FormRow.Key, of target: FormTarget) -> Outcome {
        switch target {
        case .endpoint(let key):
            var changes = EndpointOverrides(session: session).changes(of: key)
            switch row {
            case .path:
                if !value.isEmpty, let problem = pathProblem(value) { return fail(problem) }
                changes.path = value.isEmpty ? nil : value
            case .summary: changes.summary = value.isEmpty ? nil : value
            case .authorization: changes.authorization = value.isEmpty ? nil : value
            default: return fail("This row cannot be typed into")
            }
            return changeEndpoint(key, changes, "change " + endpointName(key))
        case .customEndpoint(let id):
            switch row {
            case .path:
                if let problem = pathProblem(value) { return fail(problem) }
                return changeCustom(id, "change the path of a custom endpoint") { $0.path = value }
            case .summary: return changeCustom(id, "change the summary of a custom endpoint") { $0.summary = value }
            case .authorization:
                return changeCustom(id, "change the authorisation of a custom endpoint") { $0.authorization = value.isEmpty ? nil : value }
            case .request, .response:
                var reference: Reference<Entity>?
                if !value.isEmpty {
                    guard let entity = session.entity(named: value) else { return fail(unknownEntity(value)) }
                    reference = .id(entity.id)
                }
                return changeCustom(id, "change the \(row == .request ? "request" : "response") of a custom endpoint") { custom in
                    if row == .request { custom.request = reference } else { custom.response = reference }
                }
            default: return fail("This row cannot be typed into")
            }
        case .flow(let id):
            guard var flow = session.flow(id), row == .name else { return fail("This row cannot be typed into") }
            if let problem = nameProblem(value, among: session.flows.filter { $0.id != id }.map(\.name), "a flow") { return fail(problem) }
            let old = flow.name
            flow.name = value
            return .success((.updateFlow(flow), "rename flow \(old) to \(value)"))
        case .flowStep(let flowID, let id):
            guard let flow = session.flow(flowID), var step = flow.step(id) else { return fail("The step no longer exists") }
            switch row {
            case .from, .to:
                switch participant(value) {
                case .failure(let error): return .failure(error)
                case .success(let participant): if row == .from { step.from = participant } else { step.to = participant }
                }
            case .action:
                if value.isEmpty { return fail("Say what happens in the step, e.g. reserve the copies") }
                step.action = value
            case .failure: step.failure = value.isEmpty ? nil : value
            default: return fail("This row cannot be typed into")
            }
            return .success((.updateFlowStep(step, flow: flowID), "change a step of \(flow.name)"))
        default:
            return fail("This row cannot be typed into")
        }
    }

    /// `the get endpoint of Member (under Book)`: a generated endpoint in words, for undo labels.
    func endpointName(_ key: EndpointKey) -> String {
        let names = session.names
        return "the \(key.operation.rawValue) endpoint of \(names.name(key.entity))" + (key.parent.map { " (under \(names.name($0)))" } ?? "")
    }

    /// The override edit that gives `key` these changes: made on the first change, removed when nothing is left.
    func changeEndpoint(_ key: EndpointKey, _ changes: EndpointChanges, _ label: String) -> Outcome {
        if let existing = EndpointOverrides(session: session).override(of: key) {
            if changes.isEmpty { return .success((.removeEndpointOverride(existing.id), label)) }
            var updated = existing
            updated.kind = .change(key, changes)
            return .success((.updateEndpointOverride(updated), label))
        }
        guard !changes.isEmpty else { return fail("Nothing changed") }
        // The new override's identity: above every identity the session holds (the edit reserves it).
        var allocator = session.identities
        let override = EndpointOverride(id: allocator.next(), target: key, changes)
        return .success((.insertEndpointOverride(override, at: session.endpointOverrides.count), label))
    }

    func changeCustom(_ id: OverrideID, _ label: String, _ change: (inout CustomEndpoint) -> Void) -> Outcome {
        guard var override = session.endpointOverride(id), case .custom(var custom) = override.kind else { return fail("The endpoint no longer exists") }
        change(&custom)
        override.kind = .custom(custom)
        return .success((.updateEndpointOverride(override), label))
    }

    /// Why `path` cannot be an endpoint's path: it must start with `/` and hold no spaces or query.
    func pathProblem(_ path: String) -> String? {
        if !path.hasPrefix("/") { return "A path starts with /, e.g. /v1/loans/{loanId}/renew" }
        if path.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }) { return "A path has no spaces, ? or #" }
        var depth = 0
        for character in path {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if depth < 0 || depth > 1 { return "Path parameters are {name}, one level of braces" }
        }
        return depth == 0 ? nil : "A { has no closing }"
    }

    /// A participant typed as the file spells it: a service (or bounded context) name, `actor …` or `external …`.
    func participant(_ text: String) -> Result<FlowParticipant, FormError> {
        let value = text.trimmingCharacters(in: .whitespaces)
        let parsed = FlowParticipantText.participant(value)
        switch parsed {
        case .actor(let name), .external(let name):
            return name.trimmingCharacters(in: .whitespaces).isEmpty ? .failure(FormError(message: "Name the actor or system")) : .success(parsed)
        case .service(let reference):
            let name = session.names.name(reference)
            if let service = session.services.first(where: { NameKey($0.name) == NameKey(name) }) { return .success(.service(.id(service.id))) }
            if let context = FormRows(session: session).owners.first(where: { NameKey($0) == NameKey(name) }) { return .success(.service(.named(context))) }
            return .failure(FormError(message: name.isEmpty ? "Name who takes part"
                : "No service or bounded context “\(name)”; write actor \(name) or external \(name)"))
        }
    }

    /// `Reader -> Orders: reserve the copies async`: a step typed on "+ add step".
    func parseStep(_ text: String) -> Result<FlowStep, FormError> {
        guard let arrow = text.range(of: "->") ?? text.range(of: "→") else {
            return .failure(FormError(message: "Write From -> To: action, e.g. actor Reader -> Orders: place the order"))
        }
        let from = String(text[..<arrow.lowerBound]).trimmingCharacters(in: .whitespaces)
        let rest = String(text[arrow.upperBound...])
        guard let colon = rest.firstIndex(of: ":") else { return .failure(FormError(message: "Say what happens after a colon: … -> Orders: place the order")) }
        let to = String(rest[..<colon]).trimmingCharacters(in: .whitespaces)
        var action = String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        var style = ServiceCall.Style.sync
        if action.hasSuffix(" async") {
            style = .async
            action = String(action.dropLast(6)).trimmingCharacters(in: .whitespaces)
        }
        if action.isEmpty { return .failure(FormError(message: "Say what happens after the colon")) }
        let sender: FlowParticipant, receiver: FlowParticipant
        switch participant(from) {
        case .failure(let error): return .failure(error)
        case .success(let value): sender = value
        }
        switch participant(to) {
        case .failure(let error): return .failure(error)
        case .success(let value): receiver = value
        }
        return .success(FlowStep(from: sender, to: receiver, action: action, style: style))
    }

    func unknownEntity(_ name: String) -> String {
        "No entity “\(name)”" + (session.entities.isEmpty ? "; add one first" : "; one of " + session.entities.prefix(6).map(\.name).joined(separator: ", "))
    }
}
