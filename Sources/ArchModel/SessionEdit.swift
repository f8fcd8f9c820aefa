/// One change to a session: the only way the app changes one. `Session.apply(_:)` performs it and returns
/// its inverse, so undo, redo and previews all come from the same mechanism.
///
/// Elements are addressed by identity, never by position or name. Removing an element removes what
/// depends on it (the relations pointing at a removed entity, the calls and flow steps to a removed service) and
/// the inverse brings all of it back where it was. Endpoint overrides are the exception: removing the entity
/// they target keeps them, pointing at the entity's name (the design reports them; a new entity of that name
/// picks them up on the next load). An edit whose target does not exist changes nothing.
public indirect enum SessionEdit: Hashable, Sendable, Codable {
    case setProjectName(String)
    /// Sets (or, with nil, clears) the answer to a question.
    case setAnswer(question: String, AnswerValue?)

    case insertEntity(Entity, at: Int)
    /// Removes the entity and every relation pointing at it; overrides targeting it keep its name.
    case removeEntity(EntityID)
    /// Replaces the entity with this one's identity: its name, description, owner, fields and relations.
    case updateEntity(Entity)
    case moveEntity(EntityID, to: Int)

    case insertField(Field, entity: EntityID, at: Int)
    case removeField(FieldID, entity: EntityID)
    case updateField(Field, entity: EntityID)
    case moveField(FieldID, entity: EntityID, to: Int)

    case insertRelation(Relation, entity: EntityID, at: Int)
    case removeRelation(RelationID, entity: EntityID)
    case updateRelation(Relation, entity: EntityID)
    case moveRelation(RelationID, entity: EntityID, to: Int)

    case insertService(Service, at: Int)
    /// Removes the service, the calls other services make to it, the flow steps from or to it, and its
    /// ownership of entities.
    case removeService(ServiceID)
    case updateService(Service)
    case moveService(ServiceID, to: Int)

    case insertCall(ServiceCall, service: ServiceID, at: Int)
    case removeCall(CallID, service: ServiceID)
    case updateCall(ServiceCall, service: ServiceID)
    case moveCall(CallID, service: ServiceID, to: Int)

    case insertFlow(Flow, at: Int)
    case removeFlow(FlowID)
    /// Replaces the flow with this one's identity: its name and steps.
    case updateFlow(Flow)
    case moveFlow(FlowID, to: Int)

    case insertFlowStep(FlowStep, flow: FlowID, at: Int)
    case removeFlowStep(FlowStepID, flow: FlowID)
    case updateFlowStep(FlowStep, flow: FlowID)
    case moveFlowStep(FlowStepID, flow: FlowID, to: Int)

    case insertEndpointOverride(EndpointOverride, at: Int)
    case removeEndpointOverride(OverrideID)
    case updateEndpointOverride(EndpointOverride)
    case moveEndpointOverride(OverrideID, to: Int)

    case insertSystem(ExternalSystem, at: Int)
    case removeSystem(SystemID)
    /// Replaces the system with this one's identity: everything said about it.
    case updateSystem(ExternalSystem)
    case moveSystem(SystemID, to: Int)

    /// Several edits as one step, applied in order (and undone in reverse).
    case batch([SessionEdit])

    /// Everything at once: the answers and the model of `session` (recovering a journal; undone by the session before).
    case replaceContents(Session)

    /// Changes nothing.
    public static let none = SessionEdit.batch([])
}

