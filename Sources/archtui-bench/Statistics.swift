/// Order statistics over a set of samples (nearest-rank percentiles).
struct Samples {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var isEmpty: Bool { sorted.isEmpty }
    var median: Double { percentile(50) }
    var p90: Double { percentile(90) }
    var max: Double { sorted.last ?? .nan }

    /// The smallest sample with at least `percent`% of the samples at or below it.
    func percentile(_ percent: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15
    }
}


/// `value` with exactly `digits` decimals (no Foundation needed).
func fixed(_ value: Double, _ digits: Int = 1) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((abs(value) * Double(scale)).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + String(scaled) }
    let fraction = String(scaled % scale)
    return sign + String(scaled / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}
