import ArchModel

/// Which database each entity lives in, when every service owns one (see `ComponentGenerator`): a foreign key
/// can only join tables of the same database.
struct DatabaseSplit: Sendable {
    /// The owning service of each entity, by name; nil when one database holds every table.
    private let serviceOf: [String: String]?

    init(session: Session, decisions: [Decision]) {
        let facts = InfraFacts(session: session, decisions: decisions)
        let units = ServicePlanner(facts: facts).units()
        guard ComponentGenerator.databasePerService(facts, units: units) else {
            serviceOf = nil
            return
        }
        var serviceOf: [String: String] = [:]
        for unit in units {
            for entity in unit.entities where serviceOf[entity] == nil { serviceOf[entity] = unit.name }
        }
        self.serviceOf = serviceOf
    }

    /// Whether the two entities' tables are in different databases.
    func separates(_ entity: String, _ other: String) -> Bool {
        guard let serviceOf else { return false }
        return serviceOf[entity] != serviceOf[other]
    }

    /// The service whose database holds `entity`'s table, when services own databases.
    func service(of entity: String) -> String? { serviceOf?[entity] }
}
