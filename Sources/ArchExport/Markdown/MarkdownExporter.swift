import ArchModel

/// `design.md`: the whole design as one document for review, with the Mermaid diagrams embedded (the same
/// text as the `.mmd` files) and relative links to the files of the other formats written with it.
public struct MarkdownExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .markdown }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        let document = DesignDocument(input: input)
        return [ExportFile("design.md", document.sections.joined(separator: "\n") + "\n")]
    }
}

/// The sections of design.md, each a list of lines; anchors are fixed words or `decision-N`, never user text.
struct DesignDocument: Sendable {
    let input: ExportInput
    var design: Design { input.design }
    private var e: (String) -> String { MarkdownEscape.inline }

    var sections: [String] {
        ["# " + e(design.projectName) + " design", "",
         "[Decisions](#decisions) · [Components](#components) · [API](#api) · [Schema](#schema) · [Diagrams](#diagrams) · "
             + "[Deployment](#deployment) · [Security](#security) · [Capacity](#capacity) · [Findings](#findings) · [Answers](#answers)", ""]
            + files() + decisions() + components() + api() + schema() + diagrams() + deployment() + security() + capacity()
            + findings() + answers()
    }

    /// `| a | b |` with every cell escaped.
    private func row(_ cells: [String]) -> String { "| " + cells.map { e($0) }.joined(separator: " | ") + " |" }
    private func header(_ cells: [String]) -> [String] { [row(cells), "|" + String(repeating: " --- |", count: cells.count)] }

    private func files() -> [String] {
        var links: [String] = []
        let formats = Set(input.formats)
        if formats.contains(.openapi) { links += ["[openapi.yaml](openapi.yaml)", "[openapi.json](openapi.json)"] }
        for dialect in [ExportFormat.postgres, .mysql, .sqlite] where formats.contains(dialect) {
            links.append("[schema.\(dialect.rawValue).sql](schema.\(dialect.rawValue).sql)")
        }
        if formats.contains(.dbml) { links.append("[schema.dbml](schema.dbml)") }
        if formats.contains(.structurizr) { links.append("[workspace.dsl](workspace.dsl)") }
        if formats.contains(.adr), let first = ADRExporter.fileNames(design).first { links.append("[decision records](adr/\(first))") }
        return links.isEmpty ? [] : ["## Files", ""] + links.map { "* " + $0 } + [""]
    }

    private func decisions() -> [String] {
        var lines = ["## Decisions", ""]
        let records = input.formats.contains(.adr) ? ADRExporter.fileNames(design) : []
        for (number, decision) in design.decisions.enumerated() {
            lines += ["<a id=\"decision-\(number + 1)\"></a>", "", "### \(number + 1). " + e(decision.title), "",
                      "Chosen: " + MarkdownEscape.code(decision.choice) + " (" + e(decision.category.rawValue) + ")", "", e(decision.rationale), ""]
            for id in decision.trace.answers {
                let prompt = input.catalogue.question(id: id)?.prompt ?? id
                lines.append("* answer: " + e(prompt) + " — " + e(input.session[id].map { ADRRecord.answerText($0, of: input.catalogue.question(id: id)) } ?? "not answered"))
            }
            lines += decision.trace.rules.map { "* rule " + MarkdownEscape.code($0) }
            lines += decision.alternatives.map { "* rejected " + MarkdownEscape.code($0.choice) + ": " + e(ADRRecord.reason($0.reason)) }
            if number < records.count { lines.append("* record: [adr/\(records[number])](adr/\(records[number]))") }
            lines.append("")
        }
        return lines
    }

    private func components() -> [String] {
        var lines = ["## Components", ""] + header(["Component", "Kind", "Responsibilities", "Interfaces", "Depends on"])
        for component in design.components {
            lines.append(row([component.name, component.kind.rawValue, component.responsibilities.joined(separator: "; "),
                              component.interfaces.map(\.description).joined(separator: "; "),
                              component.dependencies.map { "\($0.target) (\($0.style.rawValue))" }.joined(separator: "; ")]))
        }
        return lines + [""]
    }

