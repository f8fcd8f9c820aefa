import ArchModel
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "archtui-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(directory, 0o755)
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private var isRoot: Bool { getuid() == 0 }

    func testWritesAndKeepsPreviousVersionAsBackup() throws {
        let path = directory + "/shop.yaml"
        try AtomicFile.write("first", to: path, keepBackup: true)
        XCTAssertEqual(read(path), "first")
        XCTAssertNil(read(path + ".bak"), "no backup without a previous version")
        try AtomicFile.write("second", to: path, keepBackup: true)
        XCTAssertEqual(read(path), "second")
        XCTAssertEqual(read(path + ".bak"), "first")
        try AtomicFile.write("third", to: path, keepBackup: false)
        XCTAssertEqual(read(path + ".bak"), "first")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testMissingDirectoryIsReported() {
        let path = directory + "/nope/shop.yaml"
        XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
            XCTAssertEqual(error as? AtomicFileError, .directoryMissing(path: directory + "/nope"))
        }
    }

    func testFailedSaveLeavesOriginalUntouched() throws {
        try XCTSkipIf(isRoot, "root ignores directory permissions")
        let path = directory + "/shop.yaml"
        try AtomicFile.write("original", to: path)
        chmod(directory, 0o555)
        XCTAssertThrowsError(try AtomicFile.write("new", to: path, keepBackup: true)) { error in
            XCTAssertEqual(error as? AtomicFileError, .permissionDenied(path: path))
        }
        XCTAssertEqual(read(path), "original")
        XCTAssertNil(read(path + ".bak"))
    }

    func testFailedSaveIntoADirectoryLeavesItUntouched() throws {
        // Works as root too: a temp file cannot replace a non-empty directory.
        let path = directory + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("x", to: path))
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "/inner", isDirectory: &isDirectory) && isDirectory.boolValue)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }
}
