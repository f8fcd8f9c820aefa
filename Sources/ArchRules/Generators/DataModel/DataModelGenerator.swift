import Foundation
import ArchModel

/// Turns the session's entities into a dialect-neutral schema: one table per entity, join tables for
/// many-to-many pairs after them, in declaration order.
///
/// Choices:
/// - Primary key `id` is a UUID (generate UUIDv7 in the application for index locality): ids can be made by
///   clients and services without a round trip, do not reveal volumes or invite guessing in URLs (API1:2023),
///   and survive merging shards or tenants. A bigint identity is smaller but ties id creation to one database.
/// - Every entity table gets `lock_version` (optimistic locking: the API's `If-Match`/412) and
///   `created_at`/`updated_at` (`now` by default); append-only records (audit logs, ledgers), written once, get
///   `created_at` alone.
/// - With `data.multi_tenancy = shared_schema`, every entity table except a `Tenant` entity's gets `tenant_id`,
///   which leads its primary key `(tenant_id, id)`; unique constraints become unique per tenant, and lookup
///   indexes lead with `tenant_id`. A foreign key between two tenant-scoped tables is `(tenant_id, x_id)` →
///   `(tenant_id, id)`, so a row can never reference another tenant's row, and its index leads with the tenant
///   too. Except `ON DELETE SET NULL` keys, which stay `(x_id)`: setting the key to null would null the tenant,
///   and MySQL and SQLite cannot null only some of a key's columns; the application and row-level security keep
///   those within the tenant.
/// - Partitioning (`range by created_at, monthly`) is proposed for the big tables (see `PartitionPlan`) when the
///   rows expected over the retention period exceed `partitionThreshold`.
public struct DataModelGenerator: Sendable {
    /// Rows over the retention period above which a table is worth partitioning (~100M: where index
    /// maintenance, vacuum and deleting old data by `DELETE` start to hurt on one table).
    public static let partitionThreshold = 100_000_000.0
    /// What the generator proposes for large tables: old months are dropped whole, queries by time read few.
    public static let partitionScheme = Partitioning(method: .range, key: "created_at", interval: .monthly)

    public init() {}

    /// The schema for `session`; `decisions` may override answers (see `GeneratorInputs`).
    public func tables(for session: Session, decisions: [Decision]) -> [Table] {
        tables(for: SchemaModel(session: session, decisions: decisions))
    }

    /// The schema of `model`; entity tables whose inputs did not change since the last derivation come from `memo`.
    /// `parallel`: tables to make are made in two threads.
    func tables(for model: SchemaModel, memo: DerivationMemo? = nil, parallel: Bool = false) -> [Table] {
        let inputs = model.inputs, names = model.names, graph = model.graph
        let context = TableContext(inputs: inputs)
        let partitioned = context.partitionAnswers == nil ? [] : PartitionPlan(model: model).tables
        let entities = names.entities.compactMap { entity in
            TableInputs(entity: entity, model: model, partitioned: partitioned.contains(entity.name))
        }
        let make: @Sendable (TableInputs) -> Table = { entityTable($0, context: context) }
        var tables = memo?.tables(for: entities, context: context, parallel: parallel, make: make)
            ?? ParallelWork.map(entities, parallel: parallel, make)
        tables += graph.pairs.compactMap { joinTable($0, names: names, tenant: inputs.sharedSchemaTenancy) }
        if inputs.sharedSchemaTenancy { Self.keepSingleColumnReferencesValid(&tables) }
        Self.claimConstraintNames(&tables)
        return tables
    }

    /// A key that references `id` alone (an `ON DELETE SET NULL` key, which cannot carry the tenant) needs `id`
    /// unique on its own in a table keyed `(tenant_id, id)`: every engine requires a referenced key to be unique.
    static func keepSingleColumnReferencesValid(_ tables: inout [Table]) {
        let referenced = Set(tables.flatMap { $0.foreignKeys.filter { $0.referencedColumns == ["id"] }.map(\.referencedTable) })
        for index in tables.indices where referenced.contains(tables[index].name) && tables[index].primaryKey != ["id"]
            && !tables[index].uniqueConstraints.contains(["id"]) {
            tables[index].uniqueConstraints.append(["id"])
        }
    }

