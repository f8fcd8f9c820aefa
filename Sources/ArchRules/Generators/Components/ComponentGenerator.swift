import ArchModel

/// Derives the components of the design: the services (or the one application with its modules), the
/// infrastructure the rules asked for, and the primary database(s) per the datastore decision.
public struct ComponentGenerator: Sendable {
    public init() {}

    /// Services first (declaration order), then infrastructure (rule order, fallbacks), then databases.
    public func components(session: Session, decisions: [Decision], ruleComponents: [Component]) -> [Component] {
        let facts = InfraFacts(session: session, decisions: decisions)
        let planner = ServicePlanner(facts: facts)
        let units = planner.units()
        let distributed = Self.databasePerService(facts, units: units)
        let infrastructure = InfrastructureSet(facts: facts).components(ruleComponents: ruleComponents)
        let services: [Component]
        let databases: [Component]
        if distributed {
            databases = units.map { database(facts, name: Self.databaseName(for: $0.name), entities: $0.entities, for: [$0.name]) }
            services = ServiceComponents(facts: facts, units: units, infrastructure: infrastructure).services(
                databaseFor: { Self.databaseName(for: $0) })
        } else {
            let shared = InfraNaming.product(facts.datastore)
            databases = [database(facts, name: shared, entities: session.entities.map(\.name), for: units.map(\.name))]
            services = [application(facts, planner: planner, units: units, infrastructure: infrastructure, database: shared)]
        }
        let taken = Set((services + databases).map { InfraNaming.key($0.name) })
        return services + infrastructure.filter { !taken.contains(InfraNaming.key($0.name)) } + databases
    }

    /// Each service owns a database of its own: several user-defined services, or several planned ones when the
    /// style is distributed.
    static func databasePerService(_ facts: InfraFacts, units: [PlannedUnit]) -> Bool {
        units.count > 1 && (!facts.session.services.isEmpty || facts.isDistributed)
    }

    /// `Orders service` → `Orders DB`.
    static func databaseName(for service: String) -> String {
        let base = service.hasSuffix(" service") ? String(service.dropLast(" service".count)) : service
        return "\(base) DB"
    }

    private func database(_ facts: InfraFacts, name: String, entities: [String], for owners: [String]) -> Component {
        let product = InfraNaming.product(facts.datastore)
        let tables = entities.map { InfraNaming.table($0) }
        let scope = owners.count == 1 ? "data of \(owners[0])" : "shared by \(owners.joined(separator: ", "))"
        return Component(
            name: name, kind: .database,
            responsibilities: ["\(product) (\(tables.isEmpty ? "no tables yet" : tables.joined(separator: ", "))), \(scope)"],
            ownedData: tables,
            interfaces: [.speaks(facts.isRelational ? "SQL" : "\(product) API")],
            trace: Trace(rules: [], answers: ["data.datastore", "data.sql_engine"],
                         sources: ["ComponentGenerator", owners.count == 1 ? "database per service" : "shared database"])
                .merged(with: facts.decisionTrace(["datastore.primary"]))
        )
    }

    private func application(_ facts: InfraFacts, planner: ServicePlanner, units: [PlannedUnit],
                             infrastructure: [Component], database: String) -> Component {
        let graph = EntityGraph(entities: facts.session.entities)
        let roots = graph.roots.map(\.name)
        var responsibilities = units.count > 1 || !units[0].context.isEmpty
            ? units.map { "\($0.name) module: \($0.entities.isEmpty ? "no entities yet" : $0.entities.joined(separator: ", "))" }
            : ["All features of \(facts.session.projectName)"]
        responsibilities += units.flatMap(\.notes)
        let unit = PlannedUnit(name: planner.applicationName, context: "", responsibilities: "", calls: [],
                               entities: facts.session.entities.map(\.name))
        var component = ServiceComponents(facts: facts, units: [unit], infrastructure: infrastructure)
            .services(databaseFor: { _ in database })[0]
        component.responsibilities = responsibilities
        component.interfaces = roots.map(facts.interface)
        component.trace = component.trace.merged(with: Trace(answers: ["services.bounded_contexts", "services.deployment_style"]))
        return component
    }
}

extension InfraFacts {
    /// The datastore speaks SQL.
    var isRelational: Bool { ["postgresql", "postgres", "mysql", "sqlserver", "oracle", "mariadb"].contains(datastore) }

    /// Rules and answers of the decisions on these topics, for traces.
    func decisionTrace(_ topics: [String]) -> Trace {
        decisions.filter { topics.contains($0.topic) }.reduce(Trace()) { $0.merged(with: $1.trace) }
    }
}
