import ArchModel
import Foundation

/// Turns what the user typed or chose in a form row into a `SessionEdit`, or says why it is refused.
/// Nothing invalid is ever stored: the message says what is expected.
struct FormEdits {
    let session: Session

    typealias Outcome = Result<(edit: SessionEdit, label: String), FormError>

    struct FormError: Error, Hashable { let message: String }

    func fail(_ message: String) -> Outcome { .failure(FormError(message: message)) }

    /// Rows whose typed text is stored as it is, never refused: the form does not check them on every key,
    /// so typing into a long description costs what typing into a short one does.
    static let freeTextRows: Set<FormRow.Key> = [.description, .responsibilities, .purpose, .role]

    /// The edit for typed text in a text row.
    func text(_ text: String, row: FormRow.Key, of target: FormTarget) -> Outcome {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch target {
        case .entity(let id):
            guard var entity = session.entity(id) else { return fail("The entity no longer exists") }
            switch row {
            case .name:
                if let problem = nameProblem(value, among: session.entities.filter { $0.id != id }.map(\.name), "an entity") { return fail(problem) }
                let old = entity.name
                entity.name = value
                return .success((.updateEntity(entity), "rename entity \(old) to \(value)"))
            case .description:
                entity.description = value
                return .success((.updateEntity(entity), "describe entity \(entity.name)"))
            default: return fail("This row cannot be typed into")
            }
        case .field(let owner, let id):
            guard let entity = session.entity(owner), var field = entity.field(id) else { return fail("The field no longer exists") }
            let label = "change \(entity.name).\(field.name)"
            switch row {
            case .name:
                if let problem = nameProblem(value, among: entity.fields.filter { $0.id != id }.map(\.name), "a field of \(entity.name)") { return fail(problem) }
                field.name = value
            case .length:
                guard let length = whole(value, in: 1...10_485_760) else { return fail("A length is a whole number from 1 to 10485760, or empty for none") }
                field.length = length.value
            case .precision:
                guard let precision = whole(value, in: 1...1000) else { return fail("Precision is a whole number of digits from 1 to 1000, or empty") }
                if let scale = field.scale, let p = precision.value, scale > p { return fail("Precision \(p) is below the scale \(scale); lower the scale first") }
                field.precision = precision.value
            case .scale:
                guard let scale = whole(value, in: 0...1000) else { return fail("Scale is a whole number of digits after the point, from 0, or empty") }
                if let s = scale.value, let precision = field.precision, s > precision { return fail("Scale \(s) is larger than the precision \(precision)") }
                field.scale = scale.value
            case .values:
                let values = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if Set(values.map(NameKey.init)).count != values.count { return fail("Each value once, please (values compare ignoring case)") }
                field.enumValues = values
            case .defaultValue:
                if let problem = defaultProblem(value, for: field) { return fail(problem) }
                field.defaultValue = value.isEmpty ? nil : value
            case .description:
                field.description = value
            default: return fail("This row cannot be typed into")
            }
            return .success((.updateField(field, entity: owner), label))
        case .relation(let owner, let id):
            guard let entity = session.entity(owner), var relation = entity.relation(id) else { return fail("The relation no longer exists") }
            switch row {
            case .target:
                guard let target = session.entity(named: value) else { return fail(unknown(value, "entity", session.entities.map(\.name))) }
                relation.target = .id(target.id)
            case .role:
                relation.name = value.isEmpty ? nil : value
            default: return fail("This row cannot be typed into")
            }
            return .success((.updateRelation(relation, entity: owner), "change a relation of \(entity.name)"))
        case .service(let id):
            guard var service = session.service(id) else { return fail("The service no longer exists") }
            switch row {
            case .name:
                if let problem = nameProblem(value, among: session.services.filter { $0.id != id }.map(\.name), "a service") { return fail(problem) }
                let old = service.name
                service.name = value
                return .success((.updateService(service), "rename service \(old) to \(value)"))
            case .responsibilities:
                service.responsibilities = value
                return .success((.updateService(service), "describe service \(service.name)"))
            default: return fail("This row cannot be typed into")
            }
        case .call(let owner, let id):
            guard let service = session.service(owner), var call = service.calls.first(where: { $0.id == id }) else { return fail("The call no longer exists") }
            switch row {
            case .target:
                guard let target = session.services.first(where: { NameKey($0.name) == NameKey(value) }) else {
                    return fail(unknown(value, "service", session.services.map(\.name)))
                }
                call.target = .id(target.id)
            case .purpose: call.purpose = value
            default: return fail("This row cannot be typed into")
            }
            return .success((.updateCall(call, service: owner), "change a call of \(service.name)"))
        case .endpoint, .customEndpoint, .flow, .flowStep:
            return flowText(value, row: row, of: target)
        case .system(let id):
            guard var system = session.system(id) else { return fail("The system no longer exists") }
            switch row {
            case .name:
                if let problem = nameProblem(value, among: session.systems.filter { $0.id != id }.map(\.name), "a system") { return fail(problem) }
                let old = system.name
                system.name = value
                return .success((.updateSystem(system), "rename system \(old) to \(value)"))
            case .purpose:
                system.purpose = value
            case .rateLimit:
                guard let limit = whole(value, in: 1...ExternalSystem.maximumRateLimit) else {
                    return fail("A rate limit is the requests per second it accepts, a whole number from 1 to \(ExternalSystem.maximumRateLimit), or empty for none")
                }
                system.rateLimit = limit.value
            case .latency:
                guard let latency = whole(value, in: 1...ExternalSystem.maximumLatencyMs) else {
                    return fail("A latency is its p99 in milliseconds, a whole number from 1 to \(ExternalSystem.maximumLatencyMs), or empty")
                }
                system.latencyMs = latency.value
            case .availability:
                if value.isEmpty {
                    system.availability = nil
                } else {
                    guard let number = Double(value.replacingOccurrences(of: "%", with: "")), number.isFinite, (50...100).contains(number) else {
                        return fail("An availability is a percentage from 50 to 100, e.g. 99.5, or empty")
                    }
                    system.availability = number
                }
            default: return fail("This row cannot be typed into")
            }
            return .success((.updateSystem(system), "change system \(system.name)"))
        }
    }