    /// Foreign key and index names are unique across the schema (MySQL and PostgreSQL require it) and differ from
    /// every table name (PostgreSQL indexes share the tables' namespace): each table's names, made from its own
    /// name and columns, are claimed in table order, so a clash renames the later one. `fk_` and `ix_`/`ux_` names
    /// never clash with each other, so each kind is claimed in its own order.
    static func claimConstraintNames(_ tables: inout [Table]) {
        var names = UniqueNames(reserved: tables.map(\.name), capacity: tables.reduce(0) { $0 + $1.foreignKeys.count + $1.indexes.count })
        // Written only when a name changes: tables reused from the memo share their arrays, and a write copies them.
        for table in tables.indices {
            for key in tables[table].foreignKeys.indices {
                let wanted = tables[table].foreignKeys[key].name
                let claimed = names.claim(Naming.limited(wanted))
                if claimed != wanted {
                    tables[table].foreignKeys[key].name = claimed
                    tables[table].renames.append(SQLRename(kind: "foreign key", old: wanted, new: claimed, reason: renameReason(wanted)))
                }
            }
            for index in tables[table].indexes.indices {
                let wanted = tables[table].indexes[index].name
                let claimed = names.claim(Naming.limited(wanted))
                if claimed != wanted {
                    tables[table].indexes[index].name = claimed
                    tables[table].renames.append(SQLRename(kind: "index", old: wanted, new: claimed, reason: renameReason(wanted)))
                }
            }
        }
    }

    /// Why `wanted` did not become an identifier as it is: too long, or (fitting) taken.
    static func renameReason(_ wanted: String) -> SQLRenameReason {
        wanted.utf8.count > Naming.maxIdentifierLength ? .tooLong(limit: Naming.maxIdentifierLength) : .taken
    }

    /// Rows expected over the retention period: first-year records, growing yearly, summed over the years kept
    /// (at least one). Nil without a first-year figure.
    public static func expectedRows(_ inputs: GeneratorInputs) -> Double? {
        guard let first = inputs.number("requirements.records_first_year") else { return nil }
        let growth = 1 + (inputs.number("requirements.growth_per_year") ?? 0) / 100
        let years = max(1, min(100, NumberFormat.count(inputs.number("requirements.retention_years") ?? 1)))
        return (0..<years).reduce(0.0) { total, year in total + first * pow(growth, Double(year)) }
    }

