import ArchModel

/// Nodes for stateful infrastructure: databases (with read replicas or a standby), cache, broker, search.
struct StoreNodes: Sendable {
    let facts: InfraFacts
    let sizing: ReplicaSizing
    let placement: String
    /// Requests per second reaching this store (its services' share of the peak).
    let readShare: Double?

    func nodes(for component: Component) -> [DeploymentNode] {
        let trace = Trace(answers: ["requirements.availability"], sources: ["DeploymentGenerator", "component \(component.name)"])
        func node(_ name: String, _ kind: ComponentKind, _ replicas: Int, _ notes: [String], _ connects: [String] = []) -> DeploymentNode {
            DeploymentNode(name: name, kind: kind, replicas: replicas, placement: placement, notes: notes, connectsTo: connects, trace: trace)
        }
        let highlyAvailable = sizing.minimum >= 2
        switch component.kind {
        case .database: return database(component, node: node)
        case .cache:
            return [node(component.name, .cache, highlyAvailable ? 2 : 1, [highlyAvailable
                ? "Primary + replica with automatic failover; data is rebuildable, so no backups"
                : "Single node; the service falls back to the database when it is down"])]
        case .broker:
            let kind = facts.broker ?? InfraNaming.key(component.name)
            if kind.contains("kafka") {
                return [node(component.name, .broker, 3, ["3 brokers: replication factor 3, min.insync.replicas 2, one per zone"])]
            }
            if kind.contains("sqs") || kind.contains("managed") {
                return [node(component.name, .broker, 1, ["Managed queue: no nodes to run; dead-letter queue per consumer"])]
            }
            return [node(component.name, .broker, highlyAvailable ? 3 : 1, [highlyAvailable
                ? "3-node cluster with quorum queues (a majority survives one node)" : "Single node; messages persisted to disk"])]
        case .search:
            return [node(component.name, .search, highlyAvailable ? 3 : 1, [highlyAvailable
                ? "3 nodes: every shard has a replica on another node" : "Single node; the index can be rebuilt from the database"])]
        case .worker:
            // Workers hold no state: as many as the services' minimum, scaled on the backlog rather than on requests.
            let targets = component.dependencies.map(\.target)
            return [node(component.name, .worker, sizing.minimum, [
                "Stateless workers: \(NumberFormat.counted(Double(sizing.minimum), "instance")), scaled on the backlog (due jobs or consumer lag), not on request rate",
                "A deploy drains them: each finishes or releases its job before it stops",
            ], targets)]
        default:
            return [node(component.name, component.kind, 1, ["As provided by the rules: \(component.responsibilities.joined(separator: "; "))"])]
        }
    }

    private func database(_ component: Component,
                          node: (String, ComponentKind, Int, [String], [String]) -> DeploymentNode) -> [DeploymentNode] {
        guard facts.isRelational else {
            let notes = (facts.datastore == "dynamodb"
                ? ["Managed: on-demand capacity, replicated across 3 AZs by the service"]
                : ["Replica set: 1 primary + 2 secondaries in different zones, majority write concern"]) + [BackupPlan(facts: facts).note]
            return [node(component.name, .database, facts.datastore == "dynamodb" ? 1 : 3, notes, [])]
        }
        var extra: [DeploymentNode] = []
        var notes = ["Primary: all writes" + (component.ownedData.isEmpty ? "" : " (\(component.ownedData.joined(separator: ", ")))")]
        if (sizing.availability ?? 0) >= 99.95 {
            extra.append(node("\(component.name) standby", .replica, 1,
                              ["Synchronous standby in another zone; automatic failover for \(NumberFormat.plain(sizing.availability ?? 0))%"], []))
        } else if (sizing.availability ?? 0) >= 99.9 {
            // The multi-AZ decision promises a standby; a managed multi-AZ instance includes it.
            notes.append("Multi-AZ: the managed instance keeps a synchronous standby in the other zone; automatic failover for \(NumberFormat.plain(sizing.availability ?? 0))%")
        }
        if let reads = readLoad() {
            let count = min(5, max(1, NumberFormat.count((reads.rate / DeploymentGenerator.readsPerReplica).rounded(.up))))
            extra.append(node("\(component.name) read replicas", .replica, count, [
                "\(sizing.rate(reads.rate)) reads (\(reads.arithmetic)) ÷ \(sizing.rate(DeploymentGenerator.readsPerReplica))"
                    + " per replica (assumed) → \(count); reads that tolerate lag only",
            ], []))
        }
        if facts.topology == "multi-region" {
            notes.append("Asynchronous replica in the standby region, promoted on regional failover (data loss up to the replication lag)")
        }
        if !extra.isEmpty { notes.append("Replicates to \(extra.map(\.name).joined(separator: ", "))") }
        notes.append(BackupPlan(facts: facts).note)
        return [node(component.name, .database, 1, notes, extra.map(\.name))] + extra
    }

    /// Reads on this database when read-heavy (≥ 70 %) and above the replica threshold.
    private func readLoad() -> (rate: Double, arithmetic: String)? {
        guard let load = readShare, let percent = facts.number(CapacityEstimator.Input.readPercent), percent >= 70 else { return nil }
        let reads = load * percent / 100
        guard reads >= DeploymentGenerator.readReplicaThreshold else { return nil }
        return (reads, "\(sizing.rate(load)) × \(NumberFormat.plain(percent))% reads")
    }
}
