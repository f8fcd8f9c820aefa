import ArchModel

/// Which entity tables to partition when the expected rows call for it. The volume answers give one total, not
/// a figure per table, so the plan picks the tables where rows pile up over time: append-only records (audit
/// logs, ledgers); records on the "many" side of a relation (other than to the tenant) that carry a time
/// (`Appointment.startsAt`, `Payment.createdAt`; `updatedAt` marks mutable state, not growth); and the parts those
/// own (an order's items). Reference data around them (clinics, practitioners, vehicles) stays whole. When no
/// table looks like that, every table on the "many" side is partitioned, and every table without any relations.
struct PartitionPlan {
    /// Entity names.
    let tables: Set<String>

    init(model: SchemaModel) {
        let entities = model.names.entities
        func manySide(_ entity: Entity) -> Bool { model.graph.links(child: entity.name).contains { $0.column != "tenant_id" } }
        func timed(_ entity: Entity) -> Bool {
            entity.fields.contains { $0.type == .timestamp && InfraNaming.key($0.name) != "updatedat" }
        }
        var growing = Set(entities.filter { entity in
            model.names.names(entity.name)?.isAppendOnly == true || (manySide(entity) && timed(entity))
        }.map(\.name))
        var added = true
        while added {  // parts owned by a growing record grow with it
            added = false
            for entity in entities where !growing.contains(entity.name)
                && model.graph.links(child: entity.name).contains(where: { $0.owned && growing.contains($0.parent) }) {
                growing.insert(entity.name)
                added = true
            }
        }
        if !growing.isEmpty {
            tables = growing
        } else if model.graph.links.isEmpty {
            tables = Set(entities.map(\.name))
        } else {
            tables = Set(entities.filter { !model.graph.links(child: $0.name).isEmpty }.map(\.name))
        }
    }
}
