import ArchModel

/// Which entities are aggregate roots and which are owned parts of another (OrderItem of Order).
struct EntityGraph: Sendable {
    let entities: [Entity]

    /// Entities some other entity owns: the target of a has-many/has-one, or a cascade belongs-to.
    var children: Set<String> {
        var owned = Set<String>()
        for entity in entities {
            for relation in entity.relations where relation.kind == .hasMany || relation.kind == .hasOne {
                if InfraNaming.key(relation.target) != InfraNaming.key(entity.name) { owned.insert(InfraNaming.key(relation.target)) }
            }
            if entity.relations.contains(where: { $0.kind == .belongsTo && $0.onDelete == .cascade }) {
                owned.insert(InfraNaming.key(entity.name))
            }
        }
        return owned
    }

    /// Entities that are not only parts of another, in declaration order.
    var roots: [Entity] {
        let owned = children
        return entities.filter { !owned.contains(InfraNaming.key($0.name)) }
    }

    /// The entity called `name`, comparing names case-insensitively.
    func entity(_ name: String) -> Entity? { entities.first { InfraNaming.key($0.name) == InfraNaming.key(name) } }
}
