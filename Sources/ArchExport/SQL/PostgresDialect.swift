import ArchModel

/// PostgreSQL 12 and later (checked on 15): `uuid`, `timestamptz`, `jsonb`, `text` with a CHECK where a
/// length is given (rather than `varchar(n)`, which only adds a rewrite when the limit changes), enumerations
/// as `text` with a CHECK (a native enum cannot drop a value and `ALTER TYPE … ADD VALUE` cannot run with its
/// use in one transaction), `COMMENT ON` for tables, columns and indexes. A partitioned table gets
/// `PARTITION BY RANGE` with the partition key in its primary key and unique constraints (PostgreSQL rejects
/// them otherwise) and a DEFAULT partition so rows can be written before the monthly ones are made.
struct PostgresDialect: SQLDialectRules {
    var dialect: SQLDialect { .postgres }
    var engines: String { "PostgreSQL 12+" }
    var preamble: [String] { [] }

    func type(of column: Column, in table: Table) -> String {
        switch column.type {
        case .string, .text, .email, .enumeration: return "text"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case .decimal, .money: return "numeric(\(column.precision ?? 19),\(column.scale ?? 4))"
        case .boolean: return "boolean"
        case .date: return "date"
        case .timestamp: return "timestamptz"
        case .uuid: return "uuid"
        case .json: return "jsonb"
        }
    }

    func defaultSQL(_ value: ColumnDefault, for column: Column) -> String {
        switch value {
        case .now: return column.type == .date ? "CURRENT_DATE" : "now()"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number
        case .text(let text): return literal(text)
        }
    }

    func literal(_ text: String) -> String { standardLiteral(text) }

    /// The partition key joins the primary key and each unique constraint of a partitioned table.
    func primaryKey(of table: SQLSchemaPlan.Planned) -> [String] {
        withPartitionKey(table.table.primaryKey.map(table.column), table)
    }

    func uniques(of table: SQLSchemaPlan.Planned) -> [(columns: [String], name: String)] {
        table.uniques.map { (withPartitionKey($0.columns, table), $0.name) }
    }

    func indexColumns(_ columns: [String], unique: Bool, of table: SQLSchemaPlan.Planned) -> [String] {
        unique ? withPartitionKey(columns, table) : columns
    }

    private func withPartitionKey(_ columns: [String], _ table: SQLSchemaPlan.Planned) -> [String] {
        guard let key = table.table.partitioning?.key else { return columns }
        let column = table.column(key)
        return columns.contains(column) ? columns : columns + [column]
    }

    func tableSuffix(_ table: SQLSchemaPlan.Planned, comment: String) -> String {
        guard let partitioning = table.table.partitioning else { return "" }
        return " PARTITION BY \(partitioning.method.rawValue.uppercased()) (\(quoted(table.column(partitioning.key))))"
    }

    func afterTable(_ table: SQLSchemaPlan.Planned, comment: String) -> [String] {
        var out: [String] = []
        if table.table.partitioning != nil, let partition = table.extraNames["default"] {
            out.append("CREATE TABLE \(quoted(partition)) PARTITION OF \(quoted(table.name)) DEFAULT;")
        }
        out.append("COMMENT ON TABLE \(quoted(table.name)) IS \(literal(comment));")
        for column in table.table.columns {
            guard let text = SQLText.describe(column) else { continue }
            out.append("COMMENT ON COLUMN \(quoted(table.name)).\(quoted(table.column(column.name))) IS \(literal(text));")
        }
        for index in table.indexes where !index.index.reason.isEmpty {
            out.append("COMMENT ON INDEX \(quoted(index.name)) IS \(literal(index.index.reason));")
        }
        return out
    }

    func partitionNote(_ table: SQLSchemaPlan.Planned) -> [String] {
        guard let partitioning = table.table.partitioning else { return [] }
        return ["Partitioned \(partitioning.display): the primary key and unique constraints include \(partitioning.key).",
                "Create the \(partitioning.interval?.rawValue ?? "") partitions ahead of time (pg_partman or a scheduled job); rows outside them land in the DEFAULT partition."]
    }

    /// A key to a partitioned table would have to name its whole primary key (id and the partition key); the
    /// referencing table holds the id alone.
    func omitted(_ key: ForeignKey, from table: Table, tables: [String: Table]) -> String? {
        guard let target = tables[key.referencedTable], let partitioning = target.partitioning,
              !key.referencedColumns.contains(partitioning.key) else { return nil }
        return "\(key.referencedTable) is partitioned, so a foreign key would have to reference (\(key.referencedColumns.joined(separator: ", ")), \(partitioning.key)); the application keeps the reference valid and the column stays indexed"
    }

    func extraNames(_ table: String) -> [String: String] { ["default": table + "_default"] }
}