    /// An entity's table, with foreign key and index names not yet claimed (see `claimConstraintNames`).
    private func entityTable(_ inputs: TableInputs, context: TableContext) -> Table {
        let entity = inputs.entity, table = inputs.table, tenant = inputs.tenant
        let stream = inputs.stream
        var sources = ["entity \(entity.name)"] + (stream.map { ["decision \($0.decision)"] } ?? [])
        // A stream's rows are keyed by source and time (below), never by a surrogate id.
        var columns = stream == nil ? [Column(name: "id", type: .uuid, nullable: false)] : []
        if tenant { columns.append(Column(name: "tenant_id", type: .uuid, nullable: false)) }
        var foreignKeys: [ForeignKey] = []
        var renames: [SQLRename] = []
        func renamed(_ kind: String, _ wanted: String, _ name: String) {
            if wanted != name { renames.append(SQLRename(kind: kind, old: wanted, new: name, reason: Self.renameReason(wanted))) }
        }
        renamed("table", inputs.wantedTable, table)
        var uniques: [[String]] = []
        var indexes: [Index] = []
        func index(_ columns: [String], unique: Bool = false, reason: String) {
            let name = (unique ? "ux_" : "ix_") + table + "_" + columns.joined(separator: "_")  // limited when claimed
            indexes.append(Index(name: name, columns: columns, unique: unique, reason: reason))
        }
        for parent in inputs.parents {
            let link = parent.link
            // The tenancy column doubles as the foreign key to the Tenant entity.
            let isTenancyColumn = columns.contains { $0.name == link.column }
            if !isTenancyColumn {
                columns.append(Column(name: link.column, type: .uuid, nullable: link.nullable))
                renamed("column", link.wantedColumn, link.column)
            }
            // Both rows belong to a tenant: the key carries it, so no reference crosses tenants.
            let withinTenant = tenant && !isTenancyColumn && parent.tenantScoped
            if let service = parent.elsewhere {
                // Another service's database: a reference by id, kept valid by that service's events, not a constraint.
                if stream?.source.column == link.column {  // the stream's primary key leads with it
                    sources += link.sources.filter { !sources.contains($0) }
                    continue
                }
                index((withinTenant ? ["tenant_id"] : []) + [link.column], unique: link.unique,
                      reason: "reference to \(link.parent) in \(ComponentGenerator.databaseName(for: service)): no foreign key across databases"
                          + (link.unique ? "; has-one: at most one per \(link.parent)" : ""))
                sources += link.sources.filter { !sources.contains($0) }
                continue
            }
            let composite = withinTenant && link.onDelete != .setNull
            foreignKeys.append(ForeignKey(name: "fk_\(table)_\(link.column)",
                                          columns: (composite ? ["tenant_id"] : []) + [link.column], referencedTable: parent.table,
                                          referencedColumns: (composite ? ["tenant_id"] : []) + ["id"], onDelete: link.onDelete))
            let leadsStreamKey = stream?.source.column == link.column
            if (!isTenancyColumn || link.unique) && !leadsStreamKey {  // else the (tenant_id, …) indexes or the stream's key lead with it
                index(foreignKeys[foreignKeys.count - 1].columns, unique: link.unique,
                      reason: "foreign key: joins and ON DELETE checks" + (link.unique ? "; has-one: at most one per \(link.parent)" : ""))
            }
            sources += link.sources.filter { !sources.contains($0) }
        }
        let taken = Set(columns.map(\.name) + RelationGraph.systemColumns)
        var streamTime = "created_at", streamDiscriminators: [String] = []  // without an event time, the ingest time keys it
        var fieldColumns = UniqueNames(reserved: Array(taken))
        for field in entity.fields {
            let wanted = Naming.words(field.name).joined(separator: "_"), base = Naming.limited(wanted)
            guard !taken.contains(base) else { continue }  // the generated column (id, timestamps, a foreign key) stands for it
            let name = fieldColumns.claim(base)
            renamed("column", wanted, name)
            if field.name == stream?.timeField { streamTime = name }
            if stream?.discriminators.contains(field.name) == true { streamDiscriminators.append(name) }
            columns.append(Column(name: name, type: field.type, nullable: !field.required,
                                  defaultValue: field.defaultValue.flatMap { ColumnDefaults.parse($0, for: field.type) }, pii: field.pii,
                                  enumValues: field.type == .enumeration ? field.enumValues : [],
                                  length: field.type.takesLength ? field.length : nil,
                                  precision: field.type.takesPrecision ? field.precision : nil,
                                  scale: field.type.takesPrecision ? field.scale : nil))
            let scoped = tenant ? ["tenant_id", name] : [name]
            if field.unique {
                uniques.append(scoped)
            } else if field.indexed {
                index(scoped, reason: "indexed field \(field.name): frequent lookups" + (tenant ? ", always within one tenant" : ""))
            }
        }
        if tenant, stream == nil {  // a stream's key leads with the tenant
            index(["tenant_id", "created_at"], reason: "tenant isolation: every query filters by tenant_id; lists page by created_at")
        }
        let created = Column(name: "created_at", type: .timestamp, nullable: false, defaultValue: .now)
        if let source = inputs.readModel {
            // A copy of another system's records: its key there, and when it was last copied; no client writes to version.
            let sourceID = fieldColumns.claim("source_id"), syncedAt = fieldColumns.claim("synced_at")
            columns += [Column(name: sourceID, type: .string, nullable: false, length: 128),
                        Column(name: syncedAt, type: .timestamp, nullable: false), created,
                        Column(name: "updated_at", type: .timestamp, nullable: false, defaultValue: .now)]
            uniques.append((tenant ? ["tenant_id"] : []) + [sourceID])
            index((tenant ? ["tenant_id"] : []) + [syncedAt], reason: "the sync finds what it copied longest ago")
            sources.append("read model of \(source.system)")
            let trace = Trace(answers: [ExternalSystem.questionID] + (tenant ? context.tenancyAnswers : []), sources: sources)
            return Table(name: table, entity: entity.name, columns: columns, primaryKey: (tenant ? ["tenant_id"] : []) + ["id"], foreignKeys: foreignKeys,
                         uniqueConstraints: uniques, indexes: indexes, partitioning: inputs.partitioned ? Self.partitionScheme : nil,
                         renames: renames, readModelOf: source.system, trace: trace, id: .entity(entity.id))
        }
        columns += inputs.appendOnly || stream != nil ? [created] : [
            Column(name: "lock_version", type: .integer, nullable: false, defaultValue: .number("0")),
            created,
            Column(name: "updated_at", type: .timestamp, nullable: false, defaultValue: .now),
        ]
        var trace = Trace(answers: tenant ? context.tenancyAnswers : [], sources: sources)
        if inputs.partitioned, let answers = context.partitionAnswers {
            trace = trace.merged(with: Trace(answers: answers, sources: ["capacity"]))
        }
        guard let stream else {
            return Table(name: table, entity: entity.name, columns: columns, primaryKey: (tenant ? ["tenant_id"] : []) + ["id"], foreignKeys: foreignKeys,
                         uniqueConstraints: uniques, indexes: indexes, partitioning: inputs.partitioned ? Self.partitionScheme : nil,
                         renames: renames, trace: trace, id: .entity(entity.id))
        }
        // Appends in time order, kept in daily chunks that are compressed and dropped whole (see the decision).
        let key = StreamKey(source: stream.source.column, sourceEntity: stream.source.parent, time: streamTime,
                            discriminators: streamDiscriminators, store: stream.store, decision: stream.decision)
        let primaryKey = (tenant ? ["tenant_id"] : []) + [key.source] + key.discriminators + [key.time]
        for column in columns.indices where primaryKey.contains(columns[column].name) { columns[column].nullable = false }
        return Table(name: table, entity: entity.name, columns: columns, primaryKey: primaryKey,
                     foreignKeys: foreignKeys, uniqueConstraints: uniques, indexes: indexes,
                     partitioning: Partitioning(method: .range, key: key.time, interval: .daily),
                     renames: renames, stream: key, trace: trace, id: .entity(entity.id))
    }

