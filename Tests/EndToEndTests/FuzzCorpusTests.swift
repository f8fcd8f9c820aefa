import Foundation
import XCTest

/// Every input in `Fuzz/corpus/` (the seeds `make fuzz` starts from, and each crash it ever found, kept as a
/// regression) goes through its fuzz target once, as libFuzzer runs it: each must finish without a trap.
final class FuzzCorpusTests: ArchtuiTestCase {
    func testEveryCorpusInputRunsThroughItsTarget() throws {
        let runner = URL(fileURLWithPath: try archtuiBinaryPath()).deletingLastPathComponent().appendingPathComponent("archtui-fuzz").path
        guard FileManager.default.isExecutableFile(atPath: runner) else { throw XCTSkip("archtui-fuzz is not built next to archtui") }
        let corpus = packageRoot().appendingPathComponent("Fuzz/corpus")
        var total = 0
        for target in ["session", "answer", "rules", "expression", "keys"] {
            let folder = corpus.appendingPathComponent(target)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
            XCTAssertFalse(files.isEmpty, "no seeds for \(target)")
            let result = try spawn([runner, target] + files, timeout: 300)
            XCTAssertFalse(result.timedOut, "\(target) timed out")
            XCTAssertEqual(result.status, 0, "\(target): \(result.output.suffix(3000))")
            XCTAssertTrue(result.output.contains("\(files.count) inputs, no crash"), result.output)
            total += files.count
        }
        XCTAssertGreaterThan(total, 60)
    }
}
