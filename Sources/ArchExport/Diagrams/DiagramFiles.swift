import ArchModel

/// The diagrams of a design and their file names (without extension), shared by the Mermaid and PlantUML
/// exporters and by design.md, which links to them and embeds the Mermaid text.
struct DiagramFiles: Sendable {
    /// One diagram: its file name stem and title.
    struct Entry: Hashable, Sendable {
        enum Kind: Hashable, Sendable {
            case containers, entityRelationship, deployment
            /// `design.sequences[index]`.
            case sequence(Int)
        }
        var kind: Kind
        var stem: String
        var title: String
    }

    let entries: [Entry]

    /// The containers, ER and deployment diagrams when the design has what they show, then one per sequence.
    /// Sequence titles are user text: their stems come from `FileName.distinctSlugs`, after the fixed names.
    init(_ design: Design) {
        var fixed: [Entry] = []
        if !design.components.isEmpty { fixed.append(Entry(kind: .containers, stem: "containers", title: "Containers")) }
        if !design.tables.isEmpty { fixed.append(Entry(kind: .entityRelationship, stem: "er", title: "Entity relationships")) }
        if !design.deployment.isEmpty { fixed.append(Entry(kind: .deployment, stem: "deployment", title: "Deployment")) }
        let names = fixed.map(\.stem) + design.sequences.map { "sequence " + $0.title }
        let slugs = FileName.distinctSlugs(names)
        entries = fixed + design.sequences.indices.map { index in
            Entry(kind: .sequence(index), stem: slugs[fixed.count + index], title: design.sequences[index].title)
        }
    }
}
