import ArchModel
@testable import ArchRules
import TestSupport
import XCTest

/// A number a hand-edited file holds out of its question's range is kept in the session but never made into a
/// figure, and the design says so. No answer a file can hold makes the derivation trap or show `inf`.
final class AnswerScreenTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard(memoizing: false)
    private var catalogue: Catalogue { Self.builder.catalogue }

    private var numericQuestions: [Question] { catalogue.questions.filter { $0.kind == .integer || $0.kind == .number } }

    func testAnOutOfRangeAnswerIsAFindingAndNoFigure() throws {
        var session = try Demo.session()
        session["requirements.peak_rps"] = .number(9.3e18)
        let design = Self.builder.build(session)
        let finding = try XCTUnwrap(design.findings.first { $0.id == "answers.unusable" })
        XCTAssertEqual(finding.title, "Peak requests per second: 9.3e+18 req/s is not used (must be between 1 and 1000000 req/s)")
        XCTAssertEqual(finding.about, .question("requirements.peak_rps"))
        XCTAssertEqual(finding.severity, .warning)
        let peak = try XCTUnwrap(design.capacity.first { $0.key == "capacity.peak_rps" })
        XCTAssertFalse(peak.value.contains("e+18"), peak.value)
        XCTAssertLessThan(peak.amount ?? 0, 1e7, "the peak comes from the other answers, as if unanswered")
        XCTAssertEqual(session["requirements.peak_rps"], .number(9.3e18), "the session keeps what the file says")
    }

    func testAnswersInRangeAreNotFindings() throws {
        let design = Self.builder.build(try Demo.session())
        XCTAssertFalse(design.findings.contains { $0.id == "answers.unusable" })
    }

    /// Every numeric question at its minimum, at its maximum, and at values no question allows, alone and together:
    /// the derivation finishes and every figure is finite.
    func testExtremeAnswersNeverTrapOrMakeInfiniteFigures() throws {
        let extremes: [(String, (Question) -> Double)] = [
            ("min", { $0.validation.minimum ?? 0 }), ("max", { $0.validation.maximum ?? 1e6 }),
            ("huge", { _ in 1.7e308 }), ("tiny", { _ in 4.9e-324 }), ("negative", { _ in -1.7e308 }), ("zero", { _ in 0 }),
        ]
        let demo = try Demo.session()
        for (label, value) in extremes {
            var all = demo
            for question in numericQuestions { all[question.id] = .number(value(question)) }
            assertFinite(Self.builder.build(all), label + ", every question")
        }
        // One at a time, and a mix driven by a fixed seed.
        var generator = SplitMix64(seed: 7)
        for question in numericQuestions {
            for (label, value) in extremes {
                var one = demo
                one[question.id] = .number(value(question))
                assertFinite(Self.builder.build(one), "\(question.id) \(label)")
            }
        }
        for round in 0..<40 {
            var mixed = demo
            for question in numericQuestions {
                mixed[question.id] = .number(extremes[Int(generator.next() % UInt64(extremes.count))].1(question))
            }
            assertFinite(Self.builder.build(mixed), "mix \(round)")
        }
    }

    private func assertFinite(_ design: Design, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for figure in design.capacity {
            if let amount = figure.amount { XCTAssertTrue(amount.isFinite, "\(label): \(figure.key) = \(amount)", file: file, line: line) }
            for word in ["inf", "nan"] {
                XCTAssertFalse(figure.value.lowercased().contains(word), "\(label): \(figure.key) = \(figure.value)", file: file, line: line)
            }
            XCTAssertFalse(figure.value.hasPrefix("-"), "\(label): \(figure.key) = \(figure.value)", file: file, line: line)
        }
        for node in design.deployment {
            XCTAssertGreaterThanOrEqual(node.replicas, 0, "\(label): \(node.name)", file: file, line: line)
        }
    }
}
