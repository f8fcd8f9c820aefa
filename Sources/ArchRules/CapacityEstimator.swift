import ArchModel

/// Back-of-the-envelope capacity from the traffic and volume answers.
/// Each figure appears only when the answers it needs are there.
public struct CapacityEstimator: Sendable {
    /// Question ids the estimate reads; kept together so a catalogue change is a one-line fix.
    public enum Input {
        public static let dailyActiveUsers = "requirements.daily_active_users"
        public static let requestsPerUser = "requirements.requests_per_user"
        public static let peakRequests = "requirements.peak_rps"
        public static let readPercent = "requirements.read_ratio"
        public static let recordsFirstYear = "requirements.records_first_year"
        public static let recordSize = "requirements.record_size_kb"
        public static let growthPercent = "requirements.growth_per_year"
        public static let retentionYears = "requirements.retention_years"
        public static let instanceThroughput = "nonfunctional.instance_rps"
        public static let availability = "requirements.availability"
        public static let headroomPercent = "nonfunctional.headroom"
    }

    /// Peak over average when no peak is given: a common rule of thumb for daily traffic curves.
    public static let assumedPeakFactor = 3.0
    /// Spare capacity kept on top of the peak when sizing instances, unless answered.
    public static let defaultHeadroomPercent = 30.0

    /// Connections each app instance keeps in its pool (a common default).
    public static let connectionsPerInstance = 10.0
    /// PostgreSQL's default `max_connections`.
    public static let databaseConnectionLimit = 100.0

    public init() {}

    public func estimate(_ session: Session) -> [CapacityFigure] {
        var figures: [CapacityFigure] = []
        let number = { (id: String) in session[id]?.number }

        let average = averageRequests(number(Input.dailyActiveUsers), number(Input.requestsPerUser), into: &figures)
        let peak = peakRequests(answered: number(Input.peakRequests), average: average, into: &figures)
        if let peak, let readPercent = number(Input.readPercent) {
            let reads = peak * readPercent / 100
            figures.append(CapacityFigure(
                label: "Peak reads / writes",
                value: "\(rate(reads)) / \(rate(peak - reads))",
                arithmetic: "\(rate(peak)) × \(NumberFormat.plain(readPercent))% reads"
            ))
        }
        storage(session, into: &figures)
        if let peak, let sizeKB = number(Input.recordSize) {
            let bytesPerSecond = peak * sizeKB * 1_000
            figures.append(CapacityFigure(
                label: "Bandwidth at peak",
                value: "\(NumberFormat.oneDecimal(bytesPerSecond * 8 / 1e6)) Mbit/s",
                arithmetic: "\(rate(peak)) × \(NumberFormat.plain(sizeKB)) KB per response (one record each, assumed)",
                amount: bytesPerSecond
            ))
        }
        if let peak {
            let headroom = 1 + (number(Input.headroomPercent) ?? Self.defaultHeadroomPercent) / 100
            instances(peak: peak, headroom: headroom, throughput: number(Input.instanceThroughput),
                      availability: number(Input.availability), into: &figures)
        }
        return figures
    }

    private func averageRequests(_ users: Double?, _ perUser: Double?, into figures: inout [CapacityFigure]) -> Double? {
        guard let users, let perUser else { return nil }
        let average = users * perUser / 86_400
        figures.append(CapacityFigure(
            label: "Average load",
            value: rate(average),
            arithmetic: "\(NumberFormat.compact(users)) users × \(NumberFormat.plain(perUser)) req/day ÷ 86,400 s",
            amount: average
        ))
        return average
    }

    private func peakRequests(answered: Double?, average: Double?, into figures: inout [CapacityFigure]) -> Double? {
        if let answered {
            var arithmetic = "as answered"
            if let average, average > 0 {
                arithmetic += " (\(NumberFormat.oneDecimal(answered / average))× the average)"
            }
            figures.append(CapacityFigure(label: "Peak load", value: rate(answered), arithmetic: arithmetic, amount: answered))
            return answered
        }
        guard let average else { return nil }
        let peak = average * Self.assumedPeakFactor
        figures.append(CapacityFigure(
            label: "Peak load", value: rate(peak),
            arithmetic: "average × \(NumberFormat.plain(Self.assumedPeakFactor)) (assumed; no peak answered)",
            amount: peak
        ))
        return peak
    }

    private func storage(_ session: Session, into figures: inout [CapacityFigure]) {
        guard let records = session[Input.recordsFirstYear]?.number,
              let sizeKB = session[Input.recordSize]?.number else { return }
        let firstYear = records * sizeKB * 1_000
        figures.append(CapacityFigure(
            label: "Storage, year 1",
            value: bytes(firstYear),
            arithmetic: "\(NumberFormat.compact(records)) records × \(NumberFormat.plain(sizeKB)) KB",
            amount: firstYear
        ))
        guard let years = session[Input.retentionYears]?.number, years > 1 else { return }
        let growth = (session[Input.growthPercent]?.number ?? 0) / 100
        var total = 0.0, yearly = firstYear
        for _ in 0..<Int(min(years, 100)) {
            total += yearly
            yearly *= 1 + growth
        }
        figures.append(CapacityFigure(
            label: "Storage after \(NumberFormat.plain(years)) years",
            value: bytes(total),
            arithmetic: "year 1 growing \(NumberFormat.plain(growth * 100))% a year, kept \(NumberFormat.plain(years)) years",
            amount: total
        ))
    }

    private func instances(peak: Double, headroom: Double, throughput: Double?, availability: Double?,
                           into figures: inout [CapacityFigure]) {
        guard let throughput, throughput > 0 else { return }
        let needed = (peak * headroom / throughput).rounded(.up)
        let redundancy = (availability ?? 0) >= 99.9 ? 2.0 : 1.0
        let count = max(needed, redundancy)
        var arithmetic = "\(rate(peak)) × \(NumberFormat.oneDecimal(headroom)) headroom ÷ \(rate(throughput)) per instance"
        if count > needed { arithmetic += "; at least 2 for \(NumberFormat.plain(availability ?? 0))% availability" }
        figures.append(CapacityFigure(label: "App instances at peak", value: NumberFormat.plain(count), arithmetic: arithmetic, amount: count))
        let connections = count * Self.connectionsPerInstance
        var connectionNote = "\(NumberFormat.plain(count)) instances × \(NumberFormat.plain(Self.connectionsPerInstance)) pooled connections"
        if connections > Self.databaseConnectionLimit {
            connectionNote += "; above PostgreSQL's default max_connections (\(NumberFormat.plain(Self.databaseConnectionLimit))): put a pooler (PgBouncer) in front"
        }
        figures.append(CapacityFigure(label: "Database connections", value: NumberFormat.plain(connections),
                                      arithmetic: connectionNote, amount: connections))
    }

    private func rate(_ value: Double) -> String { "\(NumberFormat.compact(value)) req/s" }

    private func bytes(_ value: Double) -> String {
        let units: [(Double, String)] = [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
        for (size, unit) in units where value >= size { return "\(NumberFormat.oneDecimal(value / size)) \(unit)" }
        return "\(NumberFormat.plain(value.rounded())) B"
    }
}
