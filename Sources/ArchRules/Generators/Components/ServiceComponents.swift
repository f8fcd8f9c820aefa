import ArchModel

/// Turns planned units into service components: interfaces, events and dependencies.
struct ServiceComponents: Sendable {
    let facts: InfraFacts
    let units: [PlannedUnit]
    let infrastructure: [Component]

    func services(databaseFor: (String) -> String) -> [Component] {
        let graph = EntityGraph(entities: facts.session.entities)
        let rootKeys = Set(graph.roots.map { InfraNaming.key($0.name) })
        let links = serviceLinks()
        let broker = infrastructure.first { $0.kind == .broker }?.name
        // Each unit's aggregate roots and events, worked out once: consumers list their producers' events too.
        let rootsOfUnit = units.map { unit in unit.entities.filter { rootKeys.contains(InfraNaming.key($0)) } }
        let eventsOfUnit = units.indices.map { events(of: units[$0], roots: rootsOfUnit[$0]) }
        return units.enumerated().map { index, unit in
            let roots = rootsOfUnit[index]
            let outgoing = links[index]
            let incomingAsync = links.indices.filter { $0 != index && links[$0].contains { $0.target == unit.name && $0.style == .async } }
            let publishes = outgoing.contains { $0.style == .async } || (facts.communication != .sync && broker != nil && !roots.isEmpty)
            var interfaces = roots.map(facts.interface)
            if publishes { interfaces += eventsOfUnit[index].map { Interface.publishes(event: $0) } }
            for producer in incomingAsync {
                interfaces += eventsOfUnit[producer].map { Interface.consumes(event: $0, from: units[producer].name) }
            }
            var dependencies = outgoing
            dependencies.append(Dependency(target: databaseFor(unit.name), style: .sync, purpose: "reads and writes its data"))
            if let cache = infrastructure.first(where: { $0.kind == .cache }) {
                dependencies.append(Dependency(target: cache.name, style: .sync, purpose: "caches hot reads"))
            }
            if let search = infrastructure.first(where: { $0.kind == .search }) {
                dependencies.append(Dependency(target: search.name, style: .sync, purpose: "indexes and searches"))
            }
            if let broker, publishes || !incomingAsync.isEmpty {
                dependencies.append(Dependency(target: broker, style: .async, purpose: publishes ? "publishes events" : "consumes events"))
            }
            var responsibilities = unit.responsibilities.isEmpty ? [] : [unit.responsibilities]
            responsibilities.append(unit.entities.isEmpty ? "No entities assigned yet" : "Owns \(unit.entities.joined(separator: ", "))")
            responsibilities += unit.notes
            let contexts = facts.values("services.bounded_contexts")
            let application = contexts.isEmpty ? "one application (no bounded contexts answered)"
                : "one application, a module per bounded context (\(contexts.joined(separator: ", ")))"
            let origin = facts.session.services.isEmpty
                ? (unit.context.isEmpty ? application : "bounded context \(unit.context)")
                : "service \(unit.name) defined by the user"
            return Component(
                name: unit.name, kind: .service, responsibilities: responsibilities, ownedData: unit.entities,
                interfaces: interfaces, dependencies: dependencies,
                trace: Trace(answers: facts.session.services.isEmpty ? ["services.bounded_contexts", "services.communication"] : [],
                             sources: ["ComponentGenerator", origin] + unit.entities.map { "entity \($0)" })
                    .merged(with: facts.decisionTrace(["architecture.style", "communication.style"]))
            )
        }
    }

    /// `<root>.created` per owned root, or one `<service>.events` when it owns none.
    private func events(of unit: PlannedUnit, roots: [String]) -> [String] {
        roots.isEmpty ? [InfraNaming.snake(unit.name) + ".events"] : roots.map(InfraNaming.createdEvent)
    }

    /// Service-to-service dependencies, per unit: declared calls, or derived from relations that cross services
    /// (sync lookups; with async communication the owner of the target publishes its changes instead).
    private func serviceLinks() -> [[Dependency]] {
        var links = Array(repeating: [Dependency](), count: units.count)
        func add(_ from: Int, _ dependency: Dependency) {
            guard !links[from].contains(where: { $0.target == dependency.target && $0.style == dependency.style }) else { return }
            links[from].append(dependency)
        }
        if !facts.session.services.isEmpty {
            for (index, unit) in units.enumerated() {
                for call in unit.calls {
                    let called = facts.names.name(call.target)
                    let target = units.first { InfraNaming.key($0.name) == InfraNaming.key(called) }?.name ?? called
                    add(index, Dependency(target: target, style: call.style, purpose: call.purpose))
                }
            }
            return links
        }
        guard units.count > 1 else { return links }
        func owner(_ entity: String) -> Int? { units.firstIndex { $0.entities.contains { InfraNaming.key($0) == InfraNaming.key(entity) } } }
        for entity in facts.session.entities {
            guard let from = owner(entity.name) else { continue }
            for relation in entity.relations where relation.kind == .belongsTo || relation.kind == .manyToMany {
                let target = facts.names.name(relation.target)
                guard let to = owner(target), to != from else { continue }
                if facts.communication == .async {
                    add(to, Dependency(target: units[from].name, style: .async,
                                       purpose: "publishes \(target) changes for \(entity.name)"))
                } else {
                    add(from, Dependency(target: units[to].name, style: .sync, purpose: "reads \(target) for \(entity.name)"))
                }
            }
        }
        return links
    }
}
