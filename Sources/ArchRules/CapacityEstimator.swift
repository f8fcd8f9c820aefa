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

    /// 365 days: the first year's records spread over it give the average rate they are written at.
    public static let secondsPerYear = 31_536_000.0

    /// Connections each app instance keeps in its pool (a common default).
    public static let connectionsPerInstance = 10.0
    /// PostgreSQL's default `max_connections`.
    public static let databaseConnectionLimit = 100.0

    public init() {}

    /// The figures, with the arithmetic spelled out. The numbers come from `CapacityFacts`, the one place
    /// they are computed, so rules (`capacity.peak_rps > 5k`) and this pane always agree.
    public func estimate(_ session: Session) -> [CapacityFigure] {
        let facts = CapacityFacts(session: session).values
        let number = { (id: String) in session[id]?.number }
        var figures: [CapacityFigure] = []
        if let average = facts["average_rps"], let users = number(Input.dailyActiveUsers), let perUser = number(Input.requestsPerUser) {
            figures.append(CapacityFigure(
                key: CapacityKey.averageLoad, label: "Average load", value: Self.rate(average),
                arithmetic: "\(NumberFormat.compact(users)) users × \(NumberFormat.plain(perUser)) req/day ÷ 86,400 s",
                amount: average))
        }
        guard let peak = facts["peak_rps"] else { return figures + storage(facts, session) }
        var peakArithmetic = "average × \(NumberFormat.plain(Self.assumedPeakFactor)) (assumed; no peak answered)"
        if number(Input.peakRequests) != nil {
            peakArithmetic = "as answered"
            if let average = facts["average_rps"], average > 0 {
                peakArithmetic += " (\(NumberFormat.oneDecimal(peak / average))× the average)"
            }
        }
        figures.append(CapacityFigure(key: CapacityKey.peakLoad, label: "Peak load", value: Self.rate(peak), arithmetic: peakArithmetic, amount: peak))
        if let reads = facts["read_rps"], let writes = facts["write_rps"], let readPercent = number(Input.readPercent) {
            figures.append(CapacityFigure(
                key: CapacityKey.peakReadsWrites, label: "Peak reads / writes", value: "\(Self.rate(reads)) / \(Self.rate(writes))",
                arithmetic: "\(Self.rate(peak)) × \(NumberFormat.plain(readPercent))% reads"))
        }
        figures += storage(facts, session)
        if let sizeKB = number(Input.recordSize) {
            let bytesPerSecond = peak * sizeKB * 1_000
            figures.append(CapacityFigure(
                key: CapacityKey.bandwidth, label: "Bandwidth at peak",
                value: "\(NumberFormat.oneDecimal(bytesPerSecond * 8 / 1e6)) Mbit/s",
                arithmetic: "\(Self.rate(peak)) × \(NumberFormat.plain(sizeKB)) KB per response (one record each, assumed)",
                amount: bytesPerSecond))
        }
        if let count = facts["instances"], let throughput = number(Input.instanceThroughput) {
            figures += instances(count, peak: peak, throughput: throughput, session: session)
        }
        return figures
    }

    private func storage(_ facts: [String: Double], _ session: Session) -> [CapacityFigure] {
        guard let records = session[Input.recordsFirstYear]?.number, let writes = facts["record_write_rps"] else { return [] }
        var figures = [CapacityFigure(
            key: CapacityKey.recordWrites, label: "New records, average", value: Self.recordRate(writes),
            arithmetic: "\(NumberFormat.compact(records)) records in year 1 ÷ " + (writes >= 1 ? "31,536,000 s" : "365 days"),
            amount: writes)]
        guard let firstYear = facts["storage_year1"], let sizeKB = session[Input.recordSize]?.number else { return figures }
        figures.append(CapacityFigure(
            key: CapacityKey.storageYear1, label: "Storage, year 1", value: Self.bytes(firstYear),
            arithmetic: "\(NumberFormat.compact(records)) records × \(NumberFormat.plain(sizeKB)) KB",
            amount: firstYear))
        guard let years = session[Input.retentionYears]?.number, years > 1, let total = facts["storage_total"] else { return figures }
        let growth = (session[Input.growthPercent]?.number ?? 0)
        figures.append(CapacityFigure(
            key: CapacityKey.storageTotal, label: "Storage after \(NumberFormat.plain(years)) years", value: Self.bytes(total),
            arithmetic: "year 1 growing \(NumberFormat.plain(growth))% a year, kept \(NumberFormat.plain(years)) years",
            amount: total))
        return figures
    }

    private func instances(_ count: Double, peak: Double, throughput: Double, session: Session) -> [CapacityFigure] {
        let headroom = 1 + (session[Input.headroomPercent]?.number ?? Self.defaultHeadroomPercent) / 100
        let availability = session[Input.availability]?.number ?? 0
        var arithmetic = "\(Self.rate(peak)) × \(NumberFormat.oneDecimal(headroom)) headroom ÷ \(Self.rate(throughput)) per instance"
        if count > (peak * headroom / throughput).rounded(.up) {
            arithmetic += "; at least 2 for \(NumberFormat.plain(availability))% availability"
        }
        let connections = count * Self.connectionsPerInstance
        var connectionNote = "\(NumberFormat.counted(count, "instance")) × \(NumberFormat.plain(Self.connectionsPerInstance)) pooled connections"
        if connections > Self.databaseConnectionLimit {
            connectionNote += "; above PostgreSQL's default max_connections (\(NumberFormat.plain(Self.databaseConnectionLimit))): put a pooler (PgBouncer) in front"
        }
        return [
            CapacityFigure(key: CapacityKey.instances, label: "App instances at peak", value: NumberFormat.plain(count), arithmetic: arithmetic, amount: count),
            CapacityFigure(key: CapacityKey.databaseConnections, label: "Database connections", value: NumberFormat.plain(connections), arithmetic: connectionNote, amount: connections),
        ]
    }

    /// `7.5k req/s`.
    static func rate(_ value: Double) -> String { "\(NumberFormat.compact(value)) req/s" }

    /// `1.6k records/s`, or per day below one a second (`13.7k records/day`).
    static func recordRate(_ perSecond: Double) -> String {
        perSecond >= 1 ? "\(NumberFormat.compact(perSecond)) records/s" : "\(NumberFormat.compact(perSecond * 86_400)) records/day"
    }

    /// `2.1 TB` (decimal units).
    static func bytes(_ value: Double) -> String {
        let units: [(Double, String)] = [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
        for (size, unit) in units where value >= size { return "\(NumberFormat.oneDecimal(value / size)) \(unit)" }
        return "\(NumberFormat.plain(value.rounded())) B"
    }
}
