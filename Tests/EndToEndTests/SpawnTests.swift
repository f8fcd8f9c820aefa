import Foundation
import XCTest

final class SpawnTests: XCTestCase {
    func testCapturesStdoutStderrAndStatus() throws {
        let result = try spawn(["sh", "-c", "echo out; echo err >&2; exit 5"])
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(result.output, "out\nerr\n")
        XCTAssertFalse(result.timedOut)
    }

    func testStdinIsDevNull() throws {
        XCTAssertEqual(try spawn(["sh", "-c", "cat; echo end"], timeout: 5).output, "end\n")
    }

    func testTimeoutKillsTheChild() throws {
        let start = monotonicSeconds()
        let result = try spawn(["sleep", "30"], timeout: 0.2)
        XCTAssertTrue(result.timedOut)
        XCTAssertEqual(result.status, 128 + SIGKILL)
        XCTAssertLessThan(monotonicSeconds() - start, 5)
    }

    func testChildHasEmptySignalMaskAndDefaultDispositions() throws {
        let status = try spawn(["grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"]).output
        XCTAssertTrue(status.contains("SigBlk:\t0000000000000000"), status)
        // SIGINT=2, SIGTERM=15, SIGWINCH=28, SIGHUP=1, SIGTSTP=20, SIGCONT=18: none ignored.
        let ignLine = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("SigIgn") })
        let ignored = try XCTUnwrap(UInt64(ignLine.split(separator: "\t").last ?? "", radix: 16))
        for sig in [SIGINT, SIGTERM, SIGWINCH, SIGHUP, SIGTSTP, SIGCONT] {
            XCTAssertEqual(ignored & (1 << UInt64(sig - 1)), 0, "signal \(sig) ignored")
        }
    }

    func testMissingExecutableThrows() {
        XCTAssertThrowsError(try spawn(["/nonexistent/archtui-no-such-program"]))
    }
}
