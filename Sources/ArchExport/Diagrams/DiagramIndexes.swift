import ArchModel

/// Components by name, and the dependencies whose target is a component of the design (by index).
struct ComponentIndex: Sendable {
    let dependencies: [(from: Int, to: Int, dependency: Dependency)]

    init(_ components: [Component]) {
        var numbers: [String: Int] = [:]
        for (number, component) in components.enumerated() where numbers[component.name] == nil { numbers[component.name] = number }
        dependencies = components.enumerated().flatMap { from, component in
            component.dependencies.compactMap { dependency in numbers[dependency.target].map { (from, $0, dependency) } }
        }
    }
}

/// Tables by name: which key a column takes part in, and each foreign key as (child, parent) indices.
struct TableIndex: Sendable {
    let relations: [(child: Int, parent: Int, key: ForeignKey)]

    init(_ tables: [Table]) {
        var numbers: [String: Int] = [:]
        for (number, table) in tables.enumerated() where numbers[table.name] == nil { numbers[table.name] = number }
        relations = tables.enumerated().flatMap { child, table in
            table.foreignKeys.compactMap { key in numbers[key.referencedTable].map { (child, $0, key) } }
        }
    }

    /// `PK`, `FK`, `UK` as Mermaid and the Markdown tables write them.
    func keys(of column: String, in table: Table) -> [String] {
        var keys: [String] = []
        if table.primaryKey.contains(column) { keys.append("PK") }
        if table.foreignKeys.contains(where: { $0.columns.contains(column) }) { keys.append("FK") }
        if table.uniqueConstraints.contains(where: { $0.contains(column) }) || table.indexes.contains(where: { $0.unique && $0.columns == [column] }) {
            keys.append("UK")
        }
        return keys
    }
}

/// Deployment nodes grouped by placement, in order of first appearance; nodes without one stand alone.
struct DeploymentGroups: Sendable {
    let groups: [(placement: String?, members: [Int])]

    init(_ nodes: [DeploymentNode]) {
        var groups: [(placement: String?, members: [Int])] = []
        for (number, node) in nodes.enumerated() {
            let placement = node.placement.trimmingSpaces().isEmpty ? nil : node.placement
            if let placement, let group = groups.firstIndex(where: { $0.placement == placement }) {
                groups[group].members.append(number)
            } else {
                groups.append((placement, [number]))
            }
        }
        self.groups = groups
    }
}

/// A sequence's participants: the declared ones, then any a message names that is not declared.
struct SequenceParticipants: Sendable {
    let names: [String]

    init(_ diagram: SequenceDiagram) {
        var names: [String] = []
        for name in diagram.participants + diagram.messages.flatMap({ [$0.from, $0.to] }) where !names.contains(name) {
            names.append(name)
        }
        self.names = names
    }

    func index(_ name: String) -> Int { names.firstIndex(of: name) ?? 0 }
}