    /// A join table, names not yet claimed (see `claimConstraintNames`). With shared-schema tenancy, between two
    /// tenant-scoped tables it carries the tenant too, so a pair never joins two tenants' rows.
    private func joinTable(_ pair: RelationGraph.Pair, names: SchemaNames, tenant sharedSchema: Bool) -> Table? {
        guard let left = names.names(pair.left), let right = names.names(pair.right),
              let leftID = names.entity(pair.left)?.id, let rightID = names.entity(pair.right)?.id else { return nil }
        let tenant = sharedSchema && ![left.words, right.words].contains(["tenant"])
        let scope = tenant ? ["tenant_id"] : []
        let keys = [pair.leftColumn, pair.rightColumn]
        return Table(
            name: pair.table,
            columns: (scope + keys).map { Column(name: $0, type: .uuid, nullable: false) }
                + [Column(name: "created_at", type: .timestamp, nullable: false, defaultValue: .now)],
            primaryKey: scope + keys,
            foreignKeys: [
                ForeignKey(name: "fk_\(pair.table)_\(pair.leftColumn)", columns: scope + [pair.leftColumn],
                           referencedTable: left.table, referencedColumns: scope + ["id"], onDelete: .cascade),
                ForeignKey(name: "fk_\(pair.table)_\(pair.rightColumn)", columns: scope + [pair.rightColumn],
                           referencedTable: right.table, referencedColumns: scope + ["id"], onDelete: .cascade),
            ],
            indexes: [Index(name: "ix_\(pair.table)_" + (scope + [pair.rightColumn]).joined(separator: "_"), columns: scope + [pair.rightColumn],
                            reason: "foreign key: joins and ON DELETE checks (the primary key covers \(pair.leftColumn))")],
            renames: [("table", pair.wantedTable, pair.table), ("column", left.singular + "_id", pair.leftColumn)]
                .filter { $0.1 != $0.2 }
                .map { SQLRename(kind: $0.0, old: $0.1, new: $0.2, reason: Self.renameReason($0.1)) },
            trace: Trace(sources: pair.sources),
            id: .join(left: leftID, right: rightID, role: pair.role)
        )
    }
}

