import Foundation
import XCTest

final class ArchtuiBinaryTests: XCTestCase {
    func testOverrideFromEnvironment() throws {
        setenv("ARCHTUI_BINARY", "/bin/sh", 1)
        defer { unsetenv("ARCHTUI_BINARY") }
        XCTAssertEqual(try archtuiBinaryPath(), "/bin/sh")
    }

    /// Smoke test of the real binary, when it has been built (`swift build --product archtui`).
    func testBuiltBinaryRuns() throws {
        let path: String
        do { path = try archtuiBinaryPath() } catch { throw XCTSkip("\(error)") }
        let result = try spawn([path, "--help"], timeout: 10)
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("archtui"), result.output)
    }
}
