import ArchModel

/// `diagrams/*.mmd`: Mermaid 11 text of the containers, ER, deployment and sequence diagrams.
public struct MermaidExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .mermaid }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        let diagrams = MermaidDiagrams(design: input.design)
        return DiagramFiles(input.design).entries.map { ExportFile("diagrams/\($0.stem).mmd", diagrams.text(of: $0)) }
    }
}

/// `diagrams/*.puml`: the same diagrams in PlantUML, the containers with C4-PlantUML.
public struct PlantUMLExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .plantuml }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        let diagrams = PlantUMLDiagrams(design: input.design)
        return DiagramFiles(input.design).entries.map { ExportFile("diagrams/\($0.stem).puml", diagrams.text(of: $0)) }
    }
}
