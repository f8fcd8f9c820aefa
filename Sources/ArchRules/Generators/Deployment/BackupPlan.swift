import ArchModel

/// How the primary data is backed up and how fast it comes back: every design states it (issue 9), from the answers
/// or, where they are missing, derived from the availability target, and says which figures were derived.
struct BackupPlan: Sendable {
    /// How often, in words (`daily snapshots`).
    let frequency: String
    let rpoMinutes: Int
    let rtoMinutes: Int
    /// Which of frequency, RPO and RTO were not answered.
    let derived: [String]
    let availability: Double?

    init(facts: InfraFacts) {
        availability = facts.availability
        let target = facts.availability ?? 0
        var derived: [String] = []
        func minutes(_ id: String, derivedAs name: String, _ fallback: Int) -> Int {
            guard let value = facts.number(id), value.isFinite else { derived.append(name); return fallback }
            return Int(min(max(value, 0), 10_000_000).rounded())
        }
        rpoMinutes = minutes("nonfunctional.rpo_minutes", derivedAs: "RPO", target >= 99.95 ? 5 : target >= 99.9 ? 15 : 1_440)
        rtoMinutes = minutes("nonfunctional.rto_minutes", derivedAs: "RTO", target >= 99.95 ? 15 : target >= 99.9 ? 60 : 240)
        let answered = facts.answer("nonfunctional.backup_frequency")
        let kind = answered ?? (rpoMinutes <= 60 ? "continuous" : rpoMinutes < 10_080 ? "daily" : "weekly")
        if answered == nil { derived.append("frequency") }
        switch kind {
        case "continuous": frequency = "continuous (write-ahead log archived, point-in-time recovery) plus daily snapshots"
        case "hourly": frequency = "hourly snapshots"
        case "weekly": frequency = "weekly snapshots"
        default: frequency = "daily snapshots"
        }
        self.derived = derived
    }

    /// The deployment note: `Backups: daily snapshots, kept in another account and region; RPO 24 h, RTO 4 h (…)`.
    var note: String {
        var text = "Backups: \(frequency), copied to another account and region; RPO \(Self.duration(rpoMinutes)), RTO \(Self.duration(rtoMinutes))"
        var parts: [String] = []
        let figures = derived.filter { $0 != "frequency" }
        if !figures.isEmpty {
            let target = availability.map { "the \(NumberFormat.plain($0))% availability target" } ?? "an unanswered availability (taken as below 99.9%)"
            parts.append(figures.joined(separator: " and ") + " from " + target)
        }
        if derived.contains("frequency") { parts.append("the frequency from the RPO") }
        if !parts.isEmpty { text += " (not answered, so derived: " + parts.joined(separator: "; ") + ")" }
        return text + "; restores tested on a schedule"
    }

    /// `5 min`, `2 h`, `3 days`.
    static func duration(_ minutes: Int) -> String {
        if minutes < 60 || minutes % 60 != 0 { return "\(minutes) min" }
        if minutes <= 2_880 || minutes % 1_440 != 0 { return "\(minutes / 60) h" }
        return "\(minutes / 1_440) days"
    }
}
