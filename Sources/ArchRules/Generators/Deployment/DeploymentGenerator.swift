import ArchModel

/// Deployment nodes: edge, load balancer, gateway, sized service nodes, databases with replicas or a
/// standby, cache, broker and search; placed per the availability target or topology decision.
public struct DeploymentGenerator: Sendable {
    /// Simple indexed reads one read replica serves; an assumption stated in the notes.
    public static let readsPerReplica = 5_000.0
    /// Below this read rate the primary serves reads alone.
    public static let readReplicaThreshold = 1_000.0

    public init() {}

    /// `tables` tell a sharded database's key and co-located tables (without them, no shards are planned).
    public func deployment(session: Session, components: [Component], capacity: [CapacityFigure],
                           decisions: [Decision], tables: [Table] = []) -> [DeploymentNode] {
        let facts = InfraFacts(session: session, decisions: decisions)
        let sizing = ReplicaSizing(facts: facts, capacity: capacity)
        let placement = self.placement(facts)
        let services = components.filter { $0.kind == .service }
        let gateway = components.first { $0.kind == .gateway }
        var nodes: [DeploymentNode] = []
        func node(_ component: Component, replicas: Int, notes: [String], connects: [String] = [], at: String? = nil) {
            nodes.append(DeploymentNode(name: component.name, kind: component.kind, replicas: replicas, placement: at ?? placement,
                                        notes: notes, connectsTo: connects,
                                        trace: Trace(answers: ["requirements.availability"],
                                                     sources: ["DeploymentGenerator", "component \(component.name)"])))
        }
        let balancer = components.first { $0.kind == .loadBalancer } ?? Component(name: "Load balancer", kind: .loadBalancer)
        if let cdn = components.first(where: { $0.kind == .cdn }) {
            node(cdn, replicas: 1, notes: ["Managed edge network; caches static assets and cacheable GETs"],
                 connects: [balancer.name], at: "global edge")
        }
        let entry = gateway.map { [$0.name] } ?? services.map(\.name)
        node(balancer, replicas: sizing.minimum, notes: ["Managed layer-7 load balancer across the zones; TLS terminates here"],
             connects: entry)
        if let gateway {
            node(gateway, replicas: sizing.minimum, notes: ["Stateless proxy; scale with CPU, like the services behind it"],
                 connects: services.map(\.name))
        }
        let shares = ServiceShares(services: services, peak: sizing.peak)
        let nodeNames = Set(components.map(\.name))
        for (index, service) in services.enumerated() {
            let share = shares.load(index)
            let (count, arithmetic) = sizing.replicas(for: share)
            var notes = [arithmetic]
            if let split = shares.note(index, rate: sizing.rate) { notes.insert(split, at: 0) }
            notes.append(platformNote(facts, replicas: count))
            if facts.topology == "multi-region" { notes.append("Each region sized for the full load (regional failover)") }
            let targets = service.dependencies.filter { nodeNames.contains($0.target) }
                .filter { dependency in !(dependency.style == .async && services.contains { $0.name == dependency.target }) }
                .map(\.target)
            node(service, replicas: count, notes: notes, connects: unique(targets))
        }
        let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let roots = Set(EntityGraph(entities: session.entities).roots.map { InfraNaming.key($0.name) })
        for component in components where ![.service, .gateway, .loadBalancer, .cdn, .external].contains(component.kind) {
            nodes += StoreNodes(facts: facts, sizing: sizing, placement: placement, readShare: shares.databaseShare(component.name, components),
                                tables: byName, roots: roots)
                .nodes(for: component)
        }
        return nodes
    }

    /// `1 AZ`, `2 AZs`, `3 AZs` (from 99.95 %) or `2 regions`.
    func placement(_ facts: InfraFacts) -> String {
        switch facts.topology {
        case "multi-region": return "2 regions"
        case "multi-az": return (facts.availability ?? 0) >= 99.95 ? "3 AZs" : "2 AZs"
        default: return "1 AZ"
        }
    }

    private func platformNote(_ facts: InfraFacts, replicas: Int) -> String {
        let platform = facts.answer("services.platform") ?? (facts.style == .serverless ? "functions" : nil)
        let count = Double(replicas)
        switch platform {
        case "kubernetes": return "Kubernetes: Deployment with \(NumberFormat.counted(count, "pod")) spread across zones, HPA on CPU and request rate"
        case "vms": return "Virtual machines: \(NumberFormat.counted(count, "VM")) in an autoscaling group behind the load balancer"
        case "paas": return "PaaS: \(NumberFormat.counted(count, "instance")) (minimum \(replicas)), platform autoscaling"
        case "functions": return "Functions: \(replicas) is the sustained concurrency to reserve, not a server count"
        default: return "Platform not answered: \(NumberFormat.counted(count, "instance")) on any runtime that spreads them across zones"
        }
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen
    }
}

/// Splits the peak between services by the entities each owns (evenly when none own any).
struct ServiceShares: Sendable {
    let services: [Component]
    let peak: Double?

    private var weights: [Double] {
        let counts = services.map { Double($0.ownedData.count) }
        return counts.reduce(0, +) == 0 ? counts.map { _ in 1 } : counts
    }

    func load(_ index: Int) -> Double? {
        guard let peak else { return nil }
        guard services.count > 1 else { return peak }
        return peak * weights[index] / weights.reduce(0, +)
    }

    func note(_ index: Int, rate: (Double) -> String) -> String? {
        guard services.count > 1, let peak, let share = load(index) else { return nil }
        let total = weights.reduce(0, +)
        let basis = services.allSatisfy { $0.ownedData.isEmpty } ? "split evenly"
            : "\(NumberFormat.plain(weights[index])) of \(NumberFormat.plain(total)) entities"
        return "Share of peak: \(basis) → \(NumberFormat.oneDecimal(weights[index] / total * 100))% of \(rate(peak)) = \(rate(share))"
            + " (an assumption; replace with measured traffic)"
    }

    /// Load on a database: the summed share of the services depending on it.
    func databaseShare(_ database: String, _ components: [Component]) -> Double? {
        let users = services.indices.filter { services[$0].dependencies.contains { $0.target == database } }
        guard !users.isEmpty else { return peak }
        return users.compactMap(load).reduce(0, +)
    }
}
