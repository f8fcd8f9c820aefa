import ArchModel

/// The design's tables made ready for one dialect: every name checked against the dialect's limit and made
/// unique (tables, indexes and constraints share one namespace, as in PostgreSQL and SQLite; columns one per
/// table), the constraint names the design does not give chosen, and the tables put in dependency order.
struct SQLSchemaPlan {
    /// A foreign key as written: its name, the referenced table's identifier, and where it goes.
    struct Key {
        var key: ForeignKey
        var name: String
        var columns: [String]
        var referencedTable: String
        var referencedColumns: [String]
        /// The referenced table comes later (a cycle): added by `ALTER TABLE` after every table exists.
        var deferred: Bool
    }

    /// A table as written.
    struct Planned {
        var table: Table
        var name: String
        /// Design column name → identifier.
        var columns: [String: String]
        var keys: [Key]
        /// Foreign keys the dialect cannot hold here, with the reason (a comment in the DDL says it).
        var omittedKeys: [(key: ForeignKey, reason: String)]
        var uniques: [(columns: [String], name: String)]
        /// `ck_<table>_<column>` for enumerations and the like.
        var checkNames: [String: String]
        var indexes: [(index: Index, name: String, columns: [String])]
        /// Names the dialect needs beyond the table's own (a default partition).
        var extraNames: [String: String]

        func column(_ name: String) -> String { columns[name] ?? name }
    }

    let dialect: SQLDialect
    /// In creation order: a table comes after the tables it references, except within a cycle.
    let tables: [Planned]
    /// Names this dialect writes differently from the design (the design's own renames are findings).
    let renames: [SQLRename]
    /// Tables in a foreign-key cycle (by identifier), in creation order.
    let cyclic: [String]

    /// `omit`: for a foreign key, the reason this dialect leaves it out (e.g. it references a partitioned
    /// PostgreSQL table by part of its key), or nil to keep it.
    /// `extraNames`: per table, names the dialect adds (keys) made from the table's identifier.
    init(tables designTables: [Table], dialect: SQLDialect,
         omit: (ForeignKey, Table, [String: Table]) -> String? = { _, _, _ in nil },
         extraNames: (String) -> [String: String] = { _ in [:] }) {
        self.dialect = dialect
        var renames: [SQLRename] = []
        var schema = SQLNamespace(maxBytes: dialect.maxIdentifierBytes)
        func claim(_ kind: String, _ wanted: String, in space: inout SQLNamespace) -> String {
            let (name, reason) = space.claim(wanted)
            if let reason { renames.append(SQLRename(kind: kind, old: wanted, new: name, reason: reason)) }
            return name
        }
        let byName = Dictionary(designTables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var tableNames: [String: String] = [:]
        for table in designTables where tableNames[table.name] == nil {
            tableNames[table.name] = claim("table", table.name, in: &schema)
        }
        var planned: [Planned] = []
        var columnMaps: [String: [String: String]] = [:]
        for table in designTables {
            var space = SQLNamespace(maxBytes: dialect.maxIdentifierBytes)
            var map: [String: String] = [:]
            for column in table.columns where map[column.name] == nil { map[column.name] = claim("column", column.name, in: &space) }
            columnMaps[table.name] = map
        }
        for table in designTables {
            let name = tableNames[table.name] ?? table.name
            let map = columnMaps[table.name] ?? [:]
            func mapped(_ columns: [String]) -> [String] { columns.map { map[$0] ?? $0 } }
            var keys: [Key] = [], omitted: [(ForeignKey, String)] = []
            for key in table.foreignKeys {
                guard let referenced = tableNames[key.referencedTable], let target = byName[key.referencedTable] else {
                    omitted.append((key, "it references \(key.referencedTable), which is not in this schema"))
                    continue
                }
                if let reason = omit(key, table, byName) { omitted.append((key, reason)); continue }
                let targetMap = columnMaps[target.name] ?? [:]
                keys.append(Key(key: key, name: claim("foreign key", key.name, in: &schema), columns: mapped(key.columns),
                                referencedTable: referenced, referencedColumns: key.referencedColumns.map { targetMap[$0] ?? $0 },
                                deferred: false))
            }
            let uniques = table.uniqueConstraints.map { columns in
                (mapped(columns), claim("constraint", "uq_\(table.name)_" + columns.joined(separator: "_"), in: &schema))
            }
            var checks: [String: String] = [:]
            for column in table.columns where column.type == .enumeration || column.type == .boolean || column.length != nil {
                checks[column.name] = claim("constraint", "ck_\(table.name)_\(column.name)", in: &schema)
            }
            let indexes = table.indexes.map { ($0, claim("index", $0.name, in: &schema), mapped($0.columns)) }
            var extras: [String: String] = [:]
            for (key, wanted) in extraNames(name).sorted(by: { $0.key < $1.key }) { extras[key] = claim("table", wanted, in: &schema) }
            planned.append(Planned(table: table, name: name, columns: map, keys: keys, omittedKeys: omitted, uniques: uniques,
                                   checkNames: checks, indexes: indexes, extraNames: extras))
        }
        let (ordered, cyclic) = Self.dependencyOrder(planned)
        self.tables = ordered
        self.renames = renames
        self.cyclic = cyclic
    }

    /// Kahn's algorithm, taking the earliest ready table each time so the order stays close to the design's;
    /// when only tables in cycles are left, the earliest goes next and its keys to later tables are deferred.
    private static func dependencyOrder(_ tables: [Planned]) -> ([Planned], [String]) {
        var remaining = Array(tables.indices)
        var created: Set<String> = []
        var ordered: [Planned] = []
        var cyclic: [String] = []
        while !remaining.isEmpty {
            let ready = remaining.firstIndex { index in
                tables[index].keys.allSatisfy { $0.referencedTable == tables[index].name || created.contains($0.referencedTable) }
            }
            let position = ready ?? 0
            var table = tables[remaining.remove(at: position)]
            if ready == nil { cyclic.append(table.name) }
            for index in table.keys.indices where table.keys[index].referencedTable != table.name
                && !created.contains(table.keys[index].referencedTable) {
                table.keys[index].deferred = true
            }
            created.insert(table.name)
            ordered.append(table)
        }
        return (ordered, cyclic)
    }
}
