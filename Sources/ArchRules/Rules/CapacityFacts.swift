import ArchModel

/// The capacity estimate as numbers rules can compare (`capacity.peak_rps > 5k`); the one place they are
/// computed (`CapacityEstimator` explains them as figures). A fact whose inputs are unanswered is absent (null in conditions).
public struct CapacityFacts: Hashable, Sendable {
    /// A fact's dimension and the question ids it is computed from.
    public struct Definition: Hashable, Sendable {
        public var dimension: Dimension
        public var inputs: [String]
    }

    private typealias Input = CapacityEstimator.Input

    /// Every fact, by its name without the `capacity.` prefix.
    public static let definitions: [String: Definition] = {
        let rate = [Input.peakRequests, Input.dailyActiveUsers, Input.requestsPerUser]
        let storage = [Input.recordsFirstYear, Input.recordSize]
        return [
            "average_rps": Definition(dimension: .none, inputs: [Input.dailyActiveUsers, Input.requestsPerUser]),
            "peak_rps": Definition(dimension: .none, inputs: rate),
            /// The answered peak over the average the daily figures give (only when both are answered).
            "peak_factor": Definition(dimension: .none, inputs: rate),
            "read_rps": Definition(dimension: .none, inputs: rate + [Input.readPercent]),
            "write_rps": Definition(dimension: .none, inputs: rate + [Input.readPercent]),
            "record_write_rps": Definition(dimension: .none, inputs: [Input.recordsFirstYear]),
            "storage_year1": Definition(dimension: .bytes, inputs: storage),
            "storage_total": Definition(dimension: .bytes, inputs: storage + [Input.growthPercent, Input.retentionYears]),
            "instances": Definition(dimension: .none,
                                    inputs: rate + [Input.instanceThroughput, Input.headroomPercent, Input.availability]),
        ]
    }()

    /// Computed values by fact name (req/s, bytes, instances).
    public var values: [String: Double]

    public init(values: [String: Double]) { self.values = values }

    /// Computes every fact the session's answers allow.
    public init(session: Session) {
        let number = { (id: String) in session[id]?.number }
        var values: [String: Double] = [:]
        var average: Double?
        if let users = number(Input.dailyActiveUsers), let perUser = number(Input.requestsPerUser) {
            average = users * perUser / 86_400
            values["average_rps"] = average
        }
        let peak = number(Input.peakRequests) ?? average.map { $0 * CapacityEstimator.assumedPeakFactor }
        if let answered = number(Input.peakRequests), let average, average > 0, (answered / average).isFinite, answered >= 0 {
            values["peak_factor"] = answered / average
        }
        if let peak {
            values["peak_rps"] = peak
            if let readPercent = number(Input.readPercent) {
                values["read_rps"] = peak * readPercent / 100
                values["write_rps"] = peak - peak * readPercent / 100
            }
            let headroom = 1 + (number(Input.headroomPercent) ?? CapacityEstimator.defaultHeadroomPercent) / 100
            if let throughput = number(Input.instanceThroughput), throughput > 0 {
                let needed = (peak * headroom / throughput).rounded(.up)
                values["instances"] = max(needed, (number(Input.availability) ?? 0) >= 99.9 ? 2 : 1)
            }
        }
        if let records = number(Input.recordsFirstYear) {
            values["record_write_rps"] = records / CapacityEstimator.secondsPerYear
        }
        if let records = number(Input.recordsFirstYear), let sizeKB = number(Input.recordSize) {
            let firstYear = records * sizeKB * 1_000
            values["storage_year1"] = firstYear
            let years = Int(min(max(number(Input.retentionYears) ?? 1, 1), 100))
            let growth = (number(Input.growthPercent) ?? 0) / 100
            var total = 0.0, yearly = firstYear
            for _ in 0..<years {
                total += yearly
                yearly *= 1 + growth
            }
            values["storage_total"] = total
        }
        self.values = values
    }

    /// A fact as shown to people: `7.5k req/s`, `2.1 TB`, `4`.
    public static func format(_ name: String, _ value: Double) -> String {
        if definitions[name]?.dimension == .bytes { return CapacityEstimator.bytes(value) }
        switch name {
        case "instances": return NumberFormat.plain(value)
        case "record_write_rps": return CapacityEstimator.recordRate(value)
        case "peak_factor": return NumberFormat.plain(value.rounded()) + "×"
        default: return CapacityEstimator.rate(value)
        }
    }
}