    private func api() -> [String] {
        var lines = ["## API", ""] + header(["Method", "Path", "Summary", "Responses"])
        for endpoint in design.endpoints {
            lines.append(row([endpoint.method, endpoint.path, endpoint.summary,
                              endpoint.responses.map { "\($0.status) \($0.description)" }.joined(separator: "; ")]))
        }
        lines.append("")
        for endpoint in design.endpoints where endpoint.requestExample != nil || endpoint.responseExample != nil {
            lines += ["**" + e("\(endpoint.method) \(endpoint.path)") + "**", ""]
            if let request = endpoint.requestExample { lines += ["Request:", ""] + Self.fenced(request, "json") + [""] }
            if let response = endpoint.responseExample { lines += ["Response:", ""] + Self.fenced(response, "json") + [""] }
        }
        return lines
    }

    /// A code block whose fence is longer than any backtick run inside.
    static func fenced(_ text: String, _ language: String) -> [String] {
        var longest = 0, run = 0
        for byte in text.utf8 { run = byte == UInt8(ascii: "`") ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        // The text whole, its lines and all: the document's lines are joined with line feeds.
        return [fence + language, text, fence]
    }

    private func schema() -> [String] {
        var lines = ["## Schema", ""]
        let index = TableIndex(design.tables)
        for table in design.tables {
            lines += ["**" + e(table.name) + "**", ""] + header(["Column", "Type", "Null", "Default", "Keys"])
            for column in table.columns {
                lines.append(row([column.name, column.type.rawValue, column.nullable ? "yes" : "no", column.defaultValue?.display ?? "",
                                  index.keys(of: column.name, in: table).joined(separator: ", ")]))
            }
            lines.append("")
            lines += table.foreignKeys.map { "* foreign key " + e("(\($0.columns.joined(separator: ", "))) → \($0.referencedTable)") }
            lines += table.indexes.map { "* index " + e("\($0.name) (\($0.columns.joined(separator: ", ")))\($0.unique ? " unique" : "") \($0.reason)") }
            if let partitioning = table.partitioning { lines.append("* partitioned: " + e(partitioning.display)) }
            lines.append("")
        }
        return lines
    }

    private func diagrams() -> [String] {
        var lines = ["## Diagrams", ""]
        let mermaid = MermaidDiagrams(design: design)
        for entry in DiagramFiles(design).entries {
            lines += ["**" + e(entry.title) + "**", ""]
            var links: [String] = []
            if input.formats.contains(.mermaid) { links.append("[diagrams/\(entry.stem).mmd](diagrams/\(entry.stem).mmd)") }
            if input.formats.contains(.plantuml) { links.append("[diagrams/\(entry.stem).puml](diagrams/\(entry.stem).puml)") }
            if !links.isEmpty { lines += [links.joined(separator: " · "), ""] }
            lines += Self.fenced(String(mermaid.text(of: entry).dropLast()), "mermaid") + [""]
        }
        return lines
    }

    private func deployment() -> [String] {
        var lines = ["## Deployment", ""] + header(["Node", "Kind", "Replicas", "Placement", "Notes", "Connects to"])
        for node in design.deployment {
            lines.append(row([node.name, node.kind.rawValue, String(node.replicas), node.placement,
                              node.notes.joined(separator: "; "), node.connectsTo.joined(separator: ", ")]))
        }
        return lines + [""]
    }

    private func security() -> [String] {
        ["## Security", ""] + header(["Topic", "Measure", "OWASP API Top 10"])
            + design.security.map { row([$0.topic, $0.text, $0.owasp.joined(separator: "; ")]) } + [""]
    }

    private func capacity() -> [String] {
        ["## Capacity", ""] + header(["Figure", "Value", "Arithmetic"])
            + design.capacity.map { row([$0.label, $0.value, $0.arithmetic]) } + [""]
    }

    private func findings() -> [String] {
        ["## Findings", ""] + header(["Severity", "Finding", "About", "Fix"])
            + design.findings.map { row([$0.severity.rawValue, $0.title, $0.subject, $0.fix]) } + [""]
    }

    private func answers() -> [String] {
        var lines = ["## Answers", ""] + header(["Question", "Answer"])
        for question in input.catalogue.questions {
            guard let answer = input.session[question.id], !answer.isEmpty else { continue }
            lines.append(row([question.prompt, ADRRecord.answerText(answer, of: question)]))
        }
        return lines + [""]
    }
}
