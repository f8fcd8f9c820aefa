/// What the user said: the project's name, answers by question id, and the model they edited
/// (entities with fields and relations, services, flows, and changes to the generated API). Plain values; saved
/// as YAML by `SessionFile`.
///
/// Every model element has an identity (`ModelID`) and references point at identities, so renaming an
/// entity or a service never leaves a reference behind. Change a session through `SessionEdit`.
public struct Session: Hashable, Sendable, Codable {
    /// The session file format this build writes and reads.
    public static let currentSchemaVersion = 2

    public var projectName: String
    public var answers: [String: AnswerValue]
    public var entities: [Entity]
    /// Services the user defined; when empty, the design derives them from the bounded-context answers.
    public var services: [Service]
    /// Use cases the user spelled out step by step; each becomes a sequence diagram.
    public var flows: [Flow]
    /// Generated endpoints the user hid or changed, and endpoints they added; applied in this order.
    public var endpointOverrides: [EndpointOverride]
    /// The existing systems the design integrates with (the answer to `requirements.integrations`).
    public var systems: [ExternalSystem]
    /// Where new identities come from; never part of equality.
    public var identities = IdentityAllocator()

    /// A session holding these values. Elements without an identity get one, and references written as
    /// names are resolved to the identity of the element with that name (see `NameKey`), when there is one.
    public init(projectName: String, answers: [String: AnswerValue] = [:], entities: [Entity] = [], services: [Service] = [],
                flows: [Flow] = [], endpointOverrides: [EndpointOverride] = [], systems: [ExternalSystem] = []) {
        self.projectName = projectName
        self.answers = answers
        self.entities = entities
        self.services = services
        self.flows = flows
        self.endpointOverrides = endpointOverrides
        self.systems = systems
        assignIdentities()
        resolveReferences()
    }

    public subscript(questionID: String) -> AnswerValue? {
        get { answers[questionID] }
        set { answers[questionID] = newValue }
    }

    /// A fresh identity, never handed out before in this session.
    public mutating func newID<Tag>() -> ModelID<Tag> { identities.next() }

    /// Gives every element without an identity a fresh one (and never reuses one already present).
    public mutating func assignIdentities() {
        for entity in entities {
            identities.reserve(entity.id.raw)
            for field in entity.fields { identities.reserve(field.id.raw) }
            for relation in entity.relations { identities.reserve(relation.id.raw) }
        }
        for service in services {
            identities.reserve(service.id.raw)
            for call in service.calls { identities.reserve(call.id.raw) }
        }
        for flow in flows {
            identities.reserve(flow.id.raw)
            for step in flow.steps { identities.reserve(step.id.raw) }
        }
        for endpointOverride in endpointOverrides { identities.reserve(endpointOverride.id.raw) }
        for system in systems { identities.reserve(system.id.raw) }
        for e in entities.indices {
            if !entities[e].id.isAssigned { entities[e].id = newID() }
            for f in entities[e].fields.indices where !entities[e].fields[f].id.isAssigned { entities[e].fields[f].id = newID() }
            for r in entities[e].relations.indices where !entities[e].relations[r].id.isAssigned { entities[e].relations[r].id = newID() }
        }
        for s in services.indices {
            if !services[s].id.isAssigned { services[s].id = newID() }
            for c in services[s].calls.indices where !services[s].calls[c].id.isAssigned { services[s].calls[c].id = newID() }
        }
        for f in flows.indices {
            if !flows[f].id.isAssigned { flows[f].id = newID() }
            for s in flows[f].steps.indices where !flows[f].steps[s].id.isAssigned { flows[f].steps[s].id = newID() }
        }
        for o in endpointOverrides.indices where !endpointOverrides[o].id.isAssigned { endpointOverrides[o].id = newID() }
        for s in systems.indices where !systems[s].id.isAssigned { systems[s].id = newID() }
    }

