import ArchModel

/// Security notes for the design: authentication, authorisation, transport, data protection, secrets,
/// rate limiting, audit, then the OWASP API Security Top 10 (2023) checklist tied to this API.
public struct SecurityGenerator: Sendable {
    public init() {}

    /// - Parameter components: the design's components; the notes name only those that exist (a gateway, a cache).
    public func notes(session: Session, endpoints: [Endpoint], tables: [Table], decisions: [Decision],
                      components: [Component] = []) -> [SecurityNote] {
        let context = SecurityContext(facts: InfraFacts(session: session, decisions: decisions), endpoints: endpoints, tables: tables,
                                      components: components)
        return context.baseline() + OWASPChecklist(context: context).notes()
    }
}

/// Facts the notes quote: services, PII columns, auth answers.
struct SecurityContext: Sendable {
    let facts: InfraFacts
    let endpoints: [Endpoint]
    let tables: [Table]
    /// `customers.email`-style names of personal-data columns (or entity fields when no tables are given).
    let piiColumns: [String]
    /// The kinds of the design's components: a note names a gateway, cache or broker only when there is one.
    let kinds: Set<ComponentKind>

    init(facts: InfraFacts, endpoints: [Endpoint], tables: [Table], components: [Component] = []) {
        self.facts = facts
        self.endpoints = endpoints
        self.tables = tables
        kinds = Set(components.map(\.kind))
        let columns = tables.flatMap { table in table.columns.filter(\.pii).map { "\(table.name).\($0.name)" } }
        piiColumns = !columns.isEmpty ? columns
            : facts.session.entities.flatMap { entity in entity.fields.filter(\.pii).map { "\(InfraNaming.snake(entity.name)).\($0.name)" } }
    }

    var serviceCount: Int {
        // In one deployable, endpoints' `service` names modules (bounded contexts), not network services.
        let oneDeployable = ["monolith", "modular_monolith"].contains(facts.answer("services.deployment_style") ?? "")
            || ["monolith", "modular-monolith"].contains(facts.choice("architecture.style") ?? "")
        if oneDeployable { return max(facts.session.services.count, 1) }
        return max(facts.session.services.count, Set(endpoints.map(\.service).filter { !$0.isEmpty }).count,
            facts.isDistributed ? 2 : 1)
    }

    var auth: [String] { facts.values("api.auth") }

    /// Where requests are checked and limited, as the design has it: its gateway, else the application itself.
    var entryPoint: String { kinds.contains(.gateway) ? "the API gateway" : "the application's request middleware" }

    /// The one way in: the gateway, else the load balancer every deployment has in front of the services.
    var wayIn: String { kinds.contains(.gateway) ? "the API gateway" : "the load balancer" }

    func note(_ topic: String, _ text: String, owasp: [String] = [], answers: [String] = []) -> SecurityNote {
        SecurityNote(topic: topic, text: text, owasp: owasp.map { OWASPChecklist.titles[$0] ?? $0 },
                     trace: Trace(answers: answers, sources: ["SecurityGenerator"]))
    }

    /// Outside the database the tenant is carried by hand: the note names the stores this design has.
    private func tenantScope() -> SecurityNote? {
        guard let tenancy = facts.answer("data.multi_tenancy"), tenancy != "none" else { return nil }
        let stores: [(ComponentKind, String)] = [(.cache, "cache keys"), (.broker, "message and topic names"),
                                                 (.search, "search documents"), (.objectStorage, "object-storage keys")]
        let scoped = stores.filter { kinds.contains($0.0) }.map(\.1)
        let database = facts.sharesTablesAcrossTenants
            ? "In the database, tenant_id leads every key and foreign key"
                + (facts.choice("tenancy.isolation")?.contains("rls") == true ? " and row-level security checks it" : "")
            : "Each tenant's data lives apart in the database"
        return note("Tenant isolation", database + (scoped.isEmpty ? "" : "; outside it, the tenant prefixes the " + Naming.sentenceList(scoped)),
                    owasp: ["API1"], answers: ["data.multi_tenancy"])
    }