extension Session {
    /// Performs `edit` and returns the edit that undoes it.
    @discardableResult
    public mutating func apply(_ edit: SessionEdit) -> SessionEdit {
        switch edit {
        case .setProjectName(let name):
            let old = projectName
            projectName = name
            return .setProjectName(old)
        case .setAnswer(let question, let value):
            let old = answers[question]
            answers[question] = value
            return .setAnswer(question: question, old)

        case .insertEntity(let entity, let index):
            let at = Self.clamp(index, entities.count)
            entities.insert(entity, at: at)
            reserveIdentities(of: entity)
            return .removeEntity(entity.id)
        case .removeEntity(let id):
            guard let index = entityIndex(id) else { return .none }
            // What points at it goes first, so that undoing restores the entity before its referrers.
            var undo: [SessionEdit] = []
            for e in entities.indices where entities[e].id != id {
                for relation in entities[e].relations.reversed() where relation.target == .id(id) {
                    undo.append(apply(.removeRelation(relation.id, entity: entities[e].id)))
                }
            }
            for system in systems where system.owns.contains(.id(id)) {
                var changed = system
                changed.owns.removeAll { $0 == .id(id) }
                undo.append(apply(.updateSystem(changed)))
            }
            let name = entities[index].name
            for endpointOverride in endpointOverrides where endpointOverride.entityReferences.contains(.id(id)) {
                undo.append(apply(.updateEndpointOverride(endpointOverride.mappingEntities { $0 == .id(id) ? .named(name) : $0 })))
            }
            let entity = entities.remove(at: index)
            undo.append(.insertEntity(entity, at: index))
            return .batch(undo.reversed())
        case .updateEntity(let entity):
            guard let index = entityIndex(entity.id) else { return .none }
            let old = entities[index]
            entities[index] = entity
            reserveIdentities(of: entity)
            return .updateEntity(old)
        case .moveEntity(let id, let to):
            guard let from = entityIndex(id) else { return .none }
            entities.insert(entities.remove(at: from), at: Self.clamp(to, entities.count))
            return .moveEntity(id, to: from)

        case .insertField(let field, let owner, let index):
            guard let e = entityIndex(owner) else { return .none }
            entities[e].fields.insert(clamped: field, at: index)
            identities.reserve(field.id.raw)
            return .removeField(field.id, entity: owner)
        case .removeField(let id, let owner):
            guard let e = entityIndex(owner), let removed = entities[e].fields.remove(id: id) else { return .none }
            return .insertField(removed.element, entity: owner, at: removed.index)
        case .updateField(let field, let owner):
            guard let e = entityIndex(owner), let old = entities[e].fields.replace(field) else { return .none }
            return .updateField(old, entity: owner)
        case .moveField(let id, let owner, let to):
            guard let e = entityIndex(owner), let from = entities[e].fields.move(id: id, to: to) else { return .none }
            return .moveField(id, entity: owner, to: from)

        case .insertRelation(let relation, let owner, let index):
            guard let e = entityIndex(owner) else { return .none }
            entities[e].relations.insert(clamped: relation, at: index)
            identities.reserve(relation.id.raw)
            return .removeRelation(relation.id, entity: owner)
        case .removeRelation(let id, let owner):
            guard let e = entityIndex(owner), let removed = entities[e].relations.remove(id: id) else { return .none }
            return .insertRelation(removed.element, entity: owner, at: removed.index)
        case .updateRelation(let relation, let owner):
            guard let e = entityIndex(owner), let old = entities[e].relations.replace(relation) else { return .none }
            return .updateRelation(old, entity: owner)
        case .moveRelation(let id, let owner, let to):
            guard let e = entityIndex(owner), let from = entities[e].relations.move(id: id, to: to) else { return .none }
            return .moveRelation(id, entity: owner, to: from)

        case .insertService(let service, let index):
            services.insert(service, at: Self.clamp(index, services.count))
            identities.reserve(service.id.raw)
            for call in service.calls { identities.reserve(call.id.raw) }
            return .removeService(service.id)
        case .removeService(let id):
            guard let index = serviceIndex(id) else { return .none }
            var undo: [SessionEdit] = []
            for s in services.indices where services[s].id != id {
                for call in services[s].calls.reversed() where call.target == .id(id) {
                    undo.append(apply(.removeCall(call.id, service: services[s].id)))
                }
            }
            for flow in flows {
                for step in flow.steps.reversed() where step.involves(id) {
                    undo.append(apply(.removeFlowStep(step.id, flow: flow.id)))
                }
            }
            for e in entities.indices where entities[e].service == .id(id) {
                var owned = entities[e]
                owned.service = nil
                undo.append(apply(.updateEntity(owned)))
            }
            let service = services.remove(at: index)
            undo.append(.insertService(service, at: index))
            return .batch(undo.reversed())
        case .updateService(let service):
            guard let index = serviceIndex(service.id) else { return .none }
            let old = services[index]
            services[index] = service
            for call in service.calls { identities.reserve(call.id.raw) }
            return .updateService(old)
        case .moveService(let id, let to):
            guard let from = serviceIndex(id) else { return .none }
            services.insert(services.remove(at: from), at: Self.clamp(to, services.count))
            return .moveService(id, to: from)

        case .insertCall(let call, let owner, let index):
            guard let s = serviceIndex(owner) else { return .none }
            services[s].calls.insert(clamped: call, at: index)
            identities.reserve(call.id.raw)
            return .removeCall(call.id, service: owner)
        case .removeCall(let id, let owner):
            guard let s = serviceIndex(owner), let removed = services[s].calls.remove(id: id) else { return .none }
            return .insertCall(removed.element, service: owner, at: removed.index)
        case .updateCall(let call, let owner):
            guard let s = serviceIndex(owner), let old = services[s].calls.replace(call) else { return .none }
            return .updateCall(old, service: owner)
        case .moveCall(let id, let owner, let to):
            guard let s = serviceIndex(owner), let from = services[s].calls.move(id: id, to: to) else { return .none }
            return .moveCall(id, service: owner, to: from)

        case .insertFlow, .removeFlow, .updateFlow, .moveFlow, .insertFlowStep, .removeFlowStep, .updateFlowStep, .moveFlowStep,
             .insertEndpointOverride, .removeEndpointOverride, .updateEndpointOverride, .moveEndpointOverride:
            return applyUserDesignEdit(edit)

        case .insertSystem(let system, let index):
            systems.insert(system, at: Self.clamp(index, systems.count))
            identities.reserve(system.id.raw)
            return .removeSystem(system.id)
        case .removeSystem(let id):
            guard let removed = systems.remove(id: id) else { return .none }
            return .insertSystem(removed.element, at: removed.index)
        case .updateSystem(let system):
            guard let old = systems.replace(system) else { return .none }
            return .updateSystem(old)
        case .moveSystem(let id, let to):
            guard let from = systems.move(id: id, to: to) else { return .none }
            return .moveSystem(id, to: from)

        case .replaceContents(let other):
            let old = self
            projectName = other.projectName
            answers = other.answers
            entities = other.entities
            services = other.services
            flows = other.flows
            endpointOverrides = other.endpointOverrides
            systems = other.systems
            assignIdentities()
            return .replaceContents(old)

        case .batch(let edits):
            var undo: [SessionEdit] = []
            undo.reserveCapacity(edits.count)
            for edit in edits { undo.append(apply(edit)) }
            return .batch(undo.reversed())
        }
    }

