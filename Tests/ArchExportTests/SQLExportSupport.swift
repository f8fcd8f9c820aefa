@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import TestSupport
import XCTest

/// Sessions to export, the SQL and DBML files of a session, and the real validators run on them.
enum SQLExportSupport {
    static let exporters: [any Exporter] = [PostgresExporter(), MySQLExporter(), SQLiteExporter(), DBMLExporter()]

    /// The files of the four formats, by path.
    static func files(of session: Session) throws -> [String: String] {
        let builder = try DesignBuilder.standard()
        let design = try builder.build(session)
        let input = ExportInput(design: design, session: session, catalogue: builder.catalogue, sessionFileText: "",
                                sessionFileName: "session.archtui.yaml")
        var files: [String: String] = [:]
        for exporter in exporters {
            for file in try exporter.files(for: input) { files[file.path.description] = file.contents }
        }
        return files
    }

    /// The demo, the shipped samples and the hostile session, by name.
    static func sessions() throws -> [(String, Session)] {
        [("demo-shop", try Demo.session())] + (try SampleSessions.all()).map { ($0.name, $0.session) } + [("hostile-sql", hostileSession())]
    }

    /// Names chosen to break DDL: reserved words, quotes and semicolons, `../`, non-Latin letters, 70-character
    /// names, names differing only by case, self-relations, a cycle, many-to-many, enough rows to partition.
    static func hostileSession() -> Session {
        let long = String(repeating: "VeryLongEntityName", count: 4)  // 72 characters
        let longField = String(repeating: "extremely_long_field_", count: 4)  // 84 characters
        let entities = [
            Entity(name: "order", fields: [
                Field(name: "select", type: .string, required: true, indexed: true),
                Field(name: "group", type: .enumeration, enumValues: ["new", "it's", "a;b", "c\"d", "back\\slash"], defaultValue: "it's"),
                Field(name: "Name", type: .string, length: 80), Field(name: "name", type: .text, unique: true),
                Field(name: "order; DROP TABLE x", type: .integer, defaultValue: "0"),
                Field(name: longField, type: .decimal, precision: 12, scale: 2, defaultValue: "1.50"),
                Field(name: "placedAt", type: .timestamp, required: true, defaultValue: "now"),
                Field(name: "paid", type: .boolean, defaultValue: "true"),
                Field(name: "../../etc/passwd", type: .json),
            ], relations: [
                Relation(kind: .belongsTo, target: "user", required: true),
                Relation(kind: .belongsTo, target: "order", name: "previous", onDelete: .setNull),
                Relation(kind: .hasMany, target: "order_line"),
            ]),
            Entity(name: "order_line", fields: [Field(name: "quantity", type: .integer, required: true),
                                                Field(name: "createdOn", type: .date, defaultValue: "now")]),
            Entity(name: "user", fields: [Field(name: "email", type: .email, required: true, unique: true, pii: true),
                                          Field(name: "Email", type: .string), Field(name: "注文", type: .string),
                                          Field(name: "Ünïcödé", type: .string)],
                   relations: [Relation(kind: .manyToMany, target: "group"), Relation(kind: .manyToMany, target: "user", name: "follows")]),
            Entity(name: "group", fields: [Field(name: "title", type: .string)],
                   relations: [Relation(kind: .belongsTo, target: "select", required: false)]),
            Entity(name: "select", fields: [Field(name: "where", type: .string)],
                   relations: [Relation(kind: .belongsTo, target: "group", required: false)]),
            Entity(name: "Quote\"Name'; --", fields: [Field(name: "value`tick", type: .string)]),
            Entity(name: "注文", fields: [Field(name: "数量", type: .integer)], relations: [Relation(kind: .belongsTo, target: "order")]),
            Entity(name: long, fields: [Field(name: longField, type: .string, indexed: true)],
                   relations: [Relation(kind: .belongsTo, target: long + "Parent", required: true)]),
            Entity(name: long + "Parent", fields: [Field(name: "title", type: .string)]),
            Entity(name: "AuditLog", fields: [Field(name: "happenedAt", type: .timestamp)], relations: [Relation(kind: .belongsTo, target: "user")]),
        ]
        return Session(projectName: "Hostile \"SQL\"; DROP TABLE x; --", answers: [
            "requirements.records_first_year": .number(2_000_000_000), "requirements.retention_years": .number(3),
        ], entities: entities)
    }

    /// `../shared/tools/validators/NAME`, beside the repository.
    static func validator(_ name: String) throws -> String {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = repo.deletingLastPathComponent().appendingPathComponent("shared/tools/validators/\(name)").path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("\(name) is not installed at \(path)") }
        return path
    }

    /// Runs `executable arguments…`; its exit status and output.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The first of `names` found on PATH.
    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes `files` (name → contents) into a new temporary folder; its path.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sql-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in files { try contents.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }
}
