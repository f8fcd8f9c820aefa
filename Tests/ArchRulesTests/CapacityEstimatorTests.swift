import ArchModel
import ArchRules
import XCTest

final class CapacityEstimatorTests: XCTestCase {
    private func figures(_ answers: [String: Double]) -> [String: CapacityFigure] {
        let session = Session(projectName: "x", answers: answers.mapValues { AnswerValue.number($0) })
        return Dictionary(uniqueKeysWithValues: CapacityEstimator().estimate(session).map { ($0.label, $0) })
    }

    func testEveryFigureWithItsArithmetic() {
        let result = figures([
            "requirements.daily_active_users": 864_000, "requirements.requests_per_user": 10,
            "requirements.read_ratio": 80, "requirements.records_first_year": 1_000_000,
            "requirements.record_size_kb": 2, "requirements.growth_per_year": 100, "requirements.retention_years": 3,
            "nonfunctional.instance_rps": 50, "requirements.availability": 99.9,
        ])
        XCTAssertEqual(result["Average load"]?.value, "100 req/s")
        XCTAssertEqual(result["Peak load"]?.value, "300 req/s", "3× the average when no peak is answered")
        XCTAssertEqual(result["Peak reads / writes"]?.value, "240 req/s / 60 req/s")
        XCTAssertEqual(result["Storage, year 1"]?.value, "2 GB")
        XCTAssertEqual(result["Storage after 3 years"]?.value, "14 GB", "2 + 4 + 8 GB")
        XCTAssertEqual(result["Bandwidth at peak"]?.value, "4.8 Mbit/s", "300 × 2 KB × 8 bit")
        XCTAssertEqual(result["App instances at peak"]?.value, "8", "300 × 1.3 ÷ 50 = 7.8 → 8")
        XCTAssertEqual(result["Database connections"]?.value, "80")
        XCTAssertEqual(result["Storage after 3 years"]?.amount, 14e9)
        XCTAssertEqual(result["New records, average"]?.value, "2.7k records/day", "1M ÷ 365 days")
    }

    /// The rate records arrive at reads in the unit that gives a readable number.
    func testNewRecordsRateChoosesItsUnit() {
        XCTAssertEqual(figures(["requirements.records_first_year": 800e9])["New records, average"]?.value, "25.4k records/s")
        XCTAssertEqual(figures(["requirements.records_first_year": 800e9])["New records, average"]?.arithmetic,
                       "800G records in year 1 ÷ 31,536,000 s")
        XCTAssertEqual(figures(["requirements.records_first_year": 300])["New records, average"]?.value, "0.82 records/day")
        XCTAssertEqual(figures(["requirements.records_first_year": 300])["New records, average"]?.arithmetic,
                       "300 records in year 1 ÷ 365 days")
    }

    func testRedundancyAndPoolerNotes() {
        let small = figures(["requirements.peak_rps": 10, "nonfunctional.instance_rps": 500, "requirements.availability": 99.95])
        XCTAssertEqual(small["App instances at peak"]?.value, "2")
        XCTAssertTrue(small["App instances at peak"]?.arithmetic.contains("at least 2 for 99.95% availability") ?? false)
        let large = figures(["requirements.peak_rps": 20_000, "nonfunctional.instance_rps": 500])
        XCTAssertEqual(large["App instances at peak"]?.value, "52")
        XCTAssertTrue(large["Database connections"]?.arithmetic.contains("PgBouncer") ?? false)
    }

    func testNothingWithoutTheInputs() {
        XCTAssertTrue(figures([:]).isEmpty)
        XCTAssertNil(figures(["requirements.records_first_year": 5])["Storage, year 1"], "needs the record size too")
    }
}
