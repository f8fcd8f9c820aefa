import ArchModel
import Foundation

/// The rows of each form, made from the session: what the user sees and can change.
struct FormRows {
    let session: Session
    /// The design shown, for what generated endpoints are before the user's changes.
    var design: Design? = nil

    /// The rows for `target`, or nil when the element no longer exists (an undo removed it).
    func rows(for target: FormTarget) -> [FormRow]? {
        switch target {
        case .entity(let id): return session.entity(id).map(entityRows)
        case .field(let entity, let id): return session.entity(entity)?.field(id).map(fieldRows)
        case .relation(let entity, let id): return session.entity(entity)?.relation(id).map(relationRows)
        case .service(let id): return session.service(id).map(serviceRows)
        case .call(let service, let id): return session.service(service)?.calls.first { $0.id == id }.map(callRows)
        case .endpoint(let key): return endpointRows(key)
        case .customEndpoint(let id):
            guard case .custom(let custom)? = session.endpointOverride(id)?.kind else { return nil }
            return customRows(custom)
        case .flow(let id): return session.flow(id).map(flowRows)
        case .flowStep(let flow, let id): return session.flow(flow)?.step(id).map(stepRows)
        case .system(let id): return session.system(id).map(systemRows)
        }
    }

    /// The form's title: "Entity Loan", "Field Loan.due".
    func title(for target: FormTarget) -> String {
        let names = session.names
        switch target {
        case .entity(let id): return "Entity " + (session.entity(id)?.name ?? "?")
        case .field(let entity, let id):
            return "Field " + (session.entity(entity).map { $0.name + "." + ($0.field(id)?.name ?? "?") } ?? "?")
        case .relation(let entity, let id):
            let relation = session.entity(entity)?.relation(id)
            return "Relation " + (session.entity(entity)?.name ?? "?") + " → " + (relation.map { names.name($0.target) } ?? "?")
        case .service(let id): return "Service " + (session.service(id)?.name ?? "?")
        case .call(let service, let id):
            let call = session.service(service)?.calls.first { $0.id == id }
            return "Call " + (session.service(service)?.name ?? "?") + " → " + (call.map { names.name($0.target) } ?? "?")
        case .endpoint(let key):
            return "Endpoint " + (generated(key).map { $0.method + " " + $0.path } ?? key.operation.rawValue + " " + names.name(key.entity))
        case .customEndpoint(let id):
            guard case .custom(let custom)? = session.endpointOverride(id)?.kind else { return "Endpoint ?" }
            return "Custom endpoint " + custom.method.rawValue + " " + custom.path
        case .flow(let id): return "Flow " + (session.flow(id)?.name ?? "?")
        case .flowStep(let flow, let id):
            let index = session.flow(flow)?.steps.firstIndex { $0.id == id }
            return "Flow " + (session.flow(flow)?.name ?? "?") + " › step " + (index.map { String($0 + 1) } ?? "?")
        case .system(let id): return "System " + (session.system(id)?.name ?? "?")
        }
    }

    /// The endpoint the generator makes for `key`, as the design shows it (nil when hidden or gone).
    func generated(_ key: EndpointKey) -> Endpoint? {
        design?.endpoints.first { $0.id == .generated(key) } ?? design?.hiddenEndpoints.first { $0.id == .generated(key) }
    }

    /// Who may own an entity: the defined services, then the bounded contexts of step 3 that no service is named after.
    var owners: [String] {
        let services = session.services.map(\.name)
        let taken = Set(services.map(NameKey.init))
        return services + (session["services.bounded_contexts"]?.values ?? []).filter { !taken.contains(NameKey($0)) }
    }

    private func entityRows(_ entity: Entity) -> [FormRow] {
        let names = session.names
        let owner = entity.service.map(names.name)
        var choices = ["—"] + owners
        if let owner, !owners.contains(where: { NameKey($0) == NameKey(owner) }) { choices.append(owner) }
        let selected = owner.flatMap { name in choices.firstIndex { NameKey($0) == NameKey(name) } } ?? 0
        var rows = [
            FormRow(key: .name, label: "Name", value: entity.name, kind: .text(entity.name)),
            FormRow(key: .description, label: "Description", value: entity.description, kind: .text(entity.description)),
            FormRow(key: .owner, label: "Owner", value: choices[selected], kind: .choice(choices, selected: selected)),
            FormRow(key: .header("Fields"), label: "Fields (\(entity.fields.count))", value: "", kind: .header),
        ]
        rows += entity.fields.map { field in
            FormRow(key: .item(.field(field.id)), label: field.name, value: Self.summary(of: field), kind: .item)
        }
        rows.append(FormRow(key: .add(.fields), label: FormRow.Section.fields.addLabel, value: "", kind: .add))
        rows.append(FormRow(key: .header("Relations"), label: "Relations (\(entity.relations.count))", value: "", kind: .header))
        rows += entity.relations.map { relation in
            FormRow(key: .item(.relation(relation.id)), label: relation.kind.rawValue,
                    value: Self.summary(of: relation, names: names), kind: .item)
        }
        rows.append(FormRow(key: .add(.relations), label: FormRow.Section.relations.addLabel, value: "", kind: .add,
                            completions: session.entities.map(\.name)))
        return rows
    }

