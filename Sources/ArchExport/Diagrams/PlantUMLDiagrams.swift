import ArchModel

/// The PlantUML text of each diagram (PlantUML 1.2020.2; the containers with the C4-PlantUML standard
/// library). Aliases come from indices; every name is an escaped, quoted string.
struct PlantUMLDiagrams: Sendable {
    let design: Design

    func text(of entry: DiagramFiles.Entry) -> String {
        let body: [String]
        switch entry.kind {
        case .containers: body = containers()
        case .entityRelationship: body = entityRelationship()
        case .deployment: body = deployment()
        case .sequence(let index): body = sequence(design.sequences[index])
        }
        return (["@startuml", "title \(Self.escaped(entry.title))"] + body + ["@enduml"]).joined(separator: "\n") + "\n"
    }

    /// Creole markup (`**`, `--`, `//`, `~`), preprocessor (`%`, `$`, `!`) and `\n` are all written as `&#N;`.
    /// PlantUML 1.2020 decodes `&#92;` (`\`) and `&#36;` (`$`) before a regex replacement and then fails on them
    /// ("character to be escaped is missing"), so those two are written as their look-alikes ⧵ and ＄.
    static func escaped(_ text: String) -> String {
        let safe = String(text.map { $0 == "\\" ? "⧵" : $0 == "$" ? "＄" : $0 })
        let result = DiagramText.escaped(safe, keep: ".,()") { "&#\($0);" }
        return result.isEmpty ? "&#32;" : result
    }

    static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    func containers() -> [String] {
        var lines = ["!include <C4/C4_Container>"]
        for (number, component) in design.components.enumerated() {
            let macro: String
            switch component.kind {
            case .database, .replica, .search, .objectStorage: macro = "ContainerDb"
            case .external: macro = "System_Ext"
            default: macro = "Container"
            }
            let description = Self.quoted(component.responsibilities.first ?? "")
            if macro == "System_Ext" {
                lines.append("\(macro)(c\(number), \(Self.quoted(component.name)), \(description))")
            } else {
                lines.append("\(macro)(c\(number), \(Self.quoted(component.name)), \(Self.quoted(component.kind.rawValue)), \(description))")
            }
        }
        for (from, to, dependency) in ComponentIndex(design.components).dependencies {
            let purpose = dependency.purpose.isEmpty ? "uses" : dependency.purpose
            lines.append("Rel(c\(from), c\(to), \(Self.quoted(purpose)), \(Self.quoted(dependency.style.rawValue)))")
        }
        return lines
    }

    func entityRelationship() -> [String] {
        var lines = ["hide circle"]
        let tables = TableIndex(design.tables)
        for (number, table) in design.tables.enumerated() {
            lines.append("entity \(Self.quoted(table.name)) as t\(number) {")
            for column in table.columns {
                let keys = tables.keys(of: column.name, in: table)
                let marker = column.nullable ? "" : "* "
                let stereotypes = keys.map { " &#60;&#60;\($0)&#62;&#62;" }.joined()
                lines.append("  \(marker)\(Self.escaped(column.name)) : \(column.type.rawValue)\(stereotypes)")
            }
            lines.append("}")
        }
        for (child, parent, key) in tables.relations {
            let optional = key.columns.contains { design.tables[child].column($0)?.nullable ?? true }
            lines.append("t\(parent) \(optional ? "|o" : "||")--o{ t\(child) : \(Self.escaped(key.columns.joined(separator: ", ")))")
        }
        return lines
    }

    func deployment() -> [String] {
        var lines: [String] = []
        let names = design.deployment.map(\.name)
        for (placement, members) in DeploymentGroups(design.deployment).groups {
            let indent = placement == nil ? "" : "  "
            if let placement { lines.append("node \(Self.quoted(placement)) as g\(members[0]) {") }
            for number in members {
                let node = design.deployment[number]
                lines.append("\(indent)node \(Self.quoted("\(node.name) (\(node.kind.rawValue), ×\(node.replicas))")) as d\(number)")
            }
            if placement != nil { lines.append("}") }
        }
        for (number, node) in design.deployment.enumerated() {
            for target in node.connectsTo {
                guard let to = names.firstIndex(of: target) else { continue }
                lines.append("d\(number) --> d\(to)")
            }
        }
        return lines
    }

    func sequence(_ diagram: SequenceDiagram) -> [String] {
        let participants = SequenceParticipants(diagram)
        var lines = participants.names.enumerated().map { "participant \(Self.quoted($1)) as p\($0)" }
        var inFailure = false
        for message in diagram.messages {
            if message.isFailure != inFailure {
                lines.append(message.isFailure ? "alt the step before fails" : "end")
                inFailure = message.isFailure
            }
            let arrow = message.isReply ? "-->" : message.isAsync ? "->>" : "->"
            lines.append("\(inFailure ? "  " : "")p\(participants.index(message.from)) \(arrow) p\(participants.index(message.to)) : \(Self.escaped(message.text))")
        }
        if inFailure { lines.append("end") }
        return lines
    }
}
