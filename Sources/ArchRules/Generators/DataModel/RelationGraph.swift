import ArchModel

/// Every relation resolved to the column that implements it, both sides merged: `Order has-many OrderItem` and
/// `OrderItem belongs-to Order` are one link (`order_items.order_id`), never two. Relations to unknown entities are
/// skipped (the findings generator reports them).
public struct RelationGraph: Sendable {
    /// A foreign key column on `child` referencing `parent`.
    public struct Link: Hashable, Sendable {
        public var child: String
        public var parent: String
        /// Column on the child's table, unique within that table.
        public var column: String
        /// The column's name before it was shortened or numbered (`column` differs when it was).
        public var wantedColumn: String
        public var nullable: Bool
        public var onDelete: DeleteRule
        /// has-one: at most one child per parent.
        public var unique: Bool
        /// The parent owns the child (has-many/has-one, or belongs-to with cascade): children are nested under it.
        public var owned: Bool
        /// The parent's name for its children (`items`), when a has-many gave one.
        public var role: String?
        public var sources: [String]
    }

    /// A many-to-many pair, declared on one side or both.
    public struct Pair: Hashable, Sendable {
        public var left: String
        public var right: String
        public var table: String
        /// The table's name before it was shortened or numbered.
        public var wantedTable: String
        public var leftColumn: String
        public var rightColumn: String
        /// The relation's name when an entity relates to itself (two such pairs are told apart by it).
        public var role: String?
        public var sources: [String]
    }

    /// Foreign keys, grouped by child in declaration order: the child's own belongs-to first, then its owners'.
    public let links: [Link]
    /// Join tables, one per pair, named after the side declared first.
    public let pairs: [Pair]

    /// Columns the data model generator owns on every entity table; relations and fields never take them.
    public static let systemColumns = ["id", "tenant_id", "lock_version", "created_at", "updated_at"]

    /// Resolves every relation of `names.entities`, in declaration order.
    public init(_ names: SchemaNames) {
        var links: [Link] = []
        var pairs: [Pair] = []
        var pairKeys: Set<String> = []
        var tables = names.tableNamespace()
        // Has-many/has-one declarations by the child they name, in the parents' declaration order.
        var owners: [String: [(parent: Entity, relation: Relation)]] = [:]
        for parent in names.entities {
            for relation in parent.relations where [.hasMany, .hasOne].contains(relation.kind) {
                guard let child = names.entity(relation.target) else { continue }
                owners[child.name, default: []].append((parent, relation))
            }
        }
        for entity in names.entities {
            var columns = UniqueNames(reserved: Self.systemColumns)
            for relation in entity.relations where relation.kind == .belongsTo {
                guard let parent = names.entity(relation.target), let parentNames = names.names(parent.name) else { continue }
                let stem = relation.name.map(Naming.snakeCase) ?? parentNames.singular
                let ownership = Self.ownership(of: entity, by: parent, names)
                var onDelete = relation.onDelete
                if onDelete == .restrict, let ownership { onDelete = ownership.onDelete == .setNull ? .setNull : .cascade }
                var sources = ["relation \(entity.name) belongs-to \(parent.name)"]
                if let ownership { sources.append("relation \(parent.name) \(ownership.kind.rawValue) \(entity.name)") }
                // A belongs-to Tenant is the tenancy column itself, not a second `tenant_id_2`.
                let isTenantKey = stem + "_id" == "tenant_id" && Naming.words(parent.name) == ["tenant"]
                    && !links.contains { $0.child == entity.name && $0.column == "tenant_id" }
                links.append(Link(child: entity.name, parent: parent.name,
                                  column: isTenantKey ? "tenant_id" : columns.claim(Naming.limited(stem + "_id")), wantedColumn: stem + "_id",
                                  nullable: !relation.required || onDelete == .setNull, onDelete: onDelete,
                                  unique: ownership?.kind == .hasOne, owned: ownership != nil || onDelete == .cascade,
                                  role: ownership?.name, sources: sources))
            }
            for (parent, relation) in owners[entity.name] ?? [] {
                guard !entity.relations.contains(where: { $0.kind == .belongsTo && names.entity($0.target)?.name == parent.name })
                else { continue }
                let isSelf = parent.name == entity.name
                let stem = (isSelf ? "parent_" : "") + (names.names(parent.name)?.singular ?? "parent")
                let onDelete: DeleteRule = relation.onDelete == .setNull ? .setNull : .cascade
                links.append(Link(child: entity.name, parent: parent.name, column: columns.claim(Naming.limited(stem + "_id")),
                                  wantedColumn: stem + "_id",
                                  nullable: isSelf || onDelete == .setNull, onDelete: onDelete,
                                  unique: relation.kind == .hasOne, owned: true, role: relation.name,
                                  sources: ["relation \(parent.name) \(relation.kind.rawValue) \(entity.name)"]))
            }
            for relation in entity.relations where relation.kind == .manyToMany {
                guard let other = names.entity(relation.target), let left = names.names(entity.name),
                      let right = names.names(other.name) else { continue }
                let isSelf = other.name == entity.name
                let key = isSelf ? "\(left.table)|\(relation.name ?? "")" : [left.table, right.table].sorted().joined(separator: "|")
                guard pairKeys.insert(key).inserted else { continue }
                let stem = relation.name.map(Naming.snakeCase) ?? right.table
                let sources = ["relation \(entity.name) many-to-many \(other.name)"]
                    + (isSelf ? [] : other.relations.filter { $0.kind == .manyToMany && names.entity($0.target)?.name == entity.name }
                        .prefix(1).map { _ in "relation \(other.name) many-to-many \(entity.name)" })
                pairs.append(Pair(left: entity.name, right: other.name,
                                  table: tables.claim(Naming.limited(left.singular + "_" + stem)), wantedTable: left.singular + "_" + stem,
                                  leftColumn: Naming.limited(left.singular + "_id"),
                                  rightColumn: Naming.limited((isSelf ? "related_" : "") + right.singular + "_id"),
                                  role: isSelf ? relation.name : nil, sources: sources))
            }
        }
        self.links = links
        self.pairs = pairs
        linksByChild = Dictionary(grouping: links, by: \.child)
        linksByParent = Dictionary(grouping: links, by: \.parent)
    }

    /// `links` indexed both ways: generators ask per entity, so a lookup must not scan every link.
    private let linksByChild: [String: [Link]]
    private let linksByParent: [String: [Link]]

    /// Links whose child is `entity`, in the order of the child's columns.
    public func links(child entity: String) -> [Link] { linksByChild[entity] ?? [] }

    /// Links whose parent is `entity`, in declaration order.
    public func links(parent entity: String) -> [Link] { linksByParent[entity] ?? [] }

    /// The has-many/has-one by which `parent` declares it owns `child`, if any.
    private static func ownership(of child: Entity, by parent: Entity, _ names: SchemaNames) -> Relation? {
        parent.relations.first { [.hasMany, .hasOne].contains($0.kind) && names.entity($0.target)?.name == child.name }
    }
}
