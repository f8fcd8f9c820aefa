import ArchModel

/// Service topology: shared databases, synchronous cycles and call chains longer than the latency budget.
struct ServiceChecks: Sendable {
    let design: Design
    let facts: InfraFacts

    /// Cap on reported cycles, so a dense graph does not flood the list.
    static let maxCycles = 10

    private var services: [Component] { design.components.filter { $0.kind == .service } }

    /// Sync edges between services, by index, in dependency order.
    private var edges: [[Int]] {
        services.map { service in
            service.dependencies.filter { $0.style == .sync }.compactMap { dependency in
                services.firstIndex { $0.name == dependency.target }
            }
        }
    }

    func findings() -> [Finding] { sharedDatabases() + cycles() + chainOverBudget() }

    private func sharedDatabases() -> [Finding] {
        guard facts.isDistributed, services.count > 1 else { return [] }
        return design.components.filter { $0.kind == .database }.compactMap { database in
            let users = services.filter { $0.dependencies.contains { $0.target == database.name } }.map(\.name)
            guard users.count > 1 else { return nil }
            return makeFinding("services.shared-database", .warning, "Services share a database", subject: "database \(database.name)",
                               about: .component(database.name),
                               detail: "\(users.joined(separator: ", ")) all use \(database.name): schema changes and load couple them",
                               fix: "Give each service its own schema or database and share data through its API or events",
                               answers: ["services.deployment_style"])
        }
    }

    /// Elementary cycles of sync calls; each starts at its earliest-declared service.
    func cyclePaths() -> [[Int]] {
        let edges = self.edges
        var found: [[Int]] = []
        for start in services.indices {
            var path = [start]
            func visit(_ node: Int) {
                for next in edges[node] where found.count < Self.maxCycles {
                    if next == start { found.append(path + [start]) } else if next > start, !path.contains(next) {
                        path.append(next); visit(next); path.removeLast()
                    }
                }
            }
            visit(start)
        }
        return found
    }

    private func cycles() -> [Finding] {
        cyclePaths().map { cycle in
            let names = cycle.map { services[$0].name }.joined(separator: " → ")
            return makeFinding("services.sync-cycle", .error, "Cycle of synchronous calls", subject: "services \(names)",
                               about: .service(services[cycle[0]].name),
                               detail: "\(names): a slow or failing service stalls every service in the loop, and requests can recurse",
                               fix: "Break the cycle: make one call an event, or move the shared logic into one service",
                               answers: ["services.communication"])
        }
    }

    /// Longest chain of sync calls without repeating a service.
    func longestChain() -> [Int] {
        let edges = self.edges
        var best: [Int] = []
        func visit(_ path: [Int]) {
            if path.count > best.count { best = path }
            for next in edges[path.last!] where !path.contains(next) { visit(path + [next]) }
        }
        for start in services.indices { visit([start]) }
        return best
    }

    private func chainOverBudget() -> [Finding] {
        guard let budget = facts.number("requirements.p99_latency_ms"), services.count > 1 else { return [] }
        let chain = longestChain()
        let cost = Double(chain.count) * FindingsChecker.millisecondsPerHop
        guard chain.count > 1, cost > budget else { return [] }
        let names = chain.map { services[$0].name }.joined(separator: " → ")
        return [makeFinding("performance.sync-chain-over-budget", .warning, "Synchronous call chain exceeds the latency budget",
                            subject: "services \(names)", about: .service(services[chain[0]].name),
                            detail: "\(chain.count) services × \(NumberFormat.plain(FindingsChecker.millisecondsPerHop)) ms (a call with its database query)"
                                + " = \(NumberFormat.plain(cost)) ms > p99 budget \(NumberFormat.plain(budget)) ms",
                            fix: "Shorten the chain: cache or replicate the data locally, call in parallel, or turn downstream calls into events",
                            answers: ["requirements.p99_latency_ms"])]
    }
}

/// Security and reliability policies: PII exposure and protection, rate limits, availability vs topology.
struct PolicyChecks: Sendable {
    let session: Session
    let design: Design
    let facts: InfraFacts

    /// Parameter names that are personal data whatever the model says.
    static let wellKnownPII: Set<String> = ["email", "ssn", "phone", "phonenumber", "dateofbirth", "dob", "passport", "iban", "cardnumber"]

    /// PII names (as `InfraNaming.key`s) of each resource's own fields and columns when it is a known entity (so
    /// `Author.name` is not personal data just because `Customer.name` is), else of every entity; plus the
    /// well-known names. Worked out once per resource: a large design has thousands of endpoints.
    private struct PIIKeys {
        /// Only resources with personal data have an entry; the others have none of their own.
        private var byResource: [String: Set<String>] = [:]
        private let known: Set<String>
        private let all: Set<String>

