import ArchModel
import Foundation

/// Session → design: runs the rules, then the generators, each on what the earlier ones produced, then what the
/// user changed (endpoint overrides, flows), and last the checks, which so judge the user's design.
/// Deterministic: the same session always gives the same design, in the same order.
public struct DesignBuilder: Sendable {
    public let catalogue: Catalogue
    public let engine: RuleEngine
    /// Shared by copies of this builder: each build reuses what the last one made from unchanged inputs.
    public let memo: DerivationMemo?

    /// Sessions with at least this many entities derive in two threads: names, tables and routes beside
    /// components and deployment (routes and tables to make split in halves too), then half the checks beside
    /// sequences, security notes and the other half. Below it, a thread hop costs more than it saves.
    let parallelThreshold: Int

    /// A builder for `catalogue` and the rules of `registry`; `memoizing: false` builds everything every time.
    public init(catalogue: Catalogue, registry: RuleRegistry, memoizing: Bool = true) {
        self.init(catalogue: catalogue, registry: registry, memoizing: memoizing, parallelThreshold: 64)
    }

    init(catalogue: Catalogue, registry: RuleRegistry, memoizing: Bool, parallelThreshold: Int) {
        self.catalogue = catalogue
        self.engine = registry.engine
        memo = memoizing ? DerivationMemo() : nil
        self.parallelThreshold = parallelThreshold
    }

    /// The built-in catalogue and rules (plus the user's rule directory and `extraRuleDirectories`).
    public static func standard(extraRuleDirectories: [URL] = [], memoizing: Bool = true) throws -> DesignBuilder {
        let catalogue = try CatalogueLoader.builtIn()
        let registry = try RuleRegistry.load(userDirectories: extraRuleDirectories, catalogue: catalogue)
        return DesignBuilder(catalogue: catalogue, registry: registry, memoizing: memoizing)
    }

    public func build(_ session: Session) -> Design {
        // Numbers a hand-edited file holds out of their range are kept in the session but never made into figures.
        let (session, unusable) = AnswerScreen(catalogue: catalogue).screen(session)
        let outcome = engine.evaluate(session: session, catalogue: catalogue)
        let decisions = outcome.decisions
        let capacity = CapacityEstimator().estimate(session)
        let parallel = session.entities.count >= parallelThreshold
        let (generatedComponents, (entityTables, endpoints, overrideFindings, hiddenEndpoints)) = ForkJoin.both(inParallel: parallel, {
            ComponentGenerator().components(session: session, decisions: decisions, ruleComponents: outcome.components)
        }, {
            let model = SchemaModel(session: session, decisions: decisions, memo: memo)
            let tables = DataModelGenerator().tables(for: model, memo: memo, parallel: parallel)
            let generated = APIGenerator().endpoints(for: model, tables: tables, memo: memo, parallel: parallel)
            // The user's changes come after the generator (and outside its memo), before anything reads the endpoints.
            let overridden = EndpointOverrides(overrides: session.endpointOverrides, model: model).apply(to: generated)
            return (tables, overridden.endpoints, overridden.findings, overridden.hidden)
        })
        // The messaging decision's plumbing (outbox, job queue and its worker) needs both the components and the tables.
        let infraFacts = InfraFacts(session: session, decisions: decisions)
        let machinery = MachineryPlan(components: generatedComponents, tables: entityTables, facts: infraFacts)
        // The existing systems: their components, adapters, queues, imports and decisions.
        let integrations = IntegrationPlan(components: machinery.components, tables: entityTables + machinery.tables, facts: infraFacts)
        let components = integrations.components, tables = integrations.tables
        let deployment = DeploymentGenerator().deployment(session: session, components: components, capacity: capacity, decisions: decisions,
                                                          tables: tables)
        // The checks read the decisions, components, endpoints and tables only (see `FindingsChecker`).
        let checked = Design(projectName: session.projectName, decisions: decisions + integrations.decisions, components: components,
                             endpoints: endpoints, tables: tables)
        let checker = FindingsChecker()
        let (dataChecks, (sequences, security, modelChecks)) = ForkJoin.both(inParallel: parallel, {
            checker.findings(session: session, design: checked, of: .dataAndPolicy)
        }, {
            (SequenceGenerator().sequences(session: session, components: components, endpoints: endpoints, decisions: decisions,
                                           tables: tables, integration: (integrations.links, integrations.sequences)),
             outcome.security + SecurityGenerator().notes(session: session, endpoints: endpoints, tables: tables, decisions: decisions,
                                                           components: components) + integrations.security,
             checker.findings(session: session, design: checked, of: .modelAndServices))
        })
        let checks = modelChecks + dataChecks
        var design = checked
        design.sequences = FlowDiagrams.merged(user: FlowDiagrams().diagrams(session: session), generated: sequences)
        design.deployment = deployment
        design.security = security
        design.capacity = capacity
        design.recommendations = outcome.recommendations
        design.findings = Self.ordered(unusable + outcome.findings + overrideFindings + checks + CoherenceChecks(design: design, systems: session.systems).findings()
                                       + UseCaseFlows.unmatched(session: session, sequences: design.sequences))
        design.hiddenEndpoints = hiddenEndpoints
        return design
    }

    /// Most severe first, then by id and subject, so reports and exit codes are stable.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            if lhs.element.id != rhs.element.id { return lhs.element.id < rhs.element.id }
            if lhs.element.subject != rhs.element.subject { return lhs.element.subject < rhs.element.subject }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