    /// The edit for Space/Enter on a toggle row.
    func toggle(_ row: FormRow.Key, of target: FormTarget) -> Outcome {
        switch target {
        case .field(let owner, let id):
            guard let entity = session.entity(owner), var field = entity.field(id) else { return fail("The field no longer exists") }
            switch row {
            case .required: field.required.toggle()
            case .unique: field.unique.toggle()
            case .indexed: field.indexed.toggle()
            case .pii: field.pii.toggle()
            default: return fail("Not a toggle")
            }
            return .success((.updateField(field, entity: owner), "change \(entity.name).\(field.name)"))
        case .relation(let owner, let id):
            guard let entity = session.entity(owner), var relation = entity.relation(id), row == .required else { return fail("Not a toggle") }
            relation.required.toggle()
            return .success((.updateRelation(relation, entity: owner), "change a relation of \(entity.name)"))
        case .service(let id):
            guard case .owns(let entityID) = row, let service = session.service(id), var entity = session.entity(entityID) else { return fail("Not a toggle") }
            let owns = entity.service == .id(id)
            entity.service = owns ? nil : .id(id)
            return .success((.updateEntity(entity), owns ? "\(service.name) no longer owns \(entity.name)" : "\(service.name) owns \(entity.name)"))
        case .system(let id):
            guard case .owns(let entityID) = row, var system = session.system(id), let entity = session.entity(entityID) else { return fail("Not a toggle") }
            var edits: [SessionEdit] = []
            if system.owns.contains(.id(entityID)) {
                system.owns.removeAll { $0 == .id(entityID) }
                return .success((.updateSystem(system), "\(system.name) no longer owns \(entity.name)"))
            }
            // One system of record per entity: it moves from the system that had it.
            if var other = session.systemOwning(entityID), other.id != id {
                other.owns.removeAll { $0 == .id(entityID) }
                edits.append(.updateSystem(other))
            }
            system.owns.append(.id(entityID))
            edits.append(.updateSystem(system))
            return .success((.batch(edits), "\(system.name) is the system of record for \(entity.name)"))
        case .endpoint(let key) where row == .hidden:
            var changes = EndpointOverrides(session: session).changes(of: key)
            changes.hidden.toggle()
            return changeEndpoint(key, changes, (changes.hidden ? "hide " : "show again ") + endpointName(key))
        default: return fail("Not a toggle")
        }
    }

