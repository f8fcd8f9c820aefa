import ArchModel

/// Instances needed for a load: ceil(load × headroom ÷ per-instance throughput), never below the
/// availability minimum (2 from 99.9 %, so one instance can fail or be redeployed).
struct ReplicaSizing: Sendable {
    let peak: Double?
    /// Multiplier, e.g. 1.3 for 30 % headroom.
    let headroom: Double
    let instanceThroughput: Double?
    let availability: Double?

    init(facts: InfraFacts, capacity: [CapacityFigure]) {
        peak = facts.number(CapacityEstimator.Input.peakRequests)
            ?? capacity.first { $0.key == CapacityKey.peakLoad }?.amount
        headroom = 1 + (facts.number(CapacityEstimator.Input.headroomPercent) ?? CapacityEstimator.defaultHeadroomPercent) / 100
        instanceThroughput = facts.number(CapacityEstimator.Input.instanceThroughput).flatMap { $0 > 0 ? $0 : nil }
        availability = facts.availability
    }

    /// Highly available: at least two of everything stateful or stateless.
    var minimum: Int { (availability ?? 0) >= 99.9 ? 2 : 1 }

    /// Replicas for `load` req/s and the note that shows the arithmetic.
    func replicas(for load: Double?) -> (count: Int, note: String) {
        guard let load, let throughput = instanceThroughput else {
            return (minimum, "\(NumberFormat.counted(Double(minimum), "instance")): no peak load or instance throughput answered, so the availability minimum")
        }
        let exact = load * headroom / throughput
        let needed = max(1, NumberFormat.count(exact.rounded(.up)))
        var note = "\(rate(load)) × \(NumberFormat.oneDecimal(headroom)) headroom ÷ \(rate(throughput)) per instance"
            + " = \(NumberFormat.oneDecimal(exact)) → \(needed)"
        if minimum > needed { note += "; raised to \(minimum) for \(NumberFormat.plain(availability ?? 0))% availability" }
        return (max(needed, minimum), note)
    }

    func rate(_ value: Double) -> String { "\(NumberFormat.plain((value * 10).rounded() / 10)) req/s" }
}
