import ArchModel

/// The Mermaid text of each diagram (Mermaid 11). Identifiers are made from indices (`c0`, `t3`, `p1`), never
/// from names; every name is a quoted, escaped label.
struct MermaidDiagrams: Sendable {
    let design: Design

    func text(of entry: DiagramFiles.Entry) -> String {
        switch entry.kind {
        case .containers: return containers()
        case .entityRelationship: return entityRelationship()
        case .deployment: return deployment()
        case .sequence(let index): return sequence(design.sequences[index])
        }
    }

    /// `"label"` with quotes and other syntax as Mermaid character references.
    static func label(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    static func escaped(_ text: String) -> String {
        let result = DiagramText.escaped(text, keep: ".,_-/()") { "#\($0);" }
        return result.isEmpty ? "#32;" : result
    }

    /// Components and their dependencies; stores get a cylinder, brokers a queue-like shape.
    func containers() -> String {
        var lines = ["flowchart LR"]
        let index = ComponentIndex(design.components)
        for (number, component) in design.components.enumerated() {
            let label = Self.label("\(component.name) (\(component.kind.rawValue))")
            switch component.kind {
            case .database, .replica, .search, .objectStorage: lines.append("    c\(number)[(\(label))]")
            case .broker: lines.append("    c\(number)[[\(label)]]")
            case .external: lines.append("    c\(number)>\(label)]")
            default: lines.append("    c\(number)[\(label)]")
            }
        }
        for (from, to, dependency) in index.dependencies {
            let arrow = dependency.style == .async ? "-.->" : "-->"
            let text = dependency.purpose.isEmpty ? dependency.style.rawValue : "\(dependency.purpose) (\(dependency.style.rawValue))"
            lines.append("    c\(from) \(arrow)|\(Self.label(text))| c\(to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Tables with their columns (PK, FK, UK) and one relationship per foreign key.
    func entityRelationship() -> String {
        var lines = ["erDiagram"]
        let tables = TableIndex(design.tables)
        for (number, table) in design.tables.enumerated() {
            lines.append("    t\(number)[\(Self.label(table.name))] {")
            for (position, column) in table.columns.enumerated() {
                let keys = tables.keys(of: column.name, in: table)
                let name = DiagramText.isPlainIdentifier(column.name) ? column.name : "column_\(position + 1)"
                var comment = DiagramText.isPlainIdentifier(column.name) ? "" : column.name
                if !column.nullable, !table.primaryKey.contains(column.name) { comment += comment.isEmpty ? "not null" : ", not null" }
                let suffix = (keys.isEmpty ? "" : " " + keys.joined(separator: ", ")) + (comment.isEmpty ? "" : " " + Self.label(comment))
                lines.append("        \(column.type.rawValue) \(name)\(suffix)")
            }
            lines.append("    }")
        }
        for (child, parent, key) in tables.relations {
            let childTable = design.tables[child]
            let optional = key.columns.contains { childTable.column($0)?.nullable ?? true }
            lines.append("    t\(parent) \(optional ? "|o" : "||")--o{ t\(child) : \(Self.label(key.columns.joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Deployment nodes, grouped by where they run, with their replicas and connections.
    func deployment() -> String {
        var lines = ["flowchart TB"]
        let names = design.deployment.map(\.name)
        for (placement, members) in DeploymentGroups(design.deployment).groups {
            if let placement { lines.append("    subgraph g\(members[0])[\(Self.label(placement))]") }
            for number in members {
                let node = design.deployment[number]
                lines.append("    \(placement == nil ? "" : "    ")d\(number)[\(Self.label("\(node.name) (\(node.kind.rawValue), ×\(node.replicas))"))]")
            }
            if placement != nil { lines.append("    end") }
        }
        for (number, node) in design.deployment.enumerated() {
            for target in node.connectsTo {
                guard let to = names.firstIndex(of: target) else { continue }
                lines.append("    d\(number) --> d\(to)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Participants in order, each message an arrow; a run of failure messages is an `alt` block.
    func sequence(_ diagram: SequenceDiagram) -> String {
        var lines = ["sequenceDiagram"]
        let participants = SequenceParticipants(diagram)
        for (number, name) in participants.names.enumerated() {
            lines.append("    participant p\(number) as \(Self.escaped(name))")
        }
        var inFailure = false
        for message in diagram.messages {
            if message.isFailure != inFailure {
                lines.append(message.isFailure ? "    alt the step before fails" : "    end")
                inFailure = message.isFailure
            }
            let arrow = message.isReply ? "-->>" : message.isAsync ? "-)" : "->>"
            let indent = inFailure ? "        " : "    "
            lines.append("\(indent)p\(participants.index(message.from))\(arrow)p\(participants.index(message.to)): \(Self.escaped(message.text))")
        }
        if inFailure { lines.append("    end") }
        return lines.joined(separator: "\n") + "\n"
    }
}