    /// The edit for choosing option `index` of a choice row.
    func choose(_ index: Int, options: [String], row: FormRow.Key, of target: FormTarget) -> Outcome {
        guard options.indices.contains(index) else { return fail("No such option") }
        let option = options[index]
        switch target {
        case .entity(let id):
            guard var entity = session.entity(id), row == .owner else { return fail("Not a choice") }
            if option == "—" {
                entity.service = nil
            } else if let service = session.services.first(where: { NameKey($0.name) == NameKey(option) }) {
                entity.service = .id(service.id)
            } else {
                entity.service = .named(option)
            }
            return .success((.updateEntity(entity), "set the owner of \(entity.name) to \(option)"))
        case .field(let owner, let id):
            guard let entity = session.entity(owner), var field = entity.field(id), row == .type, let type = FieldType(rawValue: option) else { return fail("Not a choice") }
            field.type = type
            // Parameters that mean nothing for the new type go, so nothing invalid stays stored.
            if !type.takesLength { field.length = nil }
            if !type.takesPrecision { field.precision = nil; field.scale = nil }
            if type != .enumeration { field.enumValues = [] }
            if let value = field.defaultValue, defaultProblem(value, for: field) != nil { field.defaultValue = nil }
            return .success((.updateField(field, entity: owner), "make \(entity.name).\(field.name) \(type.rawValue)"))
        case .relation(let owner, let id):
            guard let entity = session.entity(owner), var relation = entity.relation(id) else { return fail("Not a choice") }
            switch row {
            case .kind: relation.kind = RelationKind(rawValue: option) ?? relation.kind
            case .onDelete: relation.onDelete = DeleteRule(rawValue: option) ?? relation.onDelete
            default: return fail("Not a choice")
            }
            return .success((.updateRelation(relation, entity: owner), "change a relation of \(entity.name)"))
        case .call(let owner, let id):
            guard let service = session.service(owner), var call = service.calls.first(where: { $0.id == id }),
                  let style = ServiceCall.Style(rawValue: option) else { return fail("Not a choice") }
            call.style = style
            return .success((.updateCall(call, service: owner), "make a call of \(service.name) \(option)"))
        case .service, .flow:
            return fail("Not a choice")
        case .system(let id):
            guard var system = session.system(id) else { return fail("The system no longer exists") }
            switch row {
            case .kind: system.kind = ExternalSystem.Kind(rawValue: option) ?? system.kind
            case .transport: system.transport = ExternalSystem.Transport(rawValue: option) ?? system.transport
            case .direction: system.direction = ExternalSystem.Direction(rawValue: option) ?? system.direction
            case .plan: system.plan = ExternalSystem.Plan(rawValue: option) ?? system.plan
            default: return fail("Not a choice")
            }
            return .success((.updateSystem(system), "set the \(Self.rowName(row)) of \(system.name) to \(option)"))
        case .endpoint(let key):
            var changes = EndpointOverrides(session: session).changes(of: key)
            changes.method = HTTPMethod(rawValue: option)
            return changeEndpoint(key, changes, "change the method of " + endpointName(key))
        case .customEndpoint(let id):
            guard let method = HTTPMethod(rawValue: option) else { return fail("Not a method") }
            return changeCustom(id, "change the method of a custom endpoint") { $0.method = method }
        case .flowStep(let flow, let id):
            guard let owner = session.flow(flow), var step = owner.step(id), let style = ServiceCall.Style(rawValue: option) else { return fail("Not a choice") }
            step.style = style
            return .success((.updateFlowStep(step, flow: flow), "make a step of \(owner.name) \(option)"))
        }
    }

