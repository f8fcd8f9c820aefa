import ArchModel
import TerminalUI

extension DesignSections {
    /// Endpoints grouped by resource, each with auth, parameters, responses and examples.
    var api: [DesignItem] {
        guard !design.endpoints.isEmpty else {
            return Self.empty("No REST endpoints: list entities in step 4 (and choose REST in step 2).")
        }
        var items: [DesignItem] = []
        var resource: String?
        for endpoint in design.endpoints {
            if endpoint.resource != resource {
                resource = endpoint.resource
                items.append(.heading(endpoint.resource))
            }
            items.append(DesignItem(title: "\(endpoint.method) \(endpoint.path)", lines: lines(of: endpoint), trace: endpoint.trace))
        }
        return items
    }

    private func lines(of endpoint: Endpoint) -> [[Span]] {
        var lines: [[Span]] = [[Span(DisplayWidth.pad(endpoint.method, to: 7), DesignStyle.method(endpoint.method)),
                                Span(endpoint.path, .bold), Span("  " + endpoint.summary, DesignStyle.note)]]
        if !endpoint.authorization.isEmpty { lines.append([Span("  auth: ", DesignStyle.note), Span(endpoint.authorization)]) }
        let parameters = endpoint.parameters.map { "\($0.name) (\($0.location.rawValue)\($0.required ? ", required" : ""))" }
        if !parameters.isEmpty { lines.append([Span("  params: ", DesignStyle.note), Span(parameters.joined(separator: ", "))]) }
        if endpoint.requiresIdempotencyKey { lines.append([Span("  Idempotency-Key header required: retries never duplicate", DesignStyle.note)]) }
        let responses = endpoint.responses.map { "\($0.status) \($0.description)" }
        if !responses.isEmpty { lines.append([Span("  → ", DesignStyle.note), Span(responses.joined(separator: " · "))]) }
        if let body = endpoint.requestExample {
            lines.append([Span("  request:", DesignStyle.note)])
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("    " + $0, DesignStyle.code)] }
        }
        if let body = endpoint.responseExample {
            lines.append([Span("  response:", DesignStyle.note)])
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("    " + $0, DesignStyle.code)] }
        }
        lines.append([])
        return lines
    }

    /// Tables with typed columns, keys, indexes and partitioning, dialect-neutral.
    var schema: [DesignItem] {
        guard !design.tables.isEmpty else { return Self.empty("No tables: list entities in step 4.") }
        return design.tables.map { table in
            var lines: [[Span]] = [[Span(table.name, .bold), Span(table.entity.map { "  entity \($0)" } ?? "  join table", DesignStyle.note)]]
            let width = (table.columns.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
            for column in table.columns {
                var flags: [String] = []
                if table.primaryKey.contains(column.name) { flags.append("PK") }
                if !column.nullable { flags.append("NOT NULL") }
                if let value = column.defaultValue { flags.append("DEFAULT \(value)") }
                if column.pii { flags.append("PII") }
                if !column.enumValues.isEmpty { flags.append("in (" + column.enumValues.joined(separator: ", ") + ")") }
                lines.append([Span("  " + DisplayWidth.pad(column.name, to: width)), Span(DisplayWidth.pad(column.type.rawValue, to: 10), DesignStyle.code),
                              Span(flags.joined(separator: " "), DesignStyle.note)])
            }
            for key in table.foreignKeys {
                lines.append([Span("  FK ", DesignStyle.note), Span("(\(key.columns.joined(separator: ", "))) → \(key.referencedTable)(\(key.referencedColumns.joined(separator: ", "))) ON DELETE \(key.onDelete.rawValue)")])
            }
            for unique in table.uniqueConstraints { lines.append([Span("  UNIQUE ", DesignStyle.note), Span("(" + unique.joined(separator: ", ") + ")")]) }
            for index in table.indexes {
                lines.append([Span("  INDEX ", DesignStyle.note), Span("\(index.name) (\(index.columns.joined(separator: ", ")))"),
                              Span(index.reason.isEmpty ? "" : " — " + index.reason, DesignStyle.note)])
            }
            if let partitioning = table.partitioning { lines.append([Span("  PARTITION ", DesignStyle.note), Span(partitioning)]) }
            lines.append([])
            return DesignItem(title: "table " + table.name, lines: lines, trace: table.trace)
        }
    }
}