    static func clamp(_ index: Int, _ count: Int) -> Int { min(max(0, index), count) }

    private mutating func reserveIdentities(of entity: Entity) {
        identities.reserve(entity.id.raw)
        for field in entity.fields { identities.reserve(field.id.raw) }
        for relation in entity.relations { identities.reserve(relation.id.raw) }
    }
}

extension Array where Element: Identifiable {
    /// Inserts `element` at `index`, clamped to the array.
    mutating func insert(clamped element: Element, at index: Int) {
        insert(element, at: Swift.min(Swift.max(0, index), count))
    }

    /// Removes the element with this identity: it and where it was; nil when there is none.
    mutating func remove(id: Element.ID) -> (element: Element, index: Int)? {
        guard let index = firstIndex(where: { $0.id == id }) else { return nil }
        return (remove(at: index), index)
    }

    /// Puts `element` in the place of the one with its identity: the one replaced; nil when there is none.
    mutating func replace(_ element: Element) -> Element? {
        guard let index = firstIndex(where: { $0.id == element.id }) else { return nil }
        defer { self[index] = element }
        return self[index]
    }

    /// Moves the element with this identity to `index` (clamped): where it was; nil when there is none.
    mutating func move(id: Element.ID, to index: Int) -> Int? {
        guard let from = firstIndex(where: { $0.id == id }) else { return nil }
        let element = remove(at: from)
        insert(clamped: element, at: index)
        return from
    }
}
