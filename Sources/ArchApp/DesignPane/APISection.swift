import ArchModel
import TerminalUI

extension DesignSections {
    /// Endpoints grouped by resource, each with auth, parameters, responses and examples.
    var api: any DesignItemList {
        guard !design.endpoints.isEmpty || !design.hiddenEndpoints.isEmpty else {
            return BuiltItems(items: Self.empty("No REST endpoints: list entities in step 4 (and choose REST in step 2)."))
        }
        return EndpointItems(endpoints: design.endpoints, hidden: design.hiddenEndpoints)
    }

    /// Tables with typed columns, keys, indexes and partitioning, dialect-neutral.
    var schema: any DesignItemList {
        guard !design.tables.isEmpty else { return BuiltItems(items: Self.empty("No tables: list entities in step 4.")) }
        return TableItems(tables: design.tables)
    }
}

/// The API tab: a heading for each resource, then its endpoints.
struct EndpointItems: DesignItemList {
    private enum Entry: Sendable {
        case heading(String)
        case endpoint(Int)
        /// One the user hid: one line, Enter opens its form to show it again.
        case hidden(Int)
    }

    let endpoints: [Endpoint]
    let hidden: [Endpoint]
    private let entries: [Entry]

    static let hiddenHeading = "Hidden by you"

    init(endpoints: [Endpoint], hidden: [Endpoint] = []) {
        self.endpoints = endpoints
        self.hidden = hidden
        var entries: [Entry] = []
        var resource: String?
        for index in endpoints.indices {
            if endpoints[index].resource != resource {
                resource = endpoints[index].resource
                entries.append(.heading(endpoints[index].resource))
            }
            entries.append(.endpoint(index))
        }
        if !hidden.isEmpty { entries.append(.heading(Self.hiddenHeading)) }
        entries += hidden.indices.map(Entry.hidden)
        self.entries = entries
    }

    private func hiddenItem(_ endpoint: Endpoint) -> DesignItem {
        DesignItem(title: "\(endpoint.method) \(endpoint.path)",
                   lines: [[Span(DisplayWidth.pad(endpoint.method, to: 6) + " ", .dim), Span(endpoint.path + "  " + endpoint.summary, .dim),
                            Span("  hidden", DesignStyle.note)]],
                   trace: endpoint.trace, subject: .endpoint(endpoint.id), id: .hiddenEndpoint(endpoint.id))
    }

    var count: Int { entries.count }

    func item(_ index: Int) -> DesignItem {
        switch entries[index] {
        case .heading(let resource): return .heading(resource)
        case .endpoint(let number):
            let endpoint = endpoints[number]
            var lines = SpanLines()
            endpoint.write(to: &lines)
            return DesignItem(title: "\(endpoint.method) \(endpoint.path)", lines: lines.lines, trace: endpoint.trace,
                              subject: .endpoint(endpoint.id), id: .endpoint(endpoint.id))
        case .hidden(let number): return hiddenItem(hidden[number])
        }
    }

    func isSelectable(_ index: Int) -> Bool {
        if case .heading = entries[index] { return false }
        return true
    }

    func isHeading(_ index: Int) -> Bool { !isSelectable(index) }

    func id(_ index: Int) -> DesignItemID? {
        switch entries[index] {
        case .endpoint(let number): return .endpoint(endpoints[number].id)
        case .hidden(let number): return .hiddenEndpoint(hidden[number].id)
        case .heading: return nil
        }
    }

    func measure(_ index: Int, into tally: inout RowTally) {
        switch entries[index] {
        case .heading(let resource): tally.add(DesignItem.heading(resource))
        case .endpoint(let number): endpoints[number].write(to: &tally)
        case .hidden(let number): tally.add(hiddenItem(hidden[number]))
        }
    }

    func search(_ index: Int, into text: inout SearchText) {
        switch entries[index] {
        case .heading(let resource): text.add(resource)
        case .endpoint(let number): endpoints[number].write(to: &text)
        case .hidden(let number): text.add(hidden[number].method + " " + hidden[number].path + " " + hidden[number].summary + " hidden")
        }
    }
}

