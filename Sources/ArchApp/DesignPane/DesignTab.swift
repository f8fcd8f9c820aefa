/// The tabs of the design pane, in the order ←/→ walks them.
public enum DesignTab: Int, Hashable, Sendable, CaseIterable {
    case overview, decisions, components, api, schema, sequences, deployment, security, capacity, findings

    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .decisions: return "Decisions"
        case .components: return "Components"
        case .api: return "API"
        case .schema: return "Schema"
        case .sequences: return "Sequences"
        case .deployment: return "Deployment"
        case .security: return "Security"
        case .capacity: return "Capacity"
        case .findings: return "Findings"
        }
    }

    /// The tab called `name` (case-insensitive), for `archtui render --section`.
    public init?(name: String) {
        guard let tab = Self.allCases.first(where: { $0.title.lowercased() == name.lowercased() }) else { return nil }
        self = tab
    }

    /// The tab after (or before) this one, wrapping around.
    func neighbour(forward: Bool) -> DesignTab {
        let all = Self.allCases
        return all[(rawValue + (forward ? 1 : all.count - 1)) % all.count]
    }
}
