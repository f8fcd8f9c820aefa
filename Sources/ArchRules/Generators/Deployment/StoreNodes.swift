import ArchModel

/// Nodes for stateful infrastructure: databases (with read replicas or a standby), cache, broker, search.
struct StoreNodes: Sendable {
    let facts: InfraFacts
    let sizing: ReplicaSizing
    let placement: String
    /// Requests per second reaching this store (its services' share of the peak).
    let readShare: Double?
    /// The schema's tables, by name: which a database holds, which are streams, how they reference each other.
    var tables: [String: Table] = [:]
    /// Entity keys of the aggregate roots (`EntityGraph`), for the shard key.
    var roots: Set<String> = []

    /// Writes one shard's primary takes comfortably (an assumption the notes state).
    static let writesPerShard = 2_500.0

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
        let shards = shardPlan(component)
        if let shards { notes[0] = shards.note }
        if (sizing.availability ?? 0) >= 99.95 {
            extra.append(node("\(component.name) standby", .replica, shards?.count ?? 1,
                              [(shards == nil ? "Synchronous standby" : "A synchronous standby per shard") + " in another zone; automatic failover for \(NumberFormat.plain(sizing.availability ?? 0))%"], []))
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
        var primary = node(component.name, .database, shards?.count ?? 1, notes, extra.map(\.name))
        primary.shardKey = shards?.key
        return [primary] + extra
    }

    /// With `scaling.strategy: sharded-data-tier`, a database holding entity tables (not only a stream, which is
    /// partitioned by time instead) is split into shards: by tenant when tenants share tables, else by its first
    /// aggregate root's id, its children co-located by their reference to it. Enough shards for its share of the
    /// writes at `writesPerShard`, at least 2.
    private func shardPlan(_ component: Component) -> (count: Int, key: String, note: String)? {
        guard facts.choice("scaling.strategy") == "sharded-data-tier" else { return nil }
        let held = component.ownedData.compactMap { tables[$0] }.filter { $0.entity != nil && $0.stream == nil }
        guard !held.isEmpty else { return nil }
        let key: String, colocated: String
        if facts.sharesTablesAcrossTenants {
            key = "tenant_id"
            colocated = "every tenant-scoped table co-located by tenant_id"
        } else {
            let root = held.first { $0.entity.map { roots.contains(InfraNaming.key($0)) } == true } ?? held[0]
            key = "\(root.name).id"
            let children = held.filter { $0.name != root.name }.compactMap { table in
                table.foreignKeys.first { $0.referencedTable == root.name }.map { "\(table.name).\($0.columns.joined(separator: ", "))" }
            }
            let others = held.count - 1 - children.count
            colocated = (children.isEmpty ? "" : "co-located: \(children.joined(separator: ", "))")
                + (others > 0 ? (children.isEmpty ? "" : "; ") + "the other tables replicated to every shard as reference tables" : "")
        }
        let outbox = component.ownedData.contains { name in if case .outbox? = tables[name]?.machinery { true } else { false } }
        var count = 2, arithmetic = "at least 2"
        if let load = readShare, let percent = facts.number(CapacityEstimator.Input.readPercent) {
            let writes = load * (100 - percent) / 100
            let needed = max(1, min(64, NumberFormat.count((writes / Self.writesPerShard).rounded(.up))))
            count = max(2, needed)
            arithmetic = "\(sizing.rate(writes)) writes (\(sizing.rate(load)) × \(NumberFormat.plain(100 - percent))%) ÷ "
                + "\(sizing.rate(Self.writesPerShard)) per shard primary (assumed) → \(needed)"
                + (needed < count ? ", raised to 2: a sharded tier starts with two and grows by splitting shards" : "")
        }
        let engine = facts.datastore == "mysql" ? "Vitess" : "Citus"
        return (count, key, "Sharded (scaling.strategy): \(count) shard primaries, \(arithmetic); shard key \(key)"
            + (colocated.isEmpty ? "" : ", \(colocated)") + (outbox ? "; an outbox and its relay on every shard" : "")
            + "; \(engine) routes each query by the key, a query without it fans out to every shard")
    }

    /// Reads on this database when read-heavy (≥ 70 %) and above the replica threshold.
    private func readLoad() -> (rate: Double, arithmetic: String)? {
        guard let load = readShare, let percent = facts.number(CapacityEstimator.Input.readPercent), percent >= 70 else { return nil }
        let reads = load * percent / 100
        guard reads >= DeploymentGenerator.readReplicaThreshold else { return nil }
        return (reads, "\(sizing.rate(load)) × \(NumberFormat.plain(percent))% reads")
    }
}
