import Foundation
import XCTest

/// `archtui export`, run as a user would, and its files checked by the real consumers
/// (`../shared/tools/validators/validate-export`: openapi-spec-validator, PostgreSQL 15, MariaDB, SQLite,
/// PlantUML, Mermaid in Chromium, markdown-it-py).
final class ExportCommandTests: ArchtuiTestCase {
    override func setUpWithError() throws {
        binary = try archtuiBinaryPath()
    }

    /// The demo, the shipped samples and the sessions written for the export (one of them hostile).
    private var sessions: [(name: String, path: String)] {
        let root = packageRoot()
        return [("demo-shop", "Resources/demo/shop.yaml"),
                ("bookstore", "Resources/examples/bookstore.archtui.yaml"),
                ("clinic-saas", "Resources/examples/clinic-saas.archtui.yaml"),
                ("ridehailing", "Resources/examples/ridehailing.archtui.yaml"),
                ("telemetry", "Tests/ExportSessions/telemetry.archtui.yaml"),
                ("lending", "Tests/ExportSessions/lending.archtui.yaml"),
                ("hostile", "Tests/ExportSessions/hostile.archtui.yaml")]
            .map { ($0.0, root.appendingPathComponent($0.1).path) }
    }

    private func export(_ arguments: [String]) throws -> SpawnResult {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = try makeDirectory()
        let result = try spawn([binary, "export"] + arguments, environment: environment, timeout: 120)
        XCTAssertFalse(result.timedOut, "archtui export \(arguments.joined(separator: " ")) timed out:\n\(result.output)")
        return result
    }

    private func files(in folder: String) throws -> [String] {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder))
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    func testTheExportOfEverySessionPassesTheRealValidators() throws {
        let validator = packageRoot().deletingLastPathComponent().appendingPathComponent("shared/tools/validators/validate-export").path
        guard FileManager.default.isExecutableFile(atPath: validator) else { throw XCTSkip("no validators at \(validator)") }
        let root = try makeDirectory()
        for session in sessions {
            let result = try export([session.path, "--out", root + "/" + session.name])
            XCTAssertEqual(result.status, 0, "\(session.name): \(result.output)")
        }
        // Every file is inside its folder, whatever the hostile session's names were.
        for session in sessions {
            for path in try files(in: root + "/" + session.name) {
                XCTAssertFalse(path.contains(".."), "\(session.name): \(path)")
                XCTAssertTrue(path.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }, "\(session.name): \(path)")
            }
        }
        let run = try spawn([validator, "-o", try makeDirectory(), "--require", "openapi,sql-postgres,sql-sqlite,sql-mysql,mermaid,plantuml,markdown,design.md", root],
                            environment: ProcessInfo.processInfo.environment, timeout: 1500)
        XCTAssertFalse(run.timedOut, "validate-export timed out:\n\(run.output)")
        XCTAssertEqual(run.status, 0, run.output)
        let summary = run.output.split(separator: "\n").last { $0.contains("passed") } ?? ""
        XCTAssertTrue(summary.contains(" 0 failed"), String(summary))
    }

    func testTheSameSessionGivesByteIdenticalFiles() throws {
        let session = sessions[1].path
        let one = try makeDirectory() + "/one", two = try makeDirectory() + "/two"
        XCTAssertEqual(try export([session, "--out", one]).status, 0)
        XCTAssertEqual(try export([session, "--out", two]).status, 0)
        let names = try files(in: one)
        XCTAssertEqual(names, try files(in: two))
        XCTAssertGreaterThan(names.count, 2)
        for name in names {
            XCTAssertEqual(FileManager.default.contents(atPath: one + "/" + name), FileManager.default.contents(atPath: two + "/" + name), name)
        }
        // The copy of the session is the file as it was, comments and all.
        let copy = try XCTUnwrap(names.first { $0.hasSuffix(".archtui.yaml") })
        XCTAssertEqual(FileManager.default.contents(atPath: one + "/" + copy), FileManager.default.contents(atPath: session))
    }

    func testBadArgumentsAndFoldersGetClearErrors() throws {
        let dir = try makeDirectory()
        let session = sessions[1].path
        let unknown = try export([session, "--out", dir + "/x", "--format", "openapi,pdf"])
        XCTAssertEqual(unknown.status, 64, unknown.output)
        XCTAssertTrue(unknown.output.contains("unknown export format 'pdf'"), unknown.output)
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        let file = try export([session, "--out", dir + "/file"])
        XCTAssertEqual(file.status, 73, file.output)
        XCTAssertTrue(file.output.contains("is a file, not a folder"), file.output)
        let missing = try export([dir + "/missing.archtui.yaml", "--out", dir + "/y"])
        XCTAssertEqual(missing.status, 66, missing.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/y"), "nothing written for a missing session")
        // Someone else's file where the export writes: kept, and the export refused until --force.
        try FileManager.default.createDirectory(atPath: dir + "/z", withIntermediateDirectories: true)
        try "mine\n".write(toFile: dir + "/z/design.txt", atomically: true, encoding: .utf8)
        let refused = try export([session, "--out", dir + "/z"])
        XCTAssertEqual(refused.status, 73, refused.output)
        XCTAssertTrue(refused.output.contains("design.txt") && refused.output.contains("--force"), refused.output)
        XCTAssertEqual(try String(contentsOfFile: dir + "/z/design.txt", encoding: .utf8), "mine\n")
        XCTAssertEqual(try export([session, "--out", dir + "/z", "--force"]).status, 0)
        XCTAssertNotEqual(try String(contentsOfFile: dir + "/z/design.txt", encoding: .utf8), "mine\n")
    }
}
