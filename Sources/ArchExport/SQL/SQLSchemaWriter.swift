import ArchModel

/// Writes a schema's DDL for one dialect: a header, the renames, every table in dependency order with its
/// columns, keys, checks, indexes and comments, then the foreign keys a cycle deferred.
struct SQLSchemaWriter<Rules: SQLDialectRules> {
    let rules: Rules

    func ddl(for design: Design) -> String {
        let plan = SQLSchemaPlan(tables: design.tables, dialect: rules.dialect,
                                 omit: { rules.omitted($0, from: $1, tables: $2) }, extraNames: { rules.extraNames($0) })
        var out: [String] = [
            SQLText.comment("Schema of \(design.projectName) for \(rules.engines), written by archtui export."),
            SQLText.comment("Runs on an empty database. Every identifier is quoted, so reserved words and any characters stay names."),
        ]
        if !plan.renames.isEmpty {
            out.append(SQLText.comment("Renamed for this dialect:"))
            out += plan.renames.map { SQLText.comment("  " + $0.sentence) }
        }
        if !plan.cyclic.isEmpty {
            out.append(SQLText.comment(rules.keysInline
                ? "Foreign keys form a cycle through " + plan.cyclic.joined(separator: ", ") + ": SQLite cannot add a constraint to an existing table, so they stay inline; SQLite checks a reference when a row is written, not when the table is created, so the order is valid DDL (insert with PRAGMA defer_foreign_keys = ON inside a transaction)."
                : "Foreign keys form a cycle through " + plan.cyclic.joined(separator: ", ") + ": the keys to tables created later are added at the end with ALTER TABLE."))
        }
        out.append("")
        out += rules.preamble
        for table in plan.tables { out += statements(for: table) }
        let deferred = plan.tables.flatMap { table in table.keys.filter { $0.deferred && !rules.keysInline }.map { (table, $0) } }
        if !deferred.isEmpty {
            out.append(SQLText.comment("Foreign keys of the cycle, now that every table exists."))
            for (table, key) in deferred {
                out.append("ALTER TABLE \(rules.quoted(table.name)) ADD " + constraint(key) + ";")
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func statements(for table: SQLSchemaPlan.Planned) -> [String] {
        let comment = SQLText.describe(table.table)
        var out = [SQLText.comment(table.name + ": " + comment)]
        if let stream = table.table.stream {
            let key = table.table.primaryKey.map(table.column).joined(separator: ", ")
            out.append(SQLText.comment("Append-only stream (\(stream.decision)): written in batches, never updated or deleted by row;"))
            out.append(SQLText.comment("keyed by (\(key)), so a retried batch is stored once (insert with conflicts ignored)."))
        }
        out += rules.partitionNote(table).map(SQLText.comment)
        out += table.omittedKeys.map { SQLText.comment("No foreign key \($0.key.name) (\($0.key.columns.joined(separator: ", ")) → \($0.key.referencedTable)): \($0.reason).") }
        var lines: [String] = []
        for column in table.table.columns {
            let name = rules.quoted(table.column(column.name))
            var line = "\(name) \(rules.type(of: column, in: table.table))"
            if !column.nullable { line += " NOT NULL" }
            if let value = column.defaultValue { line += " DEFAULT " + rules.defaultSQL(value, for: column) }
            line += rules.columnSuffix(column, comment: SQLText.describe(column))
            lines.append(line)
        }
        let primaryKey = rules.primaryKey(of: table)
        if !primaryKey.isEmpty { lines.append("PRIMARY KEY (" + primaryKey.map(rules.quoted).joined(separator: ", ") + ")") }
        for unique in rules.uniques(of: table) {
            lines.append("CONSTRAINT \(rules.quoted(unique.name)) UNIQUE (" + unique.columns.map(rules.quoted).joined(separator: ", ") + ")")
        }
        for column in table.table.columns {
            guard let name = table.checkNames[column.name], let check = check(column, table.column(column.name)) else { continue }
            lines.append("CONSTRAINT \(rules.quoted(name)) CHECK (\(check))")
        }
        for key in table.keys where !key.deferred || rules.keysInline { lines.append(constraint(key)) }
        out.append("CREATE TABLE \(rules.quoted(table.name)) (")
        out.append(lines.map { "    " + $0 }.joined(separator: ",\n"))
        out.append(")" + rules.tableSuffix(table, comment: comment) + ";")
        for index in table.indexes {
            let unique = index.index.unique ? "UNIQUE " : ""
            out.append("CREATE \(unique)INDEX \(rules.quoted(index.name)) ON \(rules.quoted(table.name)) ("
                + rules.indexColumns(index.columns, unique: index.index.unique, of: table).map(rules.quoted).joined(separator: ", ") + ")" + rules.indexSuffix(reason: index.index.reason) + ";")
        }
        out += rules.afterTable(table, comment: comment)
        out.append("")
        return out
    }

    private func check(_ column: Column, _ identifier: String) -> String? {
        switch rules.dialect {
        case .postgres: return rules.check(column, identifier: rules.quoted(identifier), lengthFunction: "char_length")
        case .mysql: return rules.check(column, identifier: rules.quoted(identifier))
        case .sqlite: return rules.check(column, identifier: rules.quoted(identifier), booleanAsInteger: true, lengthFunction: "length")
        }
    }

    private func constraint(_ key: SQLSchemaPlan.Key) -> String {
        "CONSTRAINT \(rules.quoted(key.name)) FOREIGN KEY (" + key.columns.map(rules.quoted).joined(separator: ", ")
            + ") REFERENCES \(rules.quoted(key.referencedTable)) (" + key.referencedColumns.map(rules.quoted).joined(separator: ", ")
            + ") ON DELETE " + Self.onDelete(key.key.onDelete)
    }

    static func onDelete(_ rule: DeleteRule) -> String {
        switch rule {
        case .cascade: return "CASCADE"
        case .restrict: return "RESTRICT"
        case .setNull: return "SET NULL"
        }
    }
}
