@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import XCTest

/// The three SQL dialects and DBML, checked by the real engines and linters on the demo, the samples and a
/// hostile session; the name builder by a property run; the demo's files by goldens.
final class SQLExportTests: XCTestCase {
    /// Every session's files, made once.
    private static let exported: Result<[(String, [String: String])], Error> = Result {
        try SQLExportSupport.sessions().map { ($0.0, try SQLExportSupport.files(of: $0.1)) }
    }

    private func allFiles(_ suffix: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for (name, exported) in try Self.exported.get() {
            guard let contents = exported["schema." + suffix] else { XCTFail("\(name) has no schema.\(suffix)"); continue }
            files["\(name).\(suffix)"] = contents
        }
        return files
    }

    private func validate(_ dialect: String, _ suffix: String) throws {
        let validator = try SQLExportSupport.validator("validate-sql-\(dialect)")
        let folder = try SQLExportSupport.folder(try allFiles(suffix))
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        let result = try SQLExportSupport.run(validator, paths)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertFalse(result.output.contains("sqlglot"), "validated by the real engine, not the parser fallback:\n\(result.output)")
    }

    func testPostgreSQLAcceptsEverySession() throws { try validate("postgres", "postgres.sql") }
    func testMariaDBAcceptsEverySession() throws { try validate("mysql", "mysql.sql") }
    func testSQLiteAcceptsEverySession() throws { try validate("sqlite", "sqlite.sql") }

    /// Rules excluded, each with its reason in docs/export/sql.md.
    static let squawkExcluded = ["prefer-bigint-over-int", "prefer-robust-stmts", "require-concurrent-index-creation",
                                 "require-lock-timeout", "require-statement-timeout", "constraint-missing-not-valid",
                                 "adding-foreign-key-constraint"]

    func testSquawkFindsNothingOutsideTheDocumentedExclusions() throws {
        guard let squawk = SQLExportSupport.onPath("squawk") else { throw XCTSkip("squawk is not installed") }
        let folder = try SQLExportSupport.folder(try allFiles("postgres.sql"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        let result = try SQLExportSupport.run(squawk, ["--exclude=" + Self.squawkExcluded.joined(separator: ",")] + paths)
        XCTAssertEqual(result.status, 0, result.output)
        let docs = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/export/sql.md"), encoding: .utf8)
        for rule in Self.squawkExcluded { XCTAssertTrue(docs.contains("`\(rule)`"), "docs/export/sql.md explains \(rule)") }
    }

    func testPyDBMLParsesEverySessionWithoutDanglingReferences() throws {
        guard let python = SQLExportSupport.onPath("python3") else { throw XCTSkip("python3 is not installed") }
        guard try SQLExportSupport.run(python, ["-c", "import pydbml"]).status == 0 else { throw XCTSkip("pydbml is not installed") }
        let folder = try SQLExportSupport.folder(try allFiles("dbml"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
        import sys, glob
        from pydbml import PyDBML
        for path in sorted(glob.glob(sys.argv[1] + '/*.dbml')):
            db = PyDBML(open(path).read())
            names = {t.name for t in db.tables}
            assert db.tables, path + ': no tables'
            for ref in db.refs:
                for c in ref.col1 + ref.col2:
                    assert c.table.name in names, path + ': dangling ' + c.table.name
            print(path, len(db.tables), 'tables', len(db.refs), 'refs')
        """
        let result = try SQLExportSupport.run(python, ["-c", script, folder.path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(result.output.split(separator: "\n").count, try Self.exported.get().count, result.output)
    }

    func testExportingTwiceGivesTheSameBytes() throws {
        let session = SQLExportSupport.hostileSession()
        XCTAssertEqual(try SQLExportSupport.files(of: session), try SQLExportSupport.files(of: session))
    }

    func testDemoGoldens() throws {
        let files = try XCTUnwrap(try Self.exported.get().first { $0.0 == "demo-shop" }?.1)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens/demo-shop")
        for name in ["schema.postgres.sql", "schema.mysql.sql", "schema.sqlite.sql", "schema.dbml"] {
            let actual = try XCTUnwrap(files[name])
            let url = folder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["ARCHTUI_RECORD_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(name) differs from its golden; read the diff, then ARCHTUI_RECORD_GOLDENS=1")
        }
    }

    /// The hostile names come out quoted and escaped: no statement is ever made of a name.
    func testHostileNamesStayIdentifiers() throws {
        let files = try XCTUnwrap(try Self.exported.get().first { $0.0 == "hostile-sql" }?.1)
        let postgres = try XCTUnwrap(files["schema.postgres.sql"]), mysql = try XCTUnwrap(files["schema.mysql.sql"])
        XCTAssertTrue(postgres.contains("CREATE TABLE \"orders\""))
        XCTAssertTrue(postgres.contains("\"select\" text NOT NULL"))
        XCTAssertTrue(postgres.contains("'it''s'"))
        XCTAssertTrue(mysql.contains("'back\\\\slash'"), "MySQL doubles backslashes in literals")
        for contents in files.values {
            XCTAssertFalse(contents.contains("DROP TABLE x;\n"), "a name never ends a statement")
            XCTAssertFalse(contents.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        }
        XCTAssertTrue(postgres.contains("PARTITION BY RANGE"), "the hostile session's volumes partition a table")
        XCTAssertTrue(postgres.contains("ALTER TABLE"), "the group/select cycle is closed with ALTER TABLE")
    }

    /// Renames made by the derivation are findings that say old → new and why.
    func testEveryRenameIsAFinding() throws {
        let design = try DesignBuilder.standard().build(SQLExportSupport.hostileSession())
        let renames = design.tables.flatMap(\.renames)
        XCTAssertFalse(renames.isEmpty)
        let findings = design.findings.filter { $0.id == "data.identifier-renamed" }
        for rename in renames {
            XCTAssertTrue(findings.contains { $0.detail.contains("\(rename.old) → \(rename.new)") }, rename.sentence)
        }
        XCTAssertTrue(renames.contains { $0.kind == "column" && $0.new == "name_2" && $0.reason == .taken })
        XCTAssertTrue(renames.contains { $0.reason == .tooLong(limit: 63) })
        for table in design.tables {
            for name in [table.name] + table.columns.map(\.name) + table.indexes.map(\.name) + table.foreignKeys.map(\.name) {
                XCTAssertLessThanOrEqual(name.utf8.count, 63, name)
            }
        }
    }
}
