import ArchModel

/// What one SQL dialect writes its own way: types, defaults, literals, table options, partitioning, comments.
/// `SQLSchemaWriter` lays out the statements common to all three around these.
protocol SQLDialectRules: Sendable {
    var dialect: SQLDialect { get }
    /// The engines and versions the file is written for (its header says so).
    var engines: String { get }
    /// Statements before the first table.
    var preamble: [String] { get }
    /// Whether foreign keys to later tables stay inline (SQLite cannot add them afterwards).
    var keysInline: Bool { get }
    func type(of column: Column, in table: Table) -> String
    func defaultSQL(_ value: ColumnDefault, for column: Column) -> String
    /// A string literal with the dialect's escapes.
    func literal(_ text: String) -> String
    /// The primary key columns (identifiers) of a planned table.
    func primaryKey(of table: SQLSchemaPlan.Planned) -> [String]
    /// Unique constraints (identifier lists) of a planned table.
    func uniques(of table: SQLSchemaPlan.Planned) -> [(columns: [String], name: String)]
    /// What follows a column's type and default (MySQL's `COMMENT '…'`), or "".
    func columnSuffix(_ column: Column, comment: String?) -> String
    /// What follows the closing parenthesis of `CREATE TABLE` (options, `PARTITION BY`).
    func tableSuffix(_ table: SQLSchemaPlan.Planned, comment: String) -> String
    /// The columns (identifiers) of an index as written; PostgreSQL adds the partition key to a unique one.
    func indexColumns(_ columns: [String], unique: Bool, of table: SQLSchemaPlan.Planned) -> [String]
    /// What follows `CREATE INDEX … (columns)` (MySQL's `COMMENT '…'`), or "".
    func indexSuffix(reason: String) -> String
    /// Statements after a table and its indexes: comments, partitions.
    func afterTable(_ table: SQLSchemaPlan.Planned, comment: String) -> [String]
    /// Comment lines about partitioning (what is done, what is left out and why); empty for a whole table.
    func partitionNote(_ table: SQLSchemaPlan.Planned) -> [String]
    /// The reason a foreign key is left out in this dialect, or nil (see `SQLSchemaPlan`).
    func omitted(_ key: ForeignKey, from table: Table, tables: [String: Table]) -> String?
    /// Names the dialect adds for a table, by key (e.g. `default` partition).
    func extraNames(_ table: String) -> [String: String]
}

extension SQLDialectRules {
    var keysInline: Bool { false }
    func primaryKey(of table: SQLSchemaPlan.Planned) -> [String] { table.table.primaryKey.map(table.column) }
    func uniques(of table: SQLSchemaPlan.Planned) -> [(columns: [String], name: String)] { table.uniques }
    func columnSuffix(_ column: Column, comment: String?) -> String { "" }
    func indexSuffix(reason: String) -> String { "" }
    func indexColumns(_ columns: [String], unique: Bool, of table: SQLSchemaPlan.Planned) -> [String] { columns }
    func omitted(_ key: ForeignKey, from table: Table, tables: [String: Table]) -> String? { nil }
    func extraNames(_ table: String) -> [String: String] { [:] }
    func quoted(_ name: String) -> String { dialect.quoted(name) }

    /// `'it''s'`: standard SQL quoting, which PostgreSQL (standard_conforming_strings) and SQLite read as is.
    func standardLiteral(_ text: String) -> String { "'" + SQLText.plain(text).replacing(ascii: "'", with: "''") + "'" }

    /// A `CHECK` over one column, when its type calls for one: the allowed values of an enumeration, 0 or 1 for a
    /// boolean where there is no boolean type, a maximum length where the type has none.
    func check(_ column: Column, identifier: String, booleanAsInteger: Bool = false, lengthFunction: String? = nil) -> String? {
        if column.type == .enumeration, !column.enumValues.isEmpty {
            return "\(identifier) IN (" + column.enumValues.map(literal).joined(separator: ", ") + ")"
        }
        if column.type == .boolean, booleanAsInteger { return "\(identifier) IN (0, 1)" }
        if let length = column.length, let lengthFunction { return "\(lengthFunction)(\(identifier)) <= \(length)" }
        return nil
    }
}

/// Text that goes into comments and literals: one line, no control characters, so a name can end neither a
/// `--` comment nor a terminal's sanity.
enum SQLText {
    static func plain(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// `-- text` lines.
    static func comment(_ text: String) -> String { "-- " + plain(text) }

    /// What a table holds, in words.
    static func describe(_ table: Table) -> String {
        if let entity = table.entity {
            if let system = table.readModelOf {
                return "Read model of the entity \(entity): copied from \(system), its system of record (source_id, synced_at); never written by clients."
            }
            return "Rows of the entity \(entity)."
        }
        switch table.machinery {
        case .outbox(let publisher)?:
            return "Transactional outbox of \(publisher): events written with the change that causes them, published by a relay, then marked published_at."
        case .jobQueue?:
            return "Job queue: background jobs claimed with FOR UPDATE SKIP LOCKED, retried with backoff (run_at, attempts), parked when failed_at is set."
        case .fileRuns(let system)?:
            return "Files exchanged with \(system): one row per file with its counts and reconciliation report."
        case nil: break
        }
        let parents = table.foreignKeys.map(\.referencedTable)
        return "Join table of the many-to-many relation between " + parents.joined(separator: " and ") + "."
    }

    /// What a column is for, when there is something to say.
    static func describe(_ column: Column) -> String? {
        column.pii ? "Personal data (PII): encrypt at rest, mask in logs, erase on request." : nil
    }
}
