import ArchModel

/// `schema.postgres.sql`: see `PostgresDialect`.
public struct PostgresExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .postgres }
    public func files(for input: ExportInput) throws -> [ExportFile] {
        [ExportFile("schema.postgres.sql", SQLSchemaWriter(rules: PostgresDialect()).ddl(for: input.design))]
    }
}

/// `schema.mysql.sql`: see `MySQLDialect`.
public struct MySQLExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .mysql }
    public func files(for input: ExportInput) throws -> [ExportFile] {
        [ExportFile("schema.mysql.sql", SQLSchemaWriter(rules: MySQLDialect()).ddl(for: input.design))]
    }
}

/// `schema.sqlite.sql`: see `SQLiteDialect`.
public struct SQLiteExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .sqlite }
    public func files(for input: ExportInput) throws -> [ExportFile] {
        [ExportFile("schema.sqlite.sql", SQLSchemaWriter(rules: SQLiteDialect()).ddl(for: input.design))]
    }
}
