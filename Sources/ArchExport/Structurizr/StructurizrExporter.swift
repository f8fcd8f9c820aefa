import ArchModel

/// `workspace.dsl`: the design as a Structurizr DSL workspace — a user, one software system whose containers
/// are the components, their dependencies as relationships, the deployment, and context, container and
/// deployment views. Identifiers come from indices (`c0`, `d3`); every name is a quoted, escaped string.
public struct StructurizrExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .structurizr }

    /// `"…"` with `\` and `"` escaped, line breaks and control characters as a space, and `${` split so the
    /// DSL's constant substitution never fires on user text.
    static func quoted(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case _ where scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}":
                if result.last != " " { result += " " }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return "\"" + result.replacingOccurrences(of: "${", with: "$ {").trimmingSpaces() + "\""
    }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        let design = input.design
        var lines = ["workspace \(Self.quoted(design.projectName)) \(Self.quoted("Exported by archtui")) {", "    model {",
                     "        user = person \"User\"",
                     "        system = softwareSystem \(Self.quoted(design.projectName)) {"]
        for (number, component) in design.components.enumerated() {
            lines.append("            c\(number) = container \(Self.quoted(component.name)) \(Self.quoted(component.responsibilities.first ?? "")) \(Self.quoted(component.kind.rawValue))")
        }
        lines.append("        }")
        let entry = design.components.firstIndex { $0.kind == .gateway || $0.kind == .loadBalancer }
            ?? design.components.firstIndex { $0.kind == .service }
        lines.append(entry.map { "        user -> c\($0) \"Uses\"" } ?? "        user -> system \"Uses\"")
        for (from, to, dependency) in ComponentIndex(design.components).dependencies where from != to {
            lines.append("        c\(from) -> c\(to) \(Self.quoted(dependency.purpose.isEmpty ? "uses" : dependency.purpose)) \(Self.quoted(dependency.style.rawValue))")
        }
        lines += deployment(design)
        lines += ["    }", "    views {",
                  "        systemContext system \"context\" {", "            include *", "            autolayout lr", "        }",
                  "        container system \"containers\" {", "            include *", "            autolayout lr", "        }"]
        if !design.deployment.isEmpty {
            lines += ["        deployment system \"Production\" \"deployment\" {", "            include *", "            autolayout lr", "        }"]
        }
        lines += ["        theme default", "    }", "}"]
        return [ExportFile("workspace.dsl", lines.joined(separator: "\n") + "\n")]
    }

    /// One deployment environment; a node per placement holding the deployment nodes, each running the
    /// container of the same name when there is one.
    private func deployment(_ design: Design) -> [String] {
        guard !design.deployment.isEmpty else { return [] }
        var lines = ["        production = deploymentEnvironment \"Production\" {"]
        let containers = Dictionary(design.components.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (placement, members) in DeploymentGroups(design.deployment).groups {
            let indent = placement == nil ? "            " : "                "
            if let placement { lines.append("            g\(members[0]) = deploymentNode \(Self.quoted(placement)) {") }
            for number in members {
                let node = design.deployment[number]
                let description = Self.quoted(node.notes.first ?? "")
                lines.append("\(indent)d\(number) = deploymentNode \(Self.quoted(node.name)) \(description) \(Self.quoted(node.kind.rawValue)) \(max(1, node.replicas)) {")
                if let container = containers[node.name] { lines.append("\(indent)    containerInstance c\(container)") }
                lines.append("\(indent)}")
            }
            if placement != nil { lines.append("            }") }
        }
        let names = design.deployment.map(\.name)
        for (number, node) in design.deployment.enumerated() {
            for target in node.connectsTo {
                guard let to = names.firstIndex(of: target), to != number else { continue }
                lines.append("            d\(number) -> d\(to) \"Connects to\"")
            }
        }
        lines.append("        }")
        return lines
    }
}