        init(session: Session, design: Design) {
            var known = Set(session.entities.map(\.name))
            for entity in session.entities {
                for field in entity.fields where field.pii { byResource[entity.name, default: []].insert(InfraNaming.key(field.name)) }
            }
            for table in design.tables {
                guard let entity = table.entity else { continue }
                known.insert(entity)
                for column in table.columns where column.pii { byResource[entity, default: []].insert(InfraNaming.key(column.name)) }
            }
            self.known = known
            all = byResource.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        }

        /// Whether `key` may name personal data of some resource.
        func mayContain(_ key: String) -> Bool { wellKnownPII.contains(key) || all.contains(key) }

        /// Whether `key` names personal data of `resource`.
        func contains(_ key: String, of resource: String) -> Bool {
            wellKnownPII.contains(key) || (known.contains(resource) ? byResource[resource]?.contains(key) ?? false : all.contains(key))
        }
    }

    func findings() -> [Finding] {
        var out: [Finding] = []
        let piiKeys = PIIKeys(session: session, design: design)
        // Endpoints repeat parameter names: each name's key once, and nil for names that are no resource's PII.
        var candidateKey: [String: String?] = [:]
        for endpoint in design.endpoints {
            let parameters = endpoint.parameters
            for index in parameters.indices where parameters[index].location != .header {
                let parameter = parameters[index].name
                let candidate = candidateKey[parameter] ?? {
                    let key = InfraNaming.key(parameter)
                    let found: String? = piiKeys.mayContain(key) ? key : nil
                    candidateKey[parameter] = found
                    return found
                }()
                guard let key = candidate, piiKeys.contains(key, of: endpoint.resource) else { continue }
                let location = parameters[index].location
                out.append(makeFinding("security.pii-in-url", .error, "Personal data in the URL",
                                       subject: "endpoint \(endpoint.method) \(endpoint.path)", about: .endpoint(endpoint.id),
                                       detail: "\(location.rawValue) parameter \(parameter) is personal data; URLs end up in logs, caches and browser history",
                                       fix: "Use an opaque id in the path, or move the value into a POST search body"))
            }
        }
        let hasPII = session.entities.contains { $0.fields.contains(where: \.pii) }
            || design.tables.contains { $0.columns.contains(where: \.pii) } || facts.answer("data.pii") == "yes"
        if hasPII, facts.answer("nonfunctional.encryption_at_rest") == "none" {
            let regulated = facts.compliance.filter { ["gdpr", "hipaa", "pci_dss"].contains($0) }
            out.append(makeFinding("security.pii-unencrypted-at-rest", regulated.isEmpty ? .warning : .error, "Personal data not encrypted at rest",
                                   subject: "data", detail: "The model holds personal data and encryption at rest is off"
                                       + (regulated.isEmpty ? "" : " under \(regulated.map(SecurityContext.regimeName).joined(separator: ", "))"),
                                   fix: "Turn on storage encryption with KMS keys; field-level encryption for the most sensitive columns",
                                   answers: ["nonfunctional.encryption_at_rest", "nonfunctional.compliance"]))
        }
        if ["public", "both"].contains(facts.answer("api.clients") ?? ""), (facts.answer("api.rate_limiting") ?? "none") == "none" {
            out.append(makeFinding("security.public-api-without-rate-limit", .warning, "Public API without rate limiting", subject: "api",
                                   detail: "Third parties call the API and nothing limits how often (OWASP API4:2023)",
                                   fix: "Rate-limit per client or API key at the gateway, with 429 and Retry-After",
                                   answers: ["api.clients", "api.rate_limiting"]))
        }
        if let availability = facts.availability, availability >= 99.99, facts.topology != "multi-region" {
            let allowed = ((100 - availability) * 1e6).rounded() / 1e6 // 0.01, not 0.010000000000005116
            let minutes = allowed / 100 * 525_960
            out.append(makeFinding("reliability.single-region-availability", facts.topology == "single-az" ? .error : .warning,
                                   "Availability target beyond one region", subject: "deployment",
                                   detail: "\(NumberFormat.plain(availability))% allows \(NumberFormat.oneDecimal(minutes)) min of downtime a year"
                                       + " (\(NumberFormat.plain(allowed))% × 525,960 min); one regional outage exceeds it (topology \(facts.topology))",
                                   fix: "Deploy to two regions with failover, or lower the target to 99.95%",
                                   answers: ["requirements.availability", "nonfunctional.disaster_recovery"]))
        }
        return out
    }
}
