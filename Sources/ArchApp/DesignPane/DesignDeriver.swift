import ArchModel
import ArchRules

/// Turns a session into its design. Injected into `AppState` so tests can use a small derivation and the
/// app the full rule engine.
public struct DesignDeriver: Sendable {
    private let derive: @Sendable (Session) -> Design

    public init(_ derive: @escaping @Sendable (Session) -> Design) { self.derive = derive }

    public func callAsFunction(_ session: Session) -> Design { derive(session) }

    /// Capacity figures only: what the design pane shows without rules.
    public static let capacityOnly = DesignDeriver { session in
        Design(projectName: session.projectName, capacity: CapacityEstimator().estimate(session))
    }
}
