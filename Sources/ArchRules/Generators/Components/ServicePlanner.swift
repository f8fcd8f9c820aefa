import ArchModel

/// A deployable (or a module of one) with the entities it owns, before it becomes a `Component`.
struct PlannedUnit: Sendable {
    var name: String
    /// Bounded context or user service it came from, used for matching entities.
    var context: String
    var responsibilities: String
    var calls: [ServiceCall]
    var entities: [String] = []
    var notes: [String] = []
}

/// Cuts the session into services (or modules) and assigns every entity to one.
struct ServicePlanner: Sendable {
    let facts: InfraFacts

    /// Services when distributed or user-defined; otherwise the modules of the one application.
    func units() -> [PlannedUnit] {
        let session = facts.session
        if !session.services.isEmpty {
            return assign(session.services.map {
                PlannedUnit(name: $0.name, context: $0.name, responsibilities: $0.responsibilities, calls: $0.calls)
            })
        }
        // Contexts that are one name (`Ordering`, `ordering`, `Order Ing`) are one unit, the first spelling's;
        // `ModelChecks` says which were merged.
        var seen: Set<NameKey> = []
        let contexts = facts.values("services.bounded_contexts").filter { !$0.isEmpty && seen.insert(NameKey($0)).inserted }
        if contexts.isEmpty { return assign([PlannedUnit(name: applicationName, context: "", responsibilities: "", calls: [])]) }
        return assign(contexts.map { context in
            let name = facts.isDistributed ? "\(capitalized(context)) service" : capitalized(context)
            return PlannedUnit(name: name, context: context, responsibilities: "", calls: [])
        })
    }

    /// The single deployable of a (modular) monolith.
    var applicationName: String { "\(facts.session.projectName) application" }

    /// Entities go to the service named on them, else by name match, else beside a related entity,
    /// else to the largest service so far; the last two are recorded in the unit's notes.
    func assign(_ input: [PlannedUnit]) -> [PlannedUnit] {
        var units = input
        let keys = units.map(UnitKeys.init)  // names never change below; work their keys out once
        var unitOfEntity: [String: Int] = [:]  // by InfraNaming.key: the first unit holding such an entity
        func place(_ entity: Entity, in index: Int) {
            units[index].entities.append(entity.name)
            let key = InfraNaming.key(entity.name)
            unitOfEntity[key] = min(unitOfEntity[key] ?? index, index)
        }
        var pending: [Entity] = []
        for entity in facts.session.entities {
            if let index = explicitOrNamed(entity, in: keys) { place(entity, in: index) } else { pending.append(entity) }
        }
        let names = facts.names
        var progress = true
        while progress, !pending.isEmpty {
            progress = false
            for entity in pending {
                let related = entity.relations.compactMap { unitOfEntity[InfraNaming.key(names.name($0.target))] }
                guard let index = related.first else { continue }
                place(entity, in: index)
                units[index].notes.append("entity \(entity.name): placed beside related entities")
                pending.removeAll { $0.name == entity.name }
                progress = true
            }
        }
        for entity in pending {
            let largest = units.indices.max { units[$0].entities.count < units[$1].entities.count || (units[$0].entities.count == units[$1].entities.count && $0 > $1) } ?? 0
            units[largest].entities.append(entity.name)
            if units.count > 1 { units[largest].notes.append("entity \(entity.name): no service or name match, assigned to the largest") }
        }
        return units
    }

    /// A unit's name and context as `InfraNaming.key`s, and the context's singular.
    private struct UnitKeys {
        let name: String, context: String, singularContext: String

        init(_ unit: PlannedUnit) {
            name = InfraNaming.key(unit.name)
            context = InfraNaming.key(unit.context)
            singularContext = ServicePlanner.singular(context)
        }
    }

    /// The unit named on the entity, else one whose bounded context starts with the entity's name (or the other way).
    private func explicitOrNamed(_ entity: Entity, in units: [UnitKeys]) -> Int? {
        if units.count == 1 { return 0 }
        let entityKey = InfraNaming.key(entity.name)
        if let owner = entity.service.map({ InfraNaming.key(facts.names.name($0)) }) {
            if let index = units.firstIndex(where: { $0.name == owner || $0.context == owner }) { return index }
        }
        return units.firstIndex { unit in
            !unit.context.isEmpty && (unit.context.hasPrefix(entityKey) || entityKey.hasPrefix(unit.singularContext))
        }
    }

    private static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return word.dropLast(3) + "y" }
        if word.hasSuffix("s"), word.count > 3 { return String(word.dropLast()) }
        return word
    }

    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