/// The answers every entity table reads.
struct TableContext: Hashable {
    /// The tenancy answer, when given: traces of tables with a tenant column cite it.
    let tenancyAnswers: [String]
    /// The volume answers given, when the expected rows call for partitioning; nil when they do not.
    let partitionAnswers: [String]?

    init(inputs: GeneratorInputs) {
        tenancyAnswers = inputs.answered(["data.multi_tenancy"])
        if let rows = DataModelGenerator.expectedRows(inputs), rows > DataModelGenerator.partitionThreshold {
            partitionAnswers = inputs.answered(["requirements.records_first_year", "requirements.growth_per_year",
                                                "requirements.retention_years"])
        } else {
            partitionAnswers = nil
        }
    }
}

/// Everything an entity's table is made from (with the `TableContext`): the entity, its table name, its foreign
/// keys with the tables they reference, and whether it gets a tenant column.
struct TableInputs: EntityInputs {
    struct Parent: Hashable {
        let link: RelationGraph.Link
        let table: String
        /// The owning service of the parent's table, when it is in another database (no foreign key then).
        let elsewhere: String?
        /// The parent's table has a tenant column too (shared-schema tenancy, and the parent is not the tenant).
        let tenantScoped: Bool
    }

    let entity: Entity
    let table: String
    /// The table's name before it was shortened or numbered.
    let wantedTable: String
    /// In the order of the entity's columns.
    let parents: [Parent]
    /// Shared-schema tenancy, and the entity is not the tenant itself.
    let tenant: Bool
    /// Volumes call for partitioning and the table is one of the big ones (see `PartitionPlan`).
    let partitioned: Bool
    /// Written once, never changed (see `SchemaNames.Names.isAppendOnly`): no version or update time to keep.
    let appendOnly: Bool
    /// A decided stream (see `StreamRecords`): keyed by source and time, partitioned by time.
    let stream: StreamRecords.Shape?
    /// Another system is the system of record: the table is its read model (see `ReadModels`).
    let readModel: ReadModels.Source?

    init?(entity: Entity, model: SchemaModel, partitioned: Bool) {
        guard let own = model.names.names(entity.name) else { return nil }
        self.entity = entity
        table = own.table
        wantedTable = Naming.pluralWords(words: own.words).joined(separator: "_")
        parents = model.graph.links(child: entity.name).compactMap { link in
            model.names.names(link.parent).map { names in
                let elsewhere = model.databases.separates(entity.name, link.parent) ? model.databases.service(of: link.parent) : nil
                return Parent(link: link, table: names.table, elsewhere: elsewhere,
                              tenantScoped: model.inputs.sharedSchemaTenancy && names.words != ["tenant"])
            }
        }
        tenant = model.inputs.sharedSchemaTenancy && Naming.words(entity.name) != ["tenant"]
        self.partitioned = partitioned
        appendOnly = own.isAppendOnly
        stream = model.streams.shape(of: entity.name)
        readModel = stream == nil ? model.readModels.source(of: entity.name) : nil
    }
}
