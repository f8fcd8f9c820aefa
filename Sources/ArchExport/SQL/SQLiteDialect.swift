import ArchModel

/// SQLite 3.35 and later (checked on 3.40): type names chosen for their affinity — `TEXT` for uuids, strings,
/// dates and timestamps (ISO 8601, UTC), `INTEGER` for integers and booleans (with a CHECK for 0 or 1), `NUMERIC`
/// for decimals — enumerations as a CHECK, foreign keys always inline (SQLite cannot add one to an existing
/// table), `--` comments, no partitioning. `PRAGMA foreign_keys = ON` must be set by every connection.
struct SQLiteDialect: SQLDialectRules {
    var dialect: SQLDialect { .sqlite }
    var engines: String { "SQLite 3.35+" }
    var keysInline: Bool { true }
    var preamble: [String] {
        [SQLText.comment("Foreign keys are enforced only where each connection enables them."), "PRAGMA foreign_keys = ON;", ""]
    }

    func type(of column: Column, in table: Table) -> String {
        switch column.type {
        case .string, .text, .email, .enumeration, .date, .timestamp, .uuid, .json: return "TEXT"
        case .integer, .bigint, .boolean: return "INTEGER"
        case .decimal, .money: return "NUMERIC"
        }
    }

    func defaultSQL(_ value: ColumnDefault, for column: Column) -> String {
        switch value {
        case .now: return column.type == .date ? "(date('now'))" : "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
        case .bool(let flag): return flag ? "1" : "0"
        case .number(let number): return number
        case .text(let text): return literal(text)
        }
    }

    func literal(_ text: String) -> String { standardLiteral(text) }

    func tableSuffix(_ table: SQLSchemaPlan.Planned, comment: String) -> String { "" }

    func afterTable(_ table: SQLSchemaPlan.Planned, comment: String) -> [String] {
        table.table.columns.compactMap { column in
            SQLText.describe(column).map { SQLText.comment("\(table.name).\(table.column(column.name)): \($0)") }
        } + table.indexes.filter { !$0.index.reason.isEmpty }.map { SQLText.comment("\($0.name): \($0.index.reason)") }
    }

    func partitionNote(_ table: SQLSchemaPlan.Planned) -> [String] {
        guard let partitioning = table.table.partitioning else { return [] }
        return ["The design partitions this table (\(partitioning.display)); SQLite has no partitioning, so it is one table here."]
    }
}