extension Endpoint {
    /// The endpoint's lines, written in pieces that need no new strings, so measuring them is quick.
    fileprivate func write(to lines: inout some LineSink) {
        lines.add(DisplayWidth.pad(method, to: 7), DesignStyle.method(method))
        lines.add(path, .bold)
        lines.add("  ", DesignStyle.note)
        lines.add(summary, DesignStyle.note)
        switch origin { // what the user made of it: changed a generated endpoint, or added one
        case .generated: break
        case .overridden: lines.add("  ✎ overridden", DesignStyle.overridden)
        case .custom: lines.add("  + custom", DesignStyle.custom)
        }
        lines.endLine()
        if !authorization.isEmpty {
            lines.add("  auth: ", DesignStyle.note)
            lines.add(authorization)
            lines.endLine()
        }
        if !parameters.isEmpty {
            lines.add("  params: ", DesignStyle.note)
            for (index, parameter) in parameters.enumerated() { // name (location, required), …
                if index > 0 { lines.add(", ") }
                lines.add(parameter.name)
                lines.add(" (" + parameter.location.rawValue)
                lines.add(parameter.required ? ", required)" : ")")
            }
            lines.endLine()
        }
        if requiresIdempotencyKey {
            lines.add("  Idempotency-Key header required: retries never duplicate", DesignStyle.note)
            lines.endLine()
        }
        if !responses.isEmpty {
            lines.add("  → ", DesignStyle.note)
            for (index, response) in responses.enumerated() { // status description · …
                if index > 0 { lines.add(" · ") }
                lines.add(String(response.status))
                lines.add(" ")
                lines.add(response.description)
            }
            lines.endLine()
        }
        if let body = requestExample {
            lines.add("  request:", DesignStyle.note)
            lines.endLine()
            lines.add(block: body, indent: "    ", style: DesignStyle.code)
        }
        if let body = responseExample {
            lines.add("  response:", DesignStyle.note)
            lines.endLine()
            lines.add(block: body, indent: "    ", style: DesignStyle.code)
        }
        lines.endLine()
    }
}

/// The Schema tab: one item per table.
struct TableItems: DesignItemList {
    let tables: [Table]

    var count: Int { tables.count }

    func item(_ index: Int) -> DesignItem {
        var lines = SpanLines()
        tables[index].write(to: &lines)
        return DesignItem(title: "table " + tables[index].name, lines: lines.lines, trace: tables[index].trace,
                          subject: tables[index].entity.map(DesignSubject.entity), id: .table(tables[index].id))
    }

    func isSelectable(_ index: Int) -> Bool { true }

    func isHeading(_ index: Int) -> Bool { false }

    func id(_ index: Int) -> DesignItemID? { .table(tables[index].id) }

    func measure(_ index: Int, into tally: inout RowTally) { tables[index].write(to: &tally) }

    func search(_ index: Int, into text: inout SearchText) { tables[index].write(to: &text) }
}

extension Table {
    /// The table's lines, written in pieces (see `Endpoint.write(to:)`).
    fileprivate func write(to lines: inout some LineSink) {
        lines.add(name, .bold)
        if let entity {
            lines.add("  entity ", DesignStyle.note)
            lines.add(entity, DesignStyle.note)
        } else if let machinery {
            lines.add("  " + machinery.display, DesignStyle.note)
        } else {
            lines.add("  join table", DesignStyle.note)
        }
        lines.endLine()
        let width = (columns.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        for column in columns {
            lines.add("  ")
            lines.add(column.name)
            lines.add(String(repeating: " ", count: width - DisplayWidth.of(column.name)))
            lines.add(DisplayWidth.pad(column.type.rawValue, to: 10), DesignStyle.code)
            var flags = 0
            func flag(_ text: String) {
                lines.add(flags == 0 ? "" : " ", DesignStyle.note)
                lines.add(text, DesignStyle.note)
                flags += 1
            }
            if primaryKey.contains(column.name) { flag("PK") }
            if !column.nullable { flag("NOT NULL") }
            if let value = column.defaultValue { flag("DEFAULT " + value.display) }
            if column.pii { flag("PII") }
            if !column.enumValues.isEmpty { flag("in (" + column.enumValues.joined(separator: ", ") + ")") }
            if flags == 0 { lines.add("", DesignStyle.note) }
            lines.endLine()
        }
        for key in foreignKeys {
            lines.add("  FK ", DesignStyle.note)
            lines.add("(\(key.columns.joined(separator: ", "))) → \(key.referencedTable)(\(key.referencedColumns.joined(separator: ", "))) ON DELETE \(key.onDelete.rawValue)")
            lines.endLine()
        }
        for unique in uniqueConstraints {
            lines.add("  UNIQUE ", DesignStyle.note)
            lines.add("(" + unique.joined(separator: ", ") + ")")
            lines.endLine()
        }
        for index in indexes {
            lines.add("  INDEX ", DesignStyle.note)
            lines.add("\(index.name) (\(index.columns.joined(separator: ", ")))")
            lines.add(index.reason.isEmpty ? "" : " — " + index.reason, DesignStyle.note)
            lines.endLine()
        }
        if primaryKey.count > 1, entity != nil {  // the flags show the columns, not the order of a composite key
            lines.add("  PRIMARY KEY ", DesignStyle.note)
            lines.add("(" + primaryKey.joined(separator: ", ") + ")")
            lines.endLine()
        }
        if let partitioning = partitioning {
            lines.add("  PARTITION ", DesignStyle.note)
            lines.add(partitioning.display)
            lines.endLine()
        }
        if let stream {
            lines.add("  STREAM ", DesignStyle.note)
            lines.add("append-only: written in batches, never updated or deleted by row; old \(partitioning?.interval?.rawValue ?? "time") chunks are dropped whole", DesignStyle.note)
            lines.add(" — \(stream.decision)", DesignStyle.note)
            lines.endLine()
        }
        lines.endLine()
    }
}
