import ArchModel
import Foundation
import XCTest

final class SessionStoreTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "archtui-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testMissingFileMeansNewSession() throws {
        XCTAssertNil(try SessionStore.load(path: directory + "/none.yaml", catalogue: nil))
    }

    func testSaveThenLoadKeepsBackup() throws {
        let path = directory + "/s.yaml"
        var session = Session(projectName: "One")
        try SessionStore.save(session, to: path)
        session.projectName = "Two"
        try SessionStore.save(session, to: path)
        XCTAssertEqual(try SessionStore.load(path: path, catalogue: nil)?.session.projectName, "Two")
        XCTAssertEqual(try SessionStore.load(path: path + ".bak", catalogue: nil)?.session.projectName, "One")
    }

    /// A v1 file opens as usual, is written as v2 on the first save with the v1 kept as FILE.bak, and later
    /// saves keep that v1 backup.
    /// A session reached through a symbolic link (dotfiles kept in a repository) is written at the link's target; the
    /// link stays a link, and the backup goes beside the target.
    func testASymlinkIsWrittenThrough() throws {
        try FileManager.default.createDirectory(atPath: directory + "/repo", withIntermediateDirectories: true)
        let target = directory + "/repo/s.yaml", link = directory + "/s.yaml"
        try SessionStore.save(Session(projectName: "One"), to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "repo/s.yaml")
        try SessionStore.save(Session(projectName: "Two"), to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "repo/s.yaml", "still a link")
        XCTAssertEqual(try SessionStore.load(path: target, catalogue: nil)?.session.projectName, "Two")
        XCTAssertEqual(try SessionStore.load(path: target + ".bak", catalogue: nil)?.session.projectName, "One")
        XCTAssertFalse(FileManager.default.fileExists(atPath: link + ".bak"))
    }

    /// A file without write permission is not replaced, even by root (who could).
    func testAReadOnlyFileIsNotReplaced() throws {
        let path = directory + "/s.yaml"
        try SessionStore.save(Session(projectName: "One"), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        XCTAssertThrowsError(try SessionStore.save(Session(projectName: "Two"), to: path)) { error in
            XCTAssertEqual(error as? SessionStoreError, .readOnly(path: path))
            XCTAssertTrue("\(error)".contains("the file is read-only"), "\(error)")
        }
        XCTAssertEqual(try SessionStore.load(path: path, catalogue: nil)?.session.projectName, "One")
    }

    /// Someone else's change since archtui read the file is never overwritten silently.
    func testAFileChangedOnDiskIsNotOverwritten() throws {
        let path = directory + "/s.yaml"
        let stamp = try SessionStore.save(Session(projectName: "Mine"), to: path)
        XCTAssertEqual(SessionStore.stamp(of: path), stamp)
        try SessionStore.save(Session(projectName: "Theirs"), to: path)  // another program
        XCTAssertThrowsError(try SessionStore.save(Session(projectName: "Mine again"), to: path, expecting: stamp)) { error in
            XCTAssertEqual(error as? SessionStoreError, .changedOnDisk(path: path))
        }
        XCTAssertEqual(try SessionStore.load(path: path, catalogue: nil)?.session.projectName, "Theirs")
        // Unchanged since: saved. Asked to overwrite (no stamp): saved, theirs kept as the backup.
        let theirs = try XCTUnwrap(SessionStore.stamp(of: path))
        try SessionStore.save(Session(projectName: "Mine, after reading theirs"), to: path, expecting: theirs)
        try SessionStore.save(Session(projectName: "Mine, overwriting"), to: path, expecting: nil)
        XCTAssertEqual(try SessionStore.load(path: path + ".bak", catalogue: nil)?.session.projectName, "Mine, after reading theirs")
    }

    /// A save killed after writing its temporary file: the newer version is kept in sight, never lost or left hidden;
    /// copies of the file and half-written ones go; a running process's temp file stays.
    func testInterruptedSavesAreKeptOrCleared() throws {
        let path = directory + "/s.archtui.yaml"
        try SessionStore.save(Session(projectName: "Saved"), to: path)
        let dead: Int32 = 2_147_483_000  // above any pid_max (at most 2^22): no such process
        let newer = directory + "/.s.archtui.yaml.tmp-\(dead)-1", same = directory + "/.s.archtui.yaml.tmp-\(dead)-2"
        let partial = directory + "/.s.archtui.yaml.tmp-\(dead + 1)-3", running = directory + "/.s.archtui.yaml.tmp-\(getpid())-4"
        try SessionFile.encode(Session(projectName: "Newer")).write(toFile: newer, atomically: false, encoding: .utf8)
        try FileManager.default.copyItem(atPath: path, toPath: same)
        try "schemaVersion: 2\nprojectName: [cut off".write(toFile: partial, atomically: false, encoding: .utf8)
        try "in progress".write(toFile: running, atomically: false, encoding: .utf8)
        let messages = SessionStore.keepInterruptedSaves(of: path, catalogue: nil)
        XCTAssertEqual(messages, ["a save of s.archtui.yaml was interrupted (archtui \(dead) was killed) and left another version: it is kept as s.archtui.interrupted-\(dead).yaml; open it to compare, then delete it"])
        XCTAssertEqual(try SessionStore.load(path: directory + "/s.archtui.interrupted-\(dead).yaml", catalogue: nil)?.session.projectName, "Newer")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(),
                       [".s.archtui.yaml.tmp-\(getpid())-4", "s.archtui.interrupted-\(dead).yaml", "s.archtui.yaml"])
    }

    func testVersionOneFileIsUpgradedAndKeptAsBackup() throws {
        let path = directory + "/old.yaml"
        let v1 = "schemaVersion: 1\nprojectName: Old\nanswers: {}\nentities:\n- name: Customer\n- name: Order\n  relations:\n  - {kind: belongs-to, target: customer}\n"
        try v1.write(toFile: path, atomically: false, encoding: .utf8)
        let loaded = try XCTUnwrap(try SessionStore.load(path: path, catalogue: nil))
        XCTAssertEqual(loaded.schemaVersion, 1)
        XCTAssertEqual(loaded.session.entities[1].relations[0].target, .id(loaded.session.entities[0].id))
        var session = loaded.session
        try SessionStore.save(session, to: path)
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(saved.hasPrefix("schemaVersion: 2\n"), saved)
        XCTAssertTrue(saved.contains("{kind: belongs-to, target: Customer}"), saved)
        XCTAssertEqual(try String(contentsOfFile: path + ".bak", encoding: .utf8), v1)
        session.projectName = "Newer"
        try SessionStore.save(session, to: path)
        XCTAssertEqual(try String(contentsOfFile: path + ".bak", encoding: .utf8), v1, "the v1 backup survives later saves")
        XCTAssertEqual(try SessionStore.load(path: path, catalogue: nil)?.session.projectName, "Newer")
    }

    func testNewerFileIsReportedAndNeverOverwritten() throws {
        let path = directory + "/future.yaml"
        let future = "schemaVersion: 7\nprojectName: From the future\nnewThing: true\n"
        try future.write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try SessionStore.load(path: path, catalogue: nil)) { error in
            guard case .invalid(let fileError)? = error as? SessionStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(fileError.reason, .newerSchemaVersion(7))
        }
        XCTAssertThrowsError(try SessionStore.save(Session(projectName: "Now"), to: path)) { error in
            XCTAssertEqual(error as? SessionStoreError, .newerFileExists(path: path, schemaVersion: 7))
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), future)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".bak"))
    }

    /// The work a file makes is bounded: a file larger than any session is refused before it is read.
    func testAHugeFileIsRefusedBeforeReading() throws {
        let path = directory + "/huge.yaml"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(SessionStore.maximumFileSize + 1))  // sparse: no disk used
        try handle.close()
        XCTAssertThrowsError(try SessionStore.load(path: path, catalogue: nil)) { error in
            XCTAssertEqual("\(error)", "\(path):1:1: the file is 32 MB; archtui reads session files of up to 32 MB")
        }
    }

    func testDirectoryIsUnreadable() {
        XCTAssertThrowsError(try SessionStore.load(path: directory, catalogue: nil)) { error in
            XCTAssertEqual(error as? SessionStoreError, .unreadable(path: directory, reason: "it is a directory"))
        }
    }
}
