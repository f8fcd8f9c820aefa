import Foundation
import ArchModel

/// The OWASP API Security Top 10 (2023), each item answered with a measure for this design.
struct OWASPChecklist: Sendable {
    static let titles: [String: String] = [
        "API1": "API1:2023 Broken Object Level Authorization",
        "API2": "API2:2023 Broken Authentication",
        "API3": "API3:2023 Broken Object Property Level Authorization",
        "API4": "API4:2023 Unrestricted Resource Consumption",
        "API5": "API5:2023 Broken Function Level Authorization",
        "API6": "API6:2023 Unrestricted Access to Sensitive Business Flows",
        "API7": "API7:2023 Server Side Request Forgery",
        "API8": "API8:2023 Security Misconfiguration",
        "API9": "API9:2023 Improper Inventory Management",
        "API10": "API10:2023 Unsafe Consumption of APIs",
    ]

    let context: SecurityContext

    func notes() -> [SecurityNote] {
        let endpoints = context.endpoints
        let facts = context.facts
        func list(_ items: [String], none: String) -> String {
            var sample = Sample()
            for item in items { sample.add(item) }
            return list(sample, none: none)
        }
        func list(_ sample: Sample, none: String) -> String {
            sample.first.isEmpty ? none
                : sample.first.joined(separator: ", ") + (sample.count > 4 ? " and \(sample.count - 4) more" : "")
        }
        let lists = EndpointLists(endpoints)
        let (objectPaths, writes, paged, deletes, creates) = (lists.objectPaths, lists.writes, lists.paged, lists.deletes, lists.creates)
        let tenant = facts.sharesTablesAcrossTenants ? "; every query also filters by the caller's tenant_id" : ""
        let integrations = facts.session.systems.isEmpty
            ? facts.values(ExternalSystem.questionID).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : facts.session.systems.filter { $0.direction.callsOut || $0.kind == .fileExchange }.map(\.name)
        let texts: [(String, String)] = [
            ("API1", "Check on every request that the caller may access the object named in the path: "
                + list(objectPaths, none: "every endpoint that takes an id") + "; load by id and owner together, never by id alone\(tenant)"),
            ("API2", "Authentication (\(list(context.auth, none: "not answered"))) enforced at \(context.entryPoint) for every route except health checks;"
                + " lockout and rate limits on credential endpoints; tokens validated for signature, issuer, audience and expiry"),
            ("API3", "Explicit response and request schemas per operation: return only listed properties, accept only writable ones"
                + " (no mass assignment of status, role or owner) on " + list(writes, none: "write endpoints")
                + (context.piiColumns.isEmpty ? "" : "; personal data (\(list(context.piiColumns, none: ""))) only to callers who need it")),
            ("API4", "Page size capped (default 20, max 100) on " + list(paged, none: "list endpoints")
                + "; request body limit (1 MB), timeouts on every call, rate limiting "
                + rateLimiting(facts.answer("api.rate_limiting"))),
            ("API5", "Function-level checks per operation, deny by default; admin-only operations on a separate route prefix: "
                + list(deletes, none: "no DELETE operations yet")),
            ("API6", "Protect business flows from automation (per-user quotas, bot detection, idempotency keys): "
                + list(creates, none: "the create operations")),
            ("API7", "Outbound HTTP only through an egress allow-list; never fetch a URL taken from a request; block link-local and metadata addresses (169.254.169.254)"),
            ("API8", "Hardened defaults: CORS allow-list, security headers, errors without stack traces, unused methods disabled,"
                + " TLS configuration tested, infrastructure as code reviewed"),
            ("API9", "OpenAPI document for all \(endpoints.count) operations generated from this design; one documented way in"
                + " (\(context.wayIn)); " + inventory(facts)),
            ("API10", "Treat third-party responses as untrusted input: validate schemas, TLS only, timeouts and circuit breakers, no blind redirects — "
                + list(integrations, none: "no integrations answered; applies to any added later")),
        ]
        return texts.map { key, text in
            let answers: [String] = key == "API10" ? ["requirements.integrations"] : key == "API4" ? ["api.rate_limiting"] : []
            return SecurityNote(topic: "OWASP \(Self.titles[key]!)", text: text, owasp: [Self.titles[key]!],
                                trace: Trace(answers: answers, sources: ["SecurityGenerator", "OWASP API Security Top 10 (2023)"]))
        }
    }

    /// The rate-limiting measure as answered: unanswered and "none" both ask for one, differently.
    private func rateLimiting(_ answer: String?) -> String {
        switch answer {
        case nil: "(not answered yet — add it)"
        case "none": "(none answered — add it at the entry point)"
        case let answer?: "(\(answer))"
        }
    }

    /// What the inventory lists, by the versioning answered or decided.
    private func inventory(_ facts: InfraFacts) -> String {
        switch facts.choice("api.versioning") ?? facts.answer("api.versioning") ?? "url" {
        case "header": "versions (API-Version header) and environments listed, old versions retired on a schedule"
        case "none", "evolve-compatibly": "environments listed; without versions every change stays backward compatible (additive only)"
        default: "versions (/v1) and environments listed, old versions retired on a schedule"
        }
    }
}

/// The endpoints the checklist names, gathered in one pass (a large design has thousands).
struct EndpointLists {
    var objectPaths = Sample(distinct: true), writes = Sample(), paged = Sample(), deletes = Sample(), creates = Sample()

    init(_ endpoints: [Endpoint]) {
        for endpoint in endpoints {
            let path = endpoint.path, method = endpoint.method
            if path.utf8.contains(UInt8(ascii: "{")) || endpoint.parameters.contains(where: { $0.location == .path }) {
                objectPaths.add(path)
            }
            if ["PUT", "PATCH", "POST"].contains(method) { writes.add("\(method) \(path)") }
            if endpoint.paginated { paged.add(path) }
            if method == "DELETE" { deletes.add("DELETE \(path)") }
            if method == "POST" { creates.add("POST \(path)") }
        }
    }
}

/// The first four items of a list and how many there are: what a note shows of a long list.
struct Sample {
    private(set) var first: [String] = []
    private(set) var count = 0
    /// Items seen so far, when only distinct items count.
    private var seen: Set<String>?

    init(distinct: Bool = false) { seen = distinct ? [] : nil }

    /// Counts the item; it is built only for the first four (and, when only distinct items count, to compare).
    mutating func add(_ item: @autoclosure () -> String) {
        if seen != nil {
            let text = item()
            guard seen!.insert(text).inserted else { return }
            if first.count < 4 { first.append(text) }
        } else if first.count < 4 {
            first.append(item())
        }
        count += 1
    }
}
