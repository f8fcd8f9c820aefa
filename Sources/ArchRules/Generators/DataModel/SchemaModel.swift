import ArchModel

/// The session's entities resolved once per derivation: the answers, every entity's identifiers and every
/// relation's column. The table and API generators share it, so neither resolves the model again.
struct SchemaModel: Sendable {
    let inputs: GeneratorInputs
    let names: SchemaNames
    let graph: RelationGraph
    /// Which tables share a database (foreign keys join only those).
    let databases: DatabaseSplit
    /// What entities' owner references are called.
    let owners: ModelNames
    /// The entities the decisions made into append-only streams (none without such a decision).
    let streams: StreamRecords
    /// The entities another system is the system of record for.
    let readModels: ReadModels

    /// With a `memo`, names and relations are reused while no entity's name or relations changed.
    init(session: Session, decisions: [Decision], memo: DerivationMemo? = nil) {
        inputs = GeneratorInputs(session: session, decisions: decisions)
        databases = DatabaseSplit(session: session, decisions: decisions)
        owners = session.names
        readModels = ReadModels(session: session)
        guard let memo else {
            names = SchemaNames(session.entities)
            graph = RelationGraph(names)
            streams = StreamRecords(names: names, graph: graph, decisions: decisions)
            return
        }
        let resolved = memo.schema(for: session.entities.map(EntityShape.init)) {
            let names = SchemaNames(session.entities)
            return (names, RelationGraph(names))
        }
        names = resolved.names.replacingEntities(session.entities)
        graph = resolved.graph
        streams = StreamRecords(names: names, graph: graph, decisions: decisions)
    }
}

/// What names and relations are made from: each entity's name and relations, not its fields.
struct EntityShape: Equatable {
    let id: EntityID
    let name: String
    let relations: [Relation]

    init(_ entity: Entity) {
        id = entity.id
        name = entity.name
        relations = entity.relations
    }
}
