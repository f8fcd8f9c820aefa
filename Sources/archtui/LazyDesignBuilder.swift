import ArchModel
import ArchRules
import Foundation

/// Loads the rules the first time a design is needed (on the derivation thread, after the first frame).
/// If they cannot be loaded — the XDG rule directory can change after start — the design keeps its
/// capacity figures and carries an error finding that says why.
final class LazyDesignBuilder: @unchecked Sendable {
    private let rules: RuleSources
    private let catalogue: Catalogue
    /// Guards `loaded`; `build` may run on any thread.
    private let lock = NSLock()
    private var loaded: Result<DesignBuilder, CommandFailure>?

    init(rules: RuleSources, catalogue: Catalogue) {
        self.rules = rules
        self.catalogue = catalogue
    }

    func build(_ session: Session) -> Design {
        let builder = lock.withLock {
            if loaded == nil {
                loaded = Result { () throws(CommandFailure) in try rules.designBuilder(catalogue: catalogue) }
            }
            return loaded!
        }
        switch builder {
        case .success(let builder):
            return builder.build(session)
        case .failure(let failure):
            var design = Design(projectName: session.projectName, capacity: CapacityEstimator().estimate(session))
            design.findings = [Finding(id: "rules.not-loaded", severity: .error, title: "The rules could not be loaded",
                                       detail: failure.message, fix: "Fix the rule file named above, then reopen the session.")]
            return design
        }
    }
}