    func baseline() -> [SecurityNote] {
        var notes: [SecurityNote] = []
        let schemes: [String: String] = [
            "oidc": "OAuth 2.0 / OpenID Connect: short-lived JWT access tokens (≤ 15 min), signature, issuer, audience and expiry checked on every request; refresh tokens rotated",
            "api_keys": "API keys per client: stored hashed, shown once, scoped and rotatable; sent in a header, never in the URL",
            "session": "Session cookies: HttpOnly, Secure, SameSite=Lax, rotated at login; CSRF tokens on state-changing requests",
            "mtls": "Mutual TLS for callers: client certificates from a private CA, short-lived, checked against the allowed subjects",
        ]
        let chosen = auth.compactMap { schemes[$0] }
        notes.append(note("Authentication", chosen.isEmpty
            ? "No authentication scheme answered: default to OAuth 2.0 / OpenID Connect with short-lived access tokens"
            : chosen.joined(separator: ". "), owasp: ["API2"], answers: ["api.auth"]))
        let models: [String: String] = [
            "rbac": "Role-based: roles map to scopes (e.g. orders:write); checked per operation, denied by default",
            "abac": "Attribute-based: a policy engine (OPA, Cedar) decides on subject, resource and context attributes",
            "rebac": "Relationship-based: a relationship store (Zanzibar-style, e.g. OpenFGA) answers who may access which object",
            "owner": "Owner only: every query filters by the caller's id; admins through a separate, audited path",
        ]
        // Unanswered, the operations are written for roles (the question's default): the note says the same.
        let answered = facts.values("api.authorization")
        let model = (answered.isEmpty ? ["rbac"] : answered).compactMap { models[$0] }
        notes.append(note("Authorisation", (answered.isEmpty ? "Not answered, so role-based as every operation assumes. " : "")
            + (model.isEmpty ? "Deny by default, check per operation and per object" : model.joined(separator: ". ")),
            owasp: ["API1", "API5"], answers: answered.isEmpty ? [] : ["api.authorization"]))
        var transport = "TLS 1.2+ (prefer 1.3) on every hop, HSTS on public hosts, no plain HTTP listeners"
        if serviceCount > 1 { transport += "; mTLS between services (mesh or platform-issued certificates) so a compromised pod cannot impersonate another" }
        notes.append(note("Encryption in transit", transport, owasp: ["API8"]))
        notes.append(note("Encryption at rest", atRest(), answers: ["nonfunctional.encryption_at_rest"]))
        if !piiColumns.isEmpty || facts.answer("data.pii") == "yes" { notes.append(piiNote()) }
        notes.append(note("Secrets management", secrets(), owasp: ["API8"], answers: ["services.platform"]))
        if let tenancy = tenantScope() { notes.append(tenancy) }
        let limiting = facts.answer("api.rate_limiting") ?? "none"
        notes.append(note("Rate limiting", limiting == "none"
            ? "No rate limiting answered: add per-client limits at \(entryPoint) (token bucket, 429 with Retry-After)"
            : "Limits \(limiting == "per_user" ? "per user" : "per client or API key") at \(entryPoint): token bucket, 429 with Retry-After, stricter limits on login and writes",
            owasp: ["API4"], answers: ["api.rate_limiting"]))
        let regimes = facts.compliance.filter { ["hipaa", "pci_dss", "soc2"].contains($0) }
        if !regimes.isEmpty {
            notes.append(note("Audit logging", "Append-only audit log of who read or changed which record, when and from where"
                + " (\(regimes.map(Self.regimeName).joined(separator: ", "))); tamper-evident storage, kept "
                + (regimes.contains("hipaa") ? "6 years (HIPAA)" : regimes.contains("pci_dss") ? "at least 1 year, 3 months online (PCI DSS)" : "per the SOC 2 retention policy"),
                answers: ["nonfunctional.compliance"]))
        }
        return notes
    }

    static func regimeName(_ value: String) -> String {
        ["hipaa": "HIPAA", "pci_dss": "PCI DSS", "soc2": "SOC 2", "gdpr": "GDPR"][value] ?? value
    }

    private func atRest() -> String {
        switch facts.answer("nonfunctional.encryption_at_rest") {
        case "field": return "Disk encryption with KMS-managed keys, plus field-level (envelope) encryption of "
            + (piiColumns.isEmpty ? "sensitive columns" : piiColumns.joined(separator: ", "))
        case "disk": return "Storage encryption with KMS-managed keys for " + stores
        case "none": return "No encryption at rest answered: turn on storage encryption (it is free on managed databases)"
        default: return "Encrypt \(stores) with KMS-managed keys"
        }
    }

    /// What holds data at rest in this design: the databases and their backups, then the stores that exist.
    private var stores: String {
        var stores = ["databases", "backups"]
        if kinds.contains(.cache) { stores.append("caches") }
        if kinds.contains(.broker) { stores.append("broker volumes") }
        if kinds.contains(.search) { stores.append("search indexes") }
        if kinds.contains(.objectStorage) { stores.append("object storage") }
        return Naming.sentenceList(stores)
    }

    private func piiNote() -> SecurityNote {
        let columns = piiColumns.isEmpty ? "the personal data" : piiColumns.joined(separator: ", ")
        var text = "Personal data in \(columns): encrypt, mask in responses that do not need it, redact from logs and traces, keep out of URLs"
        if facts.compliance.contains("gdpr") {
            text += "; GDPR: a retention period per table, erasure (right to be forgotten) that also purges backups by expiry, and a data export"
        }
        if facts.values("data.pii_categories").contains("payment") {
            text += "; payment data: tokenise with the payment provider, never store the card number (PCI DSS scope)"
        }
        return note("Personal data", text, owasp: ["API3"], answers: ["data.pii", "data.pii_categories", "nonfunctional.compliance"])
    }

    private func secrets() -> String {
        let store = facts.answer("services.platform") == "kubernetes"
            ? "a secrets manager synced into Kubernetes Secrets (External Secrets), encrypted with KMS"
            : "a secrets manager (Vault or the cloud's) read at start-up"
        return "Database passwords, API keys and signing keys live in \(store); never in code, images or the repository; rotated on a schedule"
    }
}
