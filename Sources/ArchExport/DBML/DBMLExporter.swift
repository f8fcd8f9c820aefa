import ArchModel

/// `schema.dbml`: the schema in DBML (dbdiagram.io, dbdocs, pydbml), with PostgreSQL's names and types (the
/// names are those of `schema.postgres.sql`), enumerations as DBML enums, indexes, notes and one `Ref` per
/// foreign key, including those the PostgreSQL file leaves to the application (a reference is a reference).
public struct DBMLExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .dbml }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        [ExportFile("schema.dbml", dbml(for: input.design))]
    }

    func dbml(for design: Design) -> String {
        let plan = SQLSchemaPlan(tables: design.tables, dialect: .postgres)
        let types = PostgresDialect()
        var enums = SQLNamespace(reserved: plan.tables.map(\.name))
        var out = ["// Schema of " + Self.line(design.projectName) + ", written by archtui export (DBML; types as in PostgreSQL).", ""]
        var refs: [String] = []
        for table in plan.tables {
            var enumNames: [String: String] = [:]
            for column in table.table.columns where column.type == .enumeration && !column.enumValues.isEmpty {
                let name = enums.claim(table.name + "_" + table.column(column.name)).name
                enumNames[column.name] = name
                out.append("Enum \(Self.name(name)) {")
                out += column.enumValues.map { "  " + Self.name($0) }
                out += ["}", ""]
            }
            out.append("Table \(Self.name(table.name)) {")
            let singleKey = table.table.primaryKey.count == 1 ? table.table.primaryKey.first : nil
            for column in table.table.columns {
                var settings: [String] = []
                if column.name == singleKey { settings.append("pk") }
                if !column.nullable { settings.append("not null") }
                if let value = column.defaultValue { settings.append("default: " + Self.defaultValue(value, column)) }
                if let note = SQLText.describe(column) { settings.append("note: " + Self.string(note)) }
                let type = enumNames[column.name].map(Self.name) ?? Self.type(types.type(of: column, in: table.table))
                out.append("  \(Self.name(table.column(column.name))) \(type)" + (settings.isEmpty ? "" : " [" + settings.joined(separator: ", ") + "]"))
            }
            var indexes: [String] = []
            if table.table.primaryKey.count > 1 { indexes.append("(" + table.table.primaryKey.map { Self.name(table.column($0)) }.joined(separator: ", ") + ") [pk]") }
            for unique in table.uniques {
                indexes.append("(" + unique.columns.map(Self.name).joined(separator: ", ") + ") [unique, name: \(Self.string(unique.name))]")
            }
            for index in table.indexes {
                var settings = ["name: " + Self.string(index.name)]
                if index.index.unique { settings.insert("unique", at: 0) }
                if !index.index.reason.isEmpty { settings.append("note: " + Self.string(index.index.reason)) }
                indexes.append("(" + index.columns.map(Self.name).joined(separator: ", ") + ") [" + settings.joined(separator: ", ") + "]")
            }
            if !indexes.isEmpty { out += ["", "  indexes {"] + indexes.map { "    " + $0 } + ["  }"] }
            var note = SQLText.describe(table.table)
            if let partitioning = table.table.partitioning { note += " Partitioned " + partitioning.display + "." }
            out += ["", "  Note: " + Self.string(note), "}", ""]
            // One column as `t.c`, several (a tenant-scoped key) as `t.(a, b)`.
            func columns(_ names: [String]) -> String {
                names.count == 1 ? Self.name(names[0]) : "(" + names.map(Self.name).joined(separator: ", ") + ")"
            }
            for key in table.keys where !key.columns.isEmpty && key.columns.count == key.referencedColumns.count {
                refs.append("Ref \(Self.name(key.name)): \(Self.name(table.name)).\(columns(key.columns)) > "
                    + "\(Self.name(key.referencedTable)).\(columns(key.referencedColumns)) [delete: \(Self.onDelete(key.key.onDelete))]")
            }
        }
        out += refs
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A DBML name, always in double quotes (a `"` inside, which DBML cannot escape, becomes `'`).
    static func name(_ text: String) -> String { "\"" + line(text).replacing(ascii: "\"", with: "'") + "\"" }

    /// A DBML string: single quotes, `\` and `'` escaped.
    static func string(_ text: String) -> String {
        "'" + line(text).replacing(ascii: "\\", with: "\\\\").replacing(ascii: "'", with: "\\'") + "'"
    }

    /// A type with parentheses (`numeric(19,4)`) is quoted so no parser reads the comma as a separator.
    static func type(_ sql: String) -> String { sql.contains("(") ? "\"" + sql + "\"" : sql }

    static func line(_ text: String) -> String { SQLText.plain(text) }

    static func defaultValue(_ value: ColumnDefault, _ column: Column) -> String {
        switch value {
        case .now: return column.type == .date ? "`CURRENT_DATE`" : "`now()`"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number
        case .text(let text): return string(text)
        }
    }

    static func onDelete(_ rule: DeleteRule) -> String {
        switch rule {
        case .cascade: return "cascade"
        case .restrict: return "restrict"
        case .setNull: return "set null"
        }
    }
}