    /// Turns references written as names into identities where an element of that name exists.
    public mutating func resolveReferences() {
        let entityIDs = Dictionary(entities.map { (NameKey($0.name), $0.id) }, uniquingKeysWith: { first, _ in first })
        let serviceIDs = Dictionary(services.map { (NameKey($0.name), $0.id) }, uniquingKeysWith: { first, _ in first })
        for e in entities.indices {
            for r in entities[e].relations.indices {
                if case .named(let name) = entities[e].relations[r].target, let id = entityIDs[NameKey(name)] {
                    entities[e].relations[r].target = .id(id)
                }
            }
            if case .named(let name)? = entities[e].service, let id = serviceIDs[NameKey(name)] {
                entities[e].service = .id(id)
            }
        }
        for s in services.indices {
            for c in services[s].calls.indices {
                if case .named(let name) = services[s].calls[c].target, let id = serviceIDs[NameKey(name)] {
                    services[s].calls[c].target = .id(id)
                }
            }
        }
        func participant(_ participant: FlowParticipant) -> FlowParticipant {
            guard case .service(.named(let name)) = participant, let id = serviceIDs[NameKey(name)] else { return participant }
            return .service(.id(id))
        }
        for f in flows.indices {
            for s in flows[f].steps.indices {
                flows[f].steps[s].from = participant(flows[f].steps[s].from)
                flows[f].steps[s].to = participant(flows[f].steps[s].to)
            }
        }
        for o in endpointOverrides.indices {
            endpointOverrides[o] = endpointOverrides[o].mappingEntities { reference in
                guard case .named(let name) = reference, let id = entityIDs[NameKey(name)] else { return reference }
                return .id(id)
            }
        }
        for s in systems.indices {
            systems[s].owns = systems[s].owns.map { reference in
                guard case .named(let name) = reference, let id = entityIDs[NameKey(name)] else { return reference }
                return .id(id)
            }
        }
    }

    /// The entity called `name` (see `NameKey` for how names compare).
    public func entity(named name: String) -> Entity? {
        let key = NameKey(name)
        return entities.first { NameKey($0.name) == key }
    }

    /// The entity with this identity.
    public func entity(_ id: EntityID) -> Entity? { entities.first { $0.id == id } }
    public func entityIndex(_ id: EntityID) -> Int? { entities.firstIndex { $0.id == id } }
    /// The service with this identity.
    public func service(_ id: ServiceID) -> Service? { services.first { $0.id == id } }
    public func serviceIndex(_ id: ServiceID) -> Int? { services.firstIndex { $0.id == id } }
    /// The flow with this identity.
    public func flow(_ id: FlowID) -> Flow? { flows.first { $0.id == id } }
    public func flowIndex(_ id: FlowID) -> Int? { flows.firstIndex { $0.id == id } }
    /// The endpoint override with this identity.
    public func endpointOverride(_ id: OverrideID) -> EndpointOverride? { endpointOverrides.first { $0.id == id } }
    public func endpointOverrideIndex(_ id: OverrideID) -> Int? { endpointOverrides.firstIndex { $0.id == id } }

    /// The existing system with this identity.
    public func system(_ id: SystemID) -> ExternalSystem? { systems.first { $0.id == id } }
    public func systemIndex(_ id: SystemID) -> Int? { systems.firstIndex { $0.id == id } }
    /// The system that is the system of record for `entity`, if one is.
    public func systemOwning(_ entity: EntityID) -> ExternalSystem? { systems.first { $0.owns.contains(.id(entity)) } }

    /// The names references resolve to, for code that looks many of them up.
    public var names: ModelNames { ModelNames(self) }
}

/// Looks up what references point at, in one session: built once, then each lookup is a hash.
public struct ModelNames: Sendable {
    private let entityNames: [EntityID: String]
    private let serviceNames: [ServiceID: String]

    public init(_ session: Session) { self.init(entities: session.entities, services: session.services) }

    public init(entities: [Entity], services: [Service] = []) {
        entityNames = Dictionary(entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        serviceNames = Dictionary(services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The name of the entity a reference points at (the name as written when it matches none).
    public func name(_ reference: Reference<Entity>) -> String {
        switch reference {
        case .id(let id): return entityNames[id] ?? ""
        case .named(let name): return name
        }
    }

    /// The name of the service a reference points at (the name as written when it matches none).
    public func name(_ reference: Reference<Service>) -> String {
        switch reference {
        case .id(let id): return serviceNames[id] ?? ""
        case .named(let name): return name
        }
    }

    /// Whether the reference points at an entity of the session.
    public func resolves(_ reference: Reference<Entity>) -> Bool { reference.id.map { entityNames[$0] != nil } ?? false }
    /// Whether the reference points at a service of the session.
    public func resolves(_ reference: Reference<Service>) -> Bool { reference.id.map { serviceNames[$0] != nil } ?? false }

    /// The name a flow participant shows: the actor's or system's name, or the service's current name.
    public func name(_ participant: FlowParticipant) -> String {
        switch participant {
        case .actor(let name), .external(let name): return name
        case .service(let reference): return name(reference)
        }
    }
}