    /// The new element typed on a "+ add" row: `due: date`, `has-many Loan`, `Catalogue async`.
    func add(_ text: String, to section: FormRow.Section, of target: FormTarget, ids: inout IdentityAllocator) -> Outcome {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch (section, target) {
        case (.fields, .entity(let owner)):
            guard let entity = session.entity(owner) else { return fail("The entity no longer exists") }
            let parts = value.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            if let problem = nameProblem(name, among: entity.fields.map(\.name), "a field of \(entity.name)") { return fail(problem) }
            var type = FieldType.string
            if parts.count == 2 {
                guard let typed = FieldType(rawValue: parts[1].lowercased()) else {
                    return fail("Unknown type “\(parts[1])”; one of " + FieldType.allCases.map(\.rawValue).joined(separator: ", "))
                }
                type = typed
            }
            let field = Field(id: ids.next(), name: name, type: type)
            return .success((.insertField(field, entity: owner, at: entity.fields.count), "add field \(entity.name).\(name)"))
        case (.relations, .entity(let owner)):
            guard let entity = session.entity(owner) else { return fail("The entity no longer exists") }
            var words = value.split(separator: " ", maxSplits: 1).map(String.init)
            var kind = RelationKind.belongsTo
            if let first = words.first, let typed = RelationKind(rawValue: first.lowercased()), words.count == 2 {
                kind = typed
                words.removeFirst()
            }
            let name = words.joined(separator: " ")
            guard let target = session.entity(named: name) else { return fail(unknown(name, "entity", session.entities.map(\.name))) }
            let relation = Relation(id: ids.next(), kind: kind, target: .id(target.id))
            return .success((.insertRelation(relation, entity: owner, at: entity.relations.count),
                             "add relation \(entity.name) \(kind.rawValue) \(target.name)"))
        case (.calls, .service(let owner)):
            guard let service = session.service(owner) else { return fail("The service no longer exists") }
            var words = value.split(separator: " ").map(String.init)
            var style = ServiceCall.Style.sync
            if let last = words.last, let typed = ServiceCall.Style(rawValue: last.lowercased()), words.count > 1 {
                style = typed
                words.removeLast()
            }
            let name = words.joined(separator: " ")
            guard let target = session.services.first(where: { NameKey($0.name) == NameKey(name) }) else {
                return fail(unknown(name, "service", session.services.map(\.name)))
            }
            let call = ServiceCall(id: ids.next(), target: .id(target.id), style: style)
            return .success((.insertCall(call, service: owner, at: service.calls.count), "add call \(service.name) → \(target.name)"))
        case (.steps, .flow(let id)):
            guard let flow = session.flow(id) else { return fail("The flow no longer exists") }
            switch parseStep(value) {
            case .failure(let error): return .failure(error)
            case .success(var step):
                step.id = ids.next()
                return .success((.insertFlowStep(step, flow: id, at: flow.steps.count), "add a step to \(flow.name)"))
            }
        default:
            return fail("Nothing to add here")
        }
    }

    private static func rowName(_ row: FormRow.Key) -> String {
        switch row {
        case .transport: return "protocol"
        case .direction: return "direction"
        case .plan: return "plan"
        default: return "kind"
        }
    }

    // MARK: Validation

    /// Why `name` cannot be a name here, or nil: the rules of every name (`ModelName`), or taken (see `NameKey`).
    func nameProblem(_ name: String, among others: [String], _ what: String) -> String? {
        if let problem = ModelName.problem(name) { return problem.prefix(1).uppercased() + problem.dropFirst() }
        if let taken = others.first(where: { NameKey($0) == NameKey(name) }) {
            return "“\(taken)” is already \(what) (names compare ignoring case and separators)"
        }
        return nil
    }

    /// Why `value` cannot be the default of `field`, or nil.
    func defaultProblem(_ value: String, for field: Field) -> String? {
        guard !value.isEmpty else { return nil }
        switch field.type {
        case .integer, .bigint:
            return Int64(value) == nil ? "A default for \(field.type.rawValue) is a whole number, e.g. 0" : nil
        case .decimal, .money:
            return Double(value) == nil ? "A default for \(field.type.rawValue) is a number, e.g. 0 or 9.99" : nil
        case .boolean:
            return ["true", "false"].contains(value) ? nil : "A default for boolean is true or false"
        case .enumeration:
            return field.enumValues.contains(value) ? nil : "A default for an enum is one of its values: " + field.enumValues.joined(separator: ", ")
        case .date, .timestamp:
            return value == "now" || value.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil
                ? nil : "A default for \(field.type.rawValue) is now or a date like 2026-01-31"
        case .uuid:
            return value == "random" ? nil : "A default for uuid is random (made by the application)"
        case .string, .text, .email, .json:
            return nil
        }
    }

    /// A whole number in `range`, or nil for empty text (wrapped, so "empty" and "invalid" differ).
    private func whole(_ text: String, in range: ClosedRange<Int>) -> (value: Int?, Void)? {
        if text.isEmpty { return (nil, ()) }
        guard let number = Int(text), range.contains(number) else { return nil }
        return (number, ())
    }

    private func unknown(_ name: String, _ what: String, _ known: [String]) -> String {
        if name.isEmpty { return "Name the \(what)" }
        let close = known.filter { NameKey($0).raw.hasPrefix(NameKey(name).raw.prefix(3)) }.prefix(3)
        return "No \(what) “\(name)”" + (close.isEmpty ? (known.isEmpty ? "; add one first" : "") : "; did you mean " + close.joined(separator: ", ") + "?")
    }
}