    private func fieldRows(_ field: Field) -> [FormRow] {
        let types = FieldType.allCases.map(\.rawValue)
        var rows = [
            FormRow(key: .name, label: "Name", value: field.name, kind: .text(field.name)),
            FormRow(key: .type, label: "Type", value: field.type.rawValue,
                    kind: .choice(types, selected: types.firstIndex(of: field.type.rawValue) ?? 0)),
        ]
        if field.type.takesLength {
            rows.append(FormRow(key: .length, label: "Max length", value: field.length.map(String.init) ?? "", kind: .text(field.length.map(String.init) ?? "")))
        }
        if field.type.takesPrecision {
            rows.append(FormRow(key: .precision, label: "Precision", value: field.precision.map(String.init) ?? "", kind: .text(field.precision.map(String.init) ?? "")))
            rows.append(FormRow(key: .scale, label: "Scale", value: field.scale.map(String.init) ?? "", kind: .text(field.scale.map(String.init) ?? "")))
        }
        if field.type == .enumeration {
            let values = field.enumValues.joined(separator: ", ")
            rows.append(FormRow(key: .values, label: "Values", value: values, kind: .text(values)))
        }
        rows += [
            FormRow(key: .required, label: "Required", value: "", kind: .toggle(field.required)),
            FormRow(key: .unique, label: "Unique", value: "", kind: .toggle(field.unique)),
            FormRow(key: .indexed, label: "Indexed", value: "", kind: .toggle(field.indexed)),
            FormRow(key: .pii, label: "Personal data (PII)", value: "", kind: .toggle(field.pii)),
            FormRow(key: .defaultValue, label: "Default", value: field.defaultValue ?? "", kind: .text(field.defaultValue ?? "")),
            FormRow(key: .description, label: "Description", value: field.description, kind: .text(field.description)),
        ]
        return rows
    }

    private func relationRows(_ relation: Relation) -> [FormRow] {
        let kinds = RelationKind.allCases.map(\.rawValue), rules = DeleteRule.allCases.map(\.rawValue)
        let target = session.names.name(relation.target)
        return [
            FormRow(key: .kind, label: "Kind", value: relation.kind.rawValue,
                    kind: .choice(kinds, selected: kinds.firstIndex(of: relation.kind.rawValue) ?? 0)),
            FormRow(key: .target, label: "Target", value: target, kind: .text(target), completions: session.entities.map(\.name)),
            FormRow(key: .role, label: "Role name", value: relation.name ?? "", kind: .text(relation.name ?? "")),
            FormRow(key: .required, label: "Required", value: "", kind: .toggle(relation.required)),
            FormRow(key: .onDelete, label: "On delete", value: relation.onDelete.rawValue,
                    kind: .choice(rules, selected: rules.firstIndex(of: relation.onDelete.rawValue) ?? 0)),
        ]
    }

    private func serviceRows(_ service: Service) -> [FormRow] {
        let names = session.names
        let owned = session.entities.filter { $0.service == .id(service.id) }.count
        var rows = [
            FormRow(key: .name, label: "Name", value: service.name, kind: .text(service.name)),
            FormRow(key: .responsibilities, label: "Responsibilities", value: service.responsibilities, kind: .text(service.responsibilities)),
            FormRow(key: .header("Owns"), label: "Owns (\(owned) of \(session.entities.count) entities; Space flips)", value: "", kind: .header),
        ]
        rows += session.entities.map { entity in
            let other = entity.service.flatMap { $0 == .id(service.id) ? nil : names.name($0) }
            return FormRow(key: .owns(entity.id), label: entity.name, value: other.map { "owned by \($0)" } ?? "",
                           kind: .toggle(entity.service == .id(service.id)))
        }
        rows.append(FormRow(key: .header("Calls"), label: "Calls (\(service.calls.count))", value: "", kind: .header))
        rows += service.calls.map { call in
            FormRow(key: .item(.call(call.id)), label: names.name(call.target),
                    value: call.style.rawValue + (call.purpose.isEmpty ? "" : " · " + call.purpose), kind: .item)
        }
        rows.append(FormRow(key: .add(.calls), label: FormRow.Section.calls.addLabel, value: "", kind: .add,
                            completions: session.services.map(\.name)))
        return rows
    }

