import ArchModel

/// The infrastructure components: the rules' own (deduplicated), plus fallbacks from the answers for
/// kinds no rule supplied, so the design is whole even with a small rule pack.
struct InfrastructureSet: Sendable {
    let facts: InfraFacts

    /// Kinds a design needs at most one of; a second one merges into the first.
    static let singletonKinds: Set<ComponentKind> = [.gateway, .loadBalancer, .cache, .broker, .cdn, .search, .identityProvider]

    func components(ruleComponents: [Component]) -> [Component] {
        var result: [Component] = []
        for component in ruleComponents {
            let duplicate = result.firstIndex {
                (Self.singletonKinds.contains(component.kind) && $0.kind == component.kind)
                    || ($0.kind == component.kind && InfraNaming.key($0.name) == InfraNaming.key(component.name))
            }
            if let duplicate {
                result[duplicate].trace = result[duplicate].trace.merged(with: component.trace)
                result[duplicate].responsibilities += component.responsibilities.filter { !result[duplicate].responsibilities.contains($0) }
            } else {
                result.append(component)
            }
        }
        for fallback in fallbacks() where !result.contains(where: { $0.kind == fallback.kind }) {
            result.append(fallback)
        }
        return result
    }

    private func fallbacks() -> [Component] {
        var list: [Component] = []
        func add(_ name: String, _ kind: ComponentKind, _ duty: String, _ interface: String, _ answer: String) {
            list.append(Component(name: name, kind: kind, responsibilities: [duty], interfaces: [.speaks(interface)],
                                  trace: Trace(answers: [answer], sources: ["ComponentGenerator", "fallback from answer \(answer)"])))
        }
        if facts.answer("services.gateway") == "yes" {
            add("API gateway", .gateway, "Routing, authentication, rate limiting", "HTTPS /v1/*", "services.gateway")
        }
        // Not when the rules decided on another caching strategy (the Decisions tab lists Redis as rejected).
        if ["distributed", "both"].contains(facts.answer("nonfunctional.caching") ?? ""),
           [nil, "cache-aside-redis"].contains(facts.choice("caching.strategy")) {
            add("Redis", .cache, "Distributed cache for hot reads", "Redis protocol", "nonfunctional.caching")
        }
        // A broker decided on (answered, or picked by the rules) is there whatever the calls between modules are.
        if let broker = facts.broker, facts.choice("messaging.broker") != nil || facts.communication != .sync {
            add(InfraNaming.product(broker), .broker, "Carries events between services", "topics / queues", "services.messaging")
        }
        if facts.answer("nonfunctional.cdn") == "yes" {
            add("CDN", .cdn, "Caches static assets and public GETs at the edge", "HTTPS", "nonfunctional.cdn")
        }
        // Not when the rules chose search inside the database (the Decisions tab lists OpenSearch as rejected).
        if facts.answer("data.search") == "full_text", [nil, "opensearch"].contains(facts.choice("search.engine")) {
            add("OpenSearch", .search, "Full-text search index", "REST search API", "data.search")
        }
        return list
    }
}
