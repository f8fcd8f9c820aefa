@testable import ArchExport
import ArchModel
import Foundation
import XCTest

/// The export folder is written atomically, and files archtui did not write are never overwritten or removed.
final class ExportWriterTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("export-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ files: [String: String], format: ExportFormat = .text, to folder: String, force: Bool = false) throws -> ExportWriter.Result {
        let exported = files.sorted { $0.key < $1.key }.map { (ExportFile($0.key, $0.value), format) }
        return try ExportWriter(force: force).write(exported, manifest: ExportManifest(project: "P", formats: [format], files: exported), to: folder)
    }

    private func read(_ path: String) -> String? { try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    private func listing(_ folder: String) throws -> [String] { try ExportWriter.regularFiles(in: root.appendingPathComponent(folder)) }

    func testANewFolderGetsTheFilesAndAManifestAndNothingIsLeftBeside() throws {
        let result = try write(["design.txt": "one\n", "diagrams/er.mmd": "erDiagram\n"], to: root.appendingPathComponent("out").path)
        XCTAssertEqual(result.files, ["archtui-export.json", "design.txt", "diagrams/er.mmd"])
        XCTAssertEqual(try listing("out"), ["archtui-export.json", "design.txt", "diagrams/er.mmd"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"], "no temporary folder left")
        let manifest = try XCTUnwrap(ExportManifest.decode(Data(contentsOf: root.appendingPathComponent("out/archtui-export.json"))))
        XCTAssertEqual(manifest.files.map(\.path), ["design.txt", "diagrams/er.mmd"])
        XCTAssertEqual(manifest.files.first?.xxh64, ContentHash.hex("one\n"))
        XCTAssertNil(manifest.files.first?.fnv1a64, "new manifests hold one hash")
    }

    func testXXH64GivesTheValuesOfTheReferenceImplementation() {
        // From Python's xxhash (the reference C library): every branch of the algorithm (under 32 bytes, the
        // four lanes, the 8-, 4- and 1-byte tails).
        let cases: [(String, String)] = [
            ("", "ef46db3751d8e999"), ("a", "d24ec4f1a98c6e5b"), ("abc", "44bc2cf5ad770999"),
            ("0123456789abcdef0123456789abcde", "1fdfc63febacfde7"),
            ("0123456789abcdef0123456789abcdef" + String(repeating: "xyz", count: 7), "c16ef2a18ffe53aa"),
        ]
        for (text, hex) in cases { XCTAssertEqual(ContentHash.hex(text), hex, "\(text.count) bytes") }
        XCTAssertEqual(ContentHash.hex(Data((0..<768).map { UInt8($0 % 256) })), "8e03c838c596036f")
    }

    func testAnExportOverOneWhoseManifestIsVersion1ReplacesItsUnchangedFilesAndKeepsChangedOnes() throws {
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "one\n".write(to: out.appendingPathComponent("design.txt"), atomically: true, encoding: .utf8)
        try "edited\n".write(to: out.appendingPathComponent("schema.dbml"), atomically: true, encoding: .utf8)
        // As the first manifests were written: FNV-1a hashes; schema.dbml was changed since.
        let old = """
            {"files":[{"bytes":4,"fnv1a64":"\(StableHash.hex("one\n"))","format":"text","path":"design.txt"},
            {"bytes":7,"fnv1a64":"\(StableHash.hex("before\n"))","format":"dbml","path":"schema.dbml"}],
            "formats":["text","dbml"],"generator":"archtui","manifestVersion":1,"project":"x"}
            """
        try old.write(to: out.appendingPathComponent(ExportManifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(["design.txt": "two\n", "schema.dbml": "new\n"], to: out.path), "the edited file is not archtui's now") { error in
            XCTAssertEqual(error as? ExportError, .foreignFiles(folder: out.path, files: ["schema.dbml"]))
        }
        _ = try write(["design.txt": "two\n"], to: out.path)
        XCTAssertEqual(read("out/design.txt"), "two\n", "the unchanged file of the old manifest is archtui's")
        XCTAssertEqual(read("out/schema.dbml"), "edited\n")
    }

    func testAFileWrittenAgainUnchangedKeepsItsModificationTimeAndAChangedOneIsRewritten() throws {
        let out = root.appendingPathComponent("out")
        _ = try write(["design.txt": "same\n", "schema.dbml": "one\n"], to: out.path)
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for name in ["design.txt", "schema.dbml"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: out.appendingPathComponent(name).path)
        }
        // The manifest's hashes say the files are as written, whatever their dates.
        _ = try write(["design.txt": "same\n", "schema.dbml": "two\n"], to: out.path)
        func modified(_ name: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        XCTAssertEqual(try modified("design.txt"), old, "the same bytes again: the file is the one written before")
        XCTAssertNotEqual(try modified("schema.dbml"), old)
        XCTAssertEqual(read("out/design.txt"), "same\n")
        XCTAssertEqual(read("out/schema.dbml"), "two\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"], "no temporary folder left")
    }

    func testAFileReplacedByASymbolicLinkToTheSameBytesIsWrittenAsAFileNotLinked() throws {
        let out = root.appendingPathComponent("out")
        _ = try write(["design.txt": "same\n"], to: out.path)
        let elsewhere = root.appendingPathComponent("elsewhere.txt")
        try "same\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: out.appendingPathComponent("design.txt"))
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("design.txt"), withDestinationURL: elsewhere)
        _ = try write(["design.txt": "same\n"], to: out.path)
        let type = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("design.txt").path)[.type] as? FileAttributeType
        XCTAssertEqual(type, .typeRegular, "the export holds its own file, not a link to somewhere else")
        XCTAssertEqual(read("out/design.txt"), "same\n")
    }

    func testAFileEditedSinceIsNotTakenOverEvenWhenTheExportWouldWriteWhatTheManifestSays() throws {
        let out = root.appendingPathComponent("out")
        _ = try write(["design.txt": "same\n"], to: out.path)
        try "mine\n".write(to: out.appendingPathComponent("design.txt"), atomically: false, encoding: .utf8)
        _ = try write(["design.txt": "same\n"], to: out.path, force: true)
        XCTAssertEqual(read("out/design.txt"), "same\n", "with --force the export's bytes, never the edited file's")
    }

    func testASecondExportReplacesArchtuisFilesAndKeepsEveryoneElses() throws {
        let out = root.appendingPathComponent("out").path
        _ = try write(["design.txt": "one\n", "old.txt": "gone next time\n"], to: out)
        try "mine\n".write(toFile: out + "/notes.md", atomically: true, encoding: .utf8)
        let result = try write(["design.txt": "two\n"], to: out)
        XCTAssertEqual(read("out/design.txt"), "two\n")
        XCTAssertNil(read("out/old.txt"), "archtui's own file that the new export does not write goes")
        XCTAssertEqual(read("out/notes.md"), "mine\n", "someone else's file stays")
        XCTAssertEqual(result.kept, ["notes.md"])
    }

    func testAFileSomeoneElseWroteOrChangedIsNotOverwrittenWithoutForce() throws {
        let out = root.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "their own\n".write(toFile: out + "/design.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(["design.txt": "archtui's\n"], to: out)) { error in
            XCTAssertEqual(error as? ExportError, .foreignFiles(folder: out, files: ["design.txt"]))
        }
        XCTAssertEqual(read("out/design.txt"), "their own\n")
        _ = try write(["design.txt": "archtui's\n"], to: out, force: true)
        XCTAssertEqual(read("out/design.txt"), "archtui's\n")
        // Written by archtui, then edited by hand: changed since, so it is not archtui's to replace any more.
        try "archtui's, edited\n".write(toFile: out + "/design.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(["design.txt": "new\n"], to: out))
        XCTAssertEqual(read("out/design.txt"), "archtui's, edited\n")
    }

    func testAFormatNotExportedThisTimeKeepsItsFilesFromTheLastExport() throws {
        let out = root.appendingPathComponent("out").path
        _ = try write(["openapi.yaml": "openapi: 3.1.0\n"], format: .openapi, to: out)
        _ = try write(["design.txt": "text\n"], format: .text, to: out)
        XCTAssertEqual(read("out/openapi.yaml"), "openapi: 3.1.0\n")
        let manifest = try XCTUnwrap(ExportManifest.decode(Data(contentsOf: root.appendingPathComponent("out/archtui-export.json"))))
        XCTAssertEqual(manifest.files.map(\.path), ["design.txt", "openapi.yaml"])
        XCTAssertEqual(manifest.formats, ["text", "openapi"])
    }

    func testAPathThatIsAFileIsRefused() throws {
        let file = root.appendingPathComponent("file").path
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(["design.txt": "x"], to: file)) { XCTAssertEqual($0 as? ExportError, .notAFolder(file)) }
    }

    /// Runs a command; its exit status.
    @discardableResult
    private func run(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAnUnwritableParentLeavesThePreviousExportIntactAndSaysWhy() throws {
        let parent = root.appendingPathComponent("parent")
        let out = parent.appendingPathComponent("out").path
        _ = try write(["design.txt": "one\n"], to: out)
        // Root writes through permissions; an immutable folder (ext4, xfs) stops root too.
        let locked: Bool
        if getuid() == 0 {
            locked = run("chattr", "+i", parent.path) == 0
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
            locked = true
        }
        guard locked else { throw XCTSkip("cannot make a folder unwritable here (chattr +i failed)") }
        defer {
            if getuid() == 0 { run("chattr", "-i", parent.path) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path)
        }
        XCTAssertThrowsError(try write(["design.txt": "two\n"], to: out)) { error in
            guard case .cannotWrite(let path, let reason)? = error as? ExportError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, out)
            XCTAssertTrue(reason.contains("permission") || reason.contains("not permitted"), reason)
        }
        XCTAssertEqual(read("parent/out/design.txt"), "one\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"])
    }

    func testAFullDiskLeavesThePreviousExportIntactAndSaysWhy() throws {
        let small = root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        guard getuid() == 0, run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path) == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root and mount rights)")
        }
        defer { run("umount", small.path) }
        let out = small.appendingPathComponent("out").path
        _ = try write(["design.txt": "one\n"], to: out)
        let big = String(repeating: "x", count: 200_000)
        XCTAssertThrowsError(try write(["design.txt": "two\n", "big.txt": big], to: out)) { error in
            guard case .cannotWrite(_, let reason)? = error as? ExportError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("space"), reason)
        }
        XCTAssertEqual(read("small/out/design.txt"), "one\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: small.path), ["out"], "the half-written folder is gone")
    }

    func testAFailureHalfWayLeavesNoHalfWrittenFolderAndThePreviousExportIntact() throws {
        let out = root.appendingPathComponent("out").path
        _ = try write(["design.txt": "one\n"], to: out)
        // A foreign file where the new export needs a folder: refused before anything moves.
        try "x".write(toFile: out + "/diagrams", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(["design.txt": "two\n", "diagrams/er.mmd": "erDiagram\n"], to: out))
        XCTAssertEqual(read("out/design.txt"), "one\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"], "no temporary folder left")
    }

    /// The pid of a process that has ended.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testAnExportKilledHalfWayIsCleanedUpAndThePreviousOneRestored() throws {
        let out = root.appendingPathComponent("out").path
        _ = try write(["design.txt": "one\n"], to: out)
        let pid = try deadPID()
        // Killed while building: a half-built folder beside the export.
        let half = root.appendingPathComponent(".out.archtui-\(pid)-new")
        try FileManager.default.createDirectory(at: half, withIntermediateDirectories: true)
        try "half\n".write(to: half.appendingPathComponent("design.txt"), atomically: true, encoding: .utf8)
        _ = try write(["design.txt": "two\n"], to: out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"], "the half-built folder is gone")
        // Killed between moving the previous export aside and moving the new one in: the previous one comes back.
        try FileManager.default.moveItem(atPath: out, toPath: root.appendingPathComponent(".out.archtui-\(pid)-old").path)
        XCTAssertNil(read("out/design.txt"))
        ExportWriter.recoverInterrupted(root.appendingPathComponent("out"))
        XCTAssertEqual(read("out/design.txt"), "two\n", "the previous export is back")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"])
        _ = try write(["design.txt": "three\n"], to: out)
        XCTAssertEqual(read("out/design.txt"), "three\n")
        // A folder of a running export (this process) is left alone.
        let running = root.appendingPathComponent(".out.archtui-\(getpid())-new")
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: true)
        ExportWriter.recoverInterrupted(root.appendingPathComponent("out"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: running.path))
    }

    func testPathsAndFileNamesNeverLeaveTheFolder() {
        for bad in ["..", "../x", "/etc/passwd", "a//b", ".hidden", "-rf", "con.txt", "a\u{1b}[2Jb", "naïve", "x;y"] {
            XCTAssertNil(ExportPath(components: bad.split(separator: "/", omittingEmptySubsequences: false).map(String.init)), bad)
        }
        for name in ["order; DROP TABLE x", "../../etc/passwd", "Заказ", "Bücher", "\u{1b}]52;c;aGk=\u{7}", "", "   ", "日本語"] {
            let slug = FileName.slug(name)
            XCTAssertNotNil(ExportPath(components: [slug + ".md"]), "\(name) → \(slug)")
        }
        XCTAssertEqual(FileName.slug("Check out a book"), "check-out-a-book")
        XCTAssertEqual(FileName.slug("Bücher"), "bucher")
        XCTAssertEqual(FileName.slug("order; DROP TABLE x"), "order-drop-table-x")
        let slugs = FileName.distinctSlugs(["Order Item", "order_item", "OrderItem", "order-item"])
        XCTAssertEqual(Set(slugs).count, 4, "\(slugs)")
        XCTAssertEqual(slugs, FileName.distinctSlugs(["Order Item", "order_item", "OrderItem", "order-item"]), "deterministic")
    }
}