    private func systemRows(_ system: ExternalSystem) -> [FormRow] {
        func choice<T: RawRepresentable & CaseIterable>(_ key: FormRow.Key, _ label: String, _ value: T) -> FormRow where T.RawValue == String {
            let options = T.allCases.map(\.rawValue)
            return FormRow(key: key, label: label, value: value.rawValue,
                           kind: .choice(options, selected: options.firstIndex(of: value.rawValue) ?? 0))
        }
        func figure(_ value: (some CustomStringConvertible)?) -> String { value.map(\.description) ?? "" }
        let availability = system.availability.map(SessionFile.format) ?? ""
        let owned = system.owns.count
        var rows = [
            FormRow(key: .name, label: "Name", value: system.name, kind: .text(system.name)),
            FormRow(key: .purpose, label: "Used for", value: system.purpose, kind: .text(system.purpose)),
            choice(.kind, "Kind", system.kind),
            choice(.transport, "Protocol", system.transport),
            choice(.direction, "Direction", system.direction),
            FormRow(key: .rateLimit, label: "Rate limit (req/s)", value: figure(system.rateLimit), kind: .text(figure(system.rateLimit))),
            FormRow(key: .latency, label: "Latency p99 (ms)", value: figure(system.latencyMs), kind: .text(figure(system.latencyMs))),
            FormRow(key: .availability, label: "Availability (%)", value: availability, kind: .text(availability)),
            choice(.plan, "Plan", system.plan),
            FormRow(key: .header("Owns"), label: "System of record for (\(owned) of \(session.entities.count) entities; Space flips)",
                    value: "", kind: .header),
        ]
        rows += session.entities.map { entity in
            let other = session.systemOwning(entity.id).flatMap { $0.id == system.id ? nil : $0.name }
            return FormRow(key: .owns(entity.id), label: entity.name, value: other.map { "owned by \($0)" } ?? "",
                           kind: .toggle(system.owns.contains(.id(entity.id))))
        }
        return rows
    }

    private func callRows(_ call: ServiceCall) -> [FormRow] {
        let styles = ServiceCall.Style.allCases.map(\.rawValue)
        let target = session.names.name(call.target)
        return [
            FormRow(key: .target, label: "Calls", value: target, kind: .text(target), completions: session.services.map(\.name)),
            FormRow(key: .style, label: "Style", value: call.style.rawValue,
                    kind: .choice(styles, selected: styles.firstIndex(of: call.style.rawValue) ?? 0)),
            FormRow(key: .purpose, label: "Purpose", value: call.purpose, kind: .text(call.purpose)),
        ]
    }

    /// `date · required · unique · PII`: a field at a glance.
    static func summary(of field: Field) -> String {
        var type = field.type.rawValue
        if let length = field.length { type += "(\(length))" }
        if let precision = field.precision { type += "(\(precision)" + (field.scale.map { ",\($0)" } ?? "") + ")" }
        if field.type == .enumeration, !field.enumValues.isEmpty { type += " [" + field.enumValues.joined(separator: ", ") + "]" }
        let flags = [(field.required, "required"), (field.unique, "unique"), (field.indexed, "indexed"), (field.pii, "PII")]
            .filter(\.0).map(\.1)
        return ([type] + flags + (field.defaultValue.map { ["default \($0)"] } ?? [])).joined(separator: " · ")
    }

    /// `Member · required · on delete cascade`.
    static func summary(of relation: Relation, names: ModelNames) -> String {
        var parts = [names.name(relation.target)]
        if let role = relation.name { parts.append("as \(role)") }
        if relation.kind != .manyToMany { parts.append(relation.required ? "required" : "optional") } // a join table has no optional side
        if relation.onDelete != .restrict { parts.append("on delete \(relation.onDelete.rawValue)") }
        return parts.joined(separator: " · ")
    }

    // MARK: Endpoints and flows

