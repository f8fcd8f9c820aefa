import ArchModel

/// The session's entities resolved once per derivation: the answers, every entity's identifiers and every
/// relation's column. The table and API generators share it, so neither resolves the model again.
struct SchemaModel {
    let inputs: GeneratorInputs
    let names: SchemaNames
    let graph: RelationGraph

    init(session: Session, decisions: [Decision]) {
        inputs = GeneratorInputs(session: session, decisions: decisions)
        names = SchemaNames(session.entities)
        graph = RelationGraph(names)
    }
}
