import ArchModel

/// MySQL 8.0.16+ and MariaDB 10.5+ (checked on MariaDB 10.11), InnoDB, utf8mb4: uuids as `CHAR(36)` in ASCII
/// (the text form the API uses, 36 bytes per key; `BINARY(16)` halves that but every query then needs
/// `UUID_TO_BIN`), `DATETIME(6)` in UTC, `VARCHAR` for strings (255 unless the model gives a length; `TEXT`
/// cannot be indexed without a prefix, so an indexed text column is `VARCHAR(700)`), enumerations as a CHECK
/// (not `ENUM`, whose values reorder and renumber on change), `COMMENT '…'` on tables, columns and indexes.
/// Partitioning is left out: InnoDB allows no foreign keys on or to partitioned tables, and the keys are kept.
struct MySQLDialect: SQLDialectRules {
    var dialect: SQLDialect { .mysql }
    var engines: String { "MySQL 8.0.16+ / MariaDB 10.5+ (InnoDB, utf8mb4)" }
    var preamble: [String] { ["SET NAMES utf8mb4;", ""] }

    func type(of column: Column, in table: Table) -> String {
        let indexed = table.primaryKey.contains(column.name) || table.uniqueConstraints.contains { $0.contains(column.name) }
            || table.indexes.contains { $0.columns.contains(column.name) }
        switch column.type {
        case .string: return "VARCHAR(\(column.length ?? 255))"
        case .text: return indexed ? "VARCHAR(700)" : "TEXT"
        case .email: return "VARCHAR(320)"
        case .enumeration: return "VARCHAR(\(max(32, column.enumValues.map(\.count).max() ?? 0)))"
        case .integer: return "INT"
        case .bigint: return "BIGINT"
        case .decimal, .money: return "DECIMAL(\(column.precision ?? 19),\(column.scale ?? 4))"
        case .boolean: return "BOOLEAN"
        case .date: return "DATE"
        case .timestamp: return "DATETIME(6)"
        case .uuid: return "CHAR(36) CHARACTER SET ascii COLLATE ascii_bin"
        case .json: return "JSON"
        }
    }

    func defaultSQL(_ value: ColumnDefault, for column: Column) -> String {
        switch value {
        case .now: return column.type == .date ? "(CURRENT_DATE)" : "CURRENT_TIMESTAMP(6)"
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .number(let number): return number
        case .text(let text): return column.type == .text ? "(" + literal(text) + ")" : literal(text)  // TEXT takes expression defaults only
        }
    }

    /// MySQL reads backslash escapes in string literals (unless NO_BACKSLASH_ESCAPES), so `\` is doubled too.
    func literal(_ text: String) -> String {
        "'" + SQLText.plain(text).replacing(ascii: "\\", with: "\\\\").replacing(ascii: "'", with: "''") + "'"
    }

    func columnSuffix(_ column: Column, comment: String?) -> String { comment.map { " COMMENT " + literal(String($0.prefix(1024))) } ?? "" }

    func tableSuffix(_ table: SQLSchemaPlan.Planned, comment: String) -> String {
        " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT=" + literal(String(comment.prefix(2048)))
    }

    func indexSuffix(reason: String) -> String { reason.isEmpty ? "" : " COMMENT " + literal(String(reason.prefix(1024))) }

    func afterTable(_ table: SQLSchemaPlan.Planned, comment: String) -> [String] { [] }

    func partitionNote(_ table: SQLSchemaPlan.Planned) -> [String] {
        guard let partitioning = table.table.partitioning else { return [] }
        return ["The design partitions this table (\(partitioning.display)). Left out here: InnoDB allows no foreign keys on or to a",
                "partitioned table, and the partition key would have to join every unique key. The keys are kept; archive old rows instead."]
    }
}