    private func endpointRows(_ key: EndpointKey) -> [FormRow] {
        let changes = EndpointOverrides(session: session).changes(of: key)
        let shown = generated(key)
        let methods = ["as generated"] + HTTPMethod.allCases.map(\.rawValue)
        let method = changes.method.flatMap { methods.firstIndex(of: $0.rawValue) } ?? 0
        func text(_ value: String?, generated: String?) -> (String, String) {
            (value ?? "", value ?? (generated.map { "as generated: " + $0 } ?? ""))
        }
        let path = text(changes.path, generated: shown?.path), summary = text(changes.summary, generated: shown?.summary)
        let auth = text(changes.authorization, generated: shown?.authorization)
        return [
            FormRow(key: .hidden, label: "Hidden", value: changes.hidden ? "hidden: not in the API" : "", kind: .toggle(changes.hidden)),
            FormRow(key: .method, label: "Method", value: methods[method], kind: .choice(methods, selected: method)),
            FormRow(key: .path, label: "Path", value: path.1, kind: .text(path.0)),
            FormRow(key: .summary, label: "Summary", value: summary.1, kind: .text(summary.0)),
            FormRow(key: .authorization, label: "Authorisation", value: auth.1, kind: .text(auth.0)),
            FormRow(key: .header("note"), label: "Empty text keeps what the generator makes; every change is marked in the API tab.",
                    value: "", kind: .header),
        ]
    }

    private func customRows(_ custom: CustomEndpoint) -> [FormRow] {
        let names = session.names
        let methods = HTTPMethod.allCases.map(\.rawValue)
        let request = custom.request.map(names.name) ?? "", response = custom.response.map(names.name) ?? ""
        return [
            FormRow(key: .method, label: "Method", value: custom.method.rawValue,
                    kind: .choice(methods, selected: methods.firstIndex(of: custom.method.rawValue) ?? 0)),
            FormRow(key: .path, label: "Path", value: custom.path, kind: .text(custom.path)),
            FormRow(key: .summary, label: "Summary", value: custom.summary, kind: .text(custom.summary)),
            FormRow(key: .request, label: "Request entity", value: request, kind: .text(request), completions: session.entities.map(\.name)),
            FormRow(key: .response, label: "Response entity", value: response, kind: .text(response), completions: session.entities.map(\.name)),
            FormRow(key: .authorization, label: "Authorisation", value: custom.authorization ?? "", kind: .text(custom.authorization ?? "")),
        ]
    }

    /// Who can take part in a flow step: the services (or bounded contexts), then `actor …` and `external …`.
    var participants: [String] {
        owners + ["actor ", "external "]
    }

    private func flowRows(_ flow: Flow) -> [FormRow] {
        let names = session.names
        var rows = [
            FormRow(key: .name, label: "Name", value: flow.name, kind: .text(flow.name)),
            FormRow(key: .header("Steps"), label: "Steps (\(flow.steps.count))", value: "", kind: .header),
        ]
        rows += flow.steps.enumerated().map { index, step in
            FormRow(key: .item(.step(step.id)), label: "\(index + 1). " + FlowParticipantText.text(step.from, names: names),
                    value: Self.summary(of: step, names: names), kind: .item)
        }
        rows.append(FormRow(key: .add(.steps), label: FormRow.Section.steps.addLabel, value: "", kind: .add, completions: participants))
        return rows
    }

    private func stepRows(_ step: FlowStep) -> [FormRow] {
        let names = session.names
        let styles = ServiceCall.Style.allCases.map(\.rawValue)
        let from = FlowParticipantText.text(step.from, names: names), to = FlowParticipantText.text(step.to, names: names)
        return [
            FormRow(key: .from, label: "From", value: from, kind: .text(from), completions: participants),
            FormRow(key: .to, label: "To", value: to, kind: .text(to), completions: participants),
            FormRow(key: .action, label: "Action", value: step.action, kind: .text(step.action)),
            FormRow(key: .style, label: "Style", value: step.style.rawValue,
                    kind: .choice(styles, selected: styles.firstIndex(of: step.style.rawValue) ?? 0)),
            FormRow(key: .failure, label: "If it fails", value: step.failure ?? "", kind: .text(step.failure ?? "")),
        ]
    }

    /// `→ Orders: reserve the copies (async) · fails: out of stock`.
    static func summary(of step: FlowStep, names: ModelNames) -> String {
        "→ " + FlowParticipantText.text(step.to, names: names) + ": " + step.action + (step.style == .async ? " (async)" : "")
            + (step.failure.map { " · fails: " + $0 } ?? "")
    }
}

/// The user's changes to generated endpoints, looked up by key.
struct EndpointOverrides {
    let session: Session

    /// The override that changes `key`, if any.
    func override(of key: EndpointKey) -> EndpointOverride? {
        session.endpointOverrides.first { $0.target == key }
    }

    func changes(of key: EndpointKey) -> EndpointChanges {
        if case .change(_, let changes)? = override(of: key)?.kind { return changes }
        return EndpointChanges()
    }
}
