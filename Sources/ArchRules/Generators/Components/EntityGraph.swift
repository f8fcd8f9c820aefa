import ArchModel

/// Which entities are aggregate roots and which are owned parts of another (OrderItem of Order).
/// Worked out once when made: several generators ask, per entity.
struct EntityGraph: Sendable {
    let entities: [Entity]
    /// Entities some other entity owns (by `InfraNaming.key`): the target of a has-many/has-one, or a cascade belongs-to.
    let children: Set<String>
    /// Entities that are not only parts of another, in declaration order.
    let roots: [Entity]
    /// The first entity of each `InfraNaming.key`.
    private let byKey: [String: Entity]

    init(entities: [Entity]) {
        self.entities = entities
        let keys = entities.map { InfraNaming.key($0.name) }
        // A target's key by its identity (the first entity with it, as `ModelNames` resolves it), reusing `keys`.
        let keyByID = Dictionary(zip(entities.map(\.id), keys), uniquingKeysWith: { first, _ in first })
        var owned = Set<String>()
        for (entity, key) in zip(entities, keys) {
            for relation in entity.relations where relation.kind == .hasMany || relation.kind == .hasOne {
                let target: String
                switch relation.target {
                case .id(let id): target = keyByID[id] ?? InfraNaming.key("")
                case .named(let name): target = InfraNaming.key(name)
                }
                if target != key { owned.insert(target) }
            }
            if entity.relations.contains(where: { $0.kind == .belongsTo && $0.onDelete == .cascade }) { owned.insert(key) }
        }
        children = owned
        roots = zip(entities, keys).filter { !owned.contains($0.1) }.map(\.0)
        byKey = Dictionary(zip(keys, entities), uniquingKeysWith: { first, _ in first })
    }

    /// The entity called `name`, comparing names case-insensitively.
    func entity(_ name: String) -> Entity? { byKey[InfraNaming.key(name)] }
}
