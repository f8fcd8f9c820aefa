import ArchModel

/// One export format: a small type that turns the design into the files of that format. Exporters never
/// touch the disk; `ExportWriter` writes what they return, atomically, into the export folder.
public protocol Exporter: Sendable {
    /// The format's name, as `--format` takes it.
    var format: ExportFormat { get }
    /// The files of this format, at paths relative to the export folder. Deterministic: the same input gives
    /// byte-identical files.
    func files(for input: ExportInput) throws -> [ExportFile]
}

/// Everything an exporter may read: the design, the session it was derived from, the method (for the
/// questions' wording) and the session file's text (copied into the export).
public struct ExportInput: Sendable {
    public var design: Design
    public var session: Session
    public var catalogue: Catalogue
    /// The session file as it is on disk (or as it would be written), copied into the export.
    public var sessionFileText: String
    /// The name the copy of the session file gets, e.g. `bookstore.archtui.yaml`.
    public var sessionFileName: String
    /// The formats written in the same export, so design.md links only to files that are there.
    public var formats: [ExportFormat]

    public init(design: Design, session: Session, catalogue: Catalogue, sessionFileText: String, sessionFileName: String,
                formats: [ExportFormat] = ExportFormat.allCases) {
        self.formats = formats
        self.design = design
        self.session = session
        self.catalogue = catalogue
        self.sessionFileText = sessionFileText
        self.sessionFileName = sessionFileName
    }
}

/// A file of an export: where it goes (always inside the export folder) and what it holds.
public struct ExportFile: Hashable, Sendable {
    public var path: ExportPath
    public var contents: String

    public init(path: ExportPath, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// A file at a path made of components archtui chose (fixed names, or names from `FileName`).
    public init(_ path: String, _ contents: String) {
        self.init(path: ExportPath(checked: path), contents: contents)
    }
}

/// The formats `archtui export` writes. Every format's files are listed in docs/export.md.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable, Comparable {
    /// `design.md`: the whole design as a document for review.
    case markdown
    /// `design.txt`: the design as `archtui render` prints it.
    case text
    /// `openapi.yaml` and `openapi.json`: OpenAPI 3.1.
    case openapi
    /// `schema.postgres.sql`, `schema.mysql.sql`, `schema.sqlite.sql`.
    case postgres, mysql, sqlite
    /// `diagrams/*.mmd` and `diagrams/*.puml`.
    case mermaid, plantuml
    /// `schema.dbml`.
    case dbml
    /// `workspace.dsl`: Structurizr DSL.
    case structurizr
    /// `adr/NNNN-title.md`: one MADR 4.0 record per decision.
    case adr
    /// A copy of the session file.
    case session

    /// The files a format writes and what they are for, in a few words (the TUI's export dialog, `--help`).
    public var summary: String {
        switch self {
        case .markdown: "design.md: the whole design, for review"
        case .text: "design.txt: the design as the pane shows it"
        case .openapi: "openapi.yaml, openapi.json: OpenAPI 3.1"
        case .postgres: "schema.postgres.sql: PostgreSQL DDL"
        case .mysql: "schema.mysql.sql: MySQL / MariaDB DDL"
        case .sqlite: "schema.sqlite.sql: SQLite DDL"
        case .mermaid: "diagrams/*.mmd: Mermaid diagrams"
        case .plantuml: "diagrams/*.puml: PlantUML diagrams"
        case .dbml: "schema.dbml: DBML"
        case .structurizr: "workspace.dsl: Structurizr DSL"
        case .adr: "adr/*.md: a MADR decision record per decision"
        case .session: "a copy of the session file"
        }
    }

    public static func < (lhs: ExportFormat, rhs: ExportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// What `--format` takes: a comma-separated list of format names, or `all`; `sql` stands for the three
    /// dialects and `diagrams` for Mermaid and PlantUML.
    public static func parseList(_ text: String) throws -> [ExportFormat] {
        var formats: Set<ExportFormat> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
            switch word {
            case "all": formats.formUnion(allCases)
            case "sql": formats.formUnion([.postgres, .mysql, .sqlite])
            case "diagrams": formats.formUnion([.mermaid, .plantuml])
            case "md": formats.insert(.markdown)
            case "txt": formats.insert(.text)
            default:
                guard let format = ExportFormat(rawValue: word) else {
                    throw ExportError.unknownFormat(word)
                }
                formats.insert(format)
            }
        }
        guard !formats.isEmpty else { throw ExportError.unknownFormat(text) }
        return formats.sorted()
    }
}
