import ArchModel

/// Checks a generated design against the session for gaps and risks. Every finding has a stable id;
/// the result is sorted by severity (errors first), then id, then subject.
public struct FindingsChecker: Sendable {
    /// Assumed cost of one synchronous service hop including its database query, in milliseconds.
    public static let millisecondsPerHop = 40.0

    public init() {}

    /// The findings of `design`: only its decisions, components, endpoints and tables are read, so the checks can
    /// run before (and beside) the sequences, deployment and security notes are made.
    public func findings(session: Session, design: Design) -> [Finding] {
        let all = findings(session: session, design: design, of: .modelAndServices)
            + findings(session: session, design: design, of: .dataAndPolicy)
        return all.sorted {
            if $0.severity != $1.severity { return $0.severity > $1.severity }
            if $0.id != $1.id { return $0.id < $1.id }
            return $0.subject < $1.subject
        }
    }
}

extension FindingsChecker {
    /// Two halves of the checks, of about the same cost, that can run at the same time.
    enum Part: Sendable {
        /// Entities, relations, endpoints' resources, ownership, the services' calls, and the user's flows.
        case modelAndServices
        /// Tables, keys and tenancy; personal data, encryption, rate limits and availability.
        case dataAndPolicy
    }

    /// The findings of one part, unordered.
    func findings(session: Session, design: Design, of part: Part) -> [Finding] {
        let facts = InfraFacts(session: session, decisions: design.decisions)
        switch part {
        case .modelAndServices:
            return ModelChecks(session: session, design: design, facts: facts).findings()
                + ServiceChecks(design: design, facts: facts).findings()
                + FlowChecks(session: session, design: design, facts: facts).findings()
        case .dataAndPolicy:
            return DataChecks(session: session, design: design, facts: facts).findings()
                + RenameChecks(design: design).findings()
                + PolicyChecks(session: session, design: design, facts: facts).findings()
        }
    }
}

/// Builds a finding with the checker's trace. `about` is what the finding leads to; a finding about answers
/// only (no element) leads to the first question it read.
func makeFinding(_ id: String, _ severity: Severity, _ title: String, subject: String, about: FindingSubject = .none,
                 detail: String, fix: String, answers: [String] = []) -> Finding {
    let leadsTo: FindingSubject = about == .none ? answers.first.map(FindingSubject.question) ?? .none : about
    return Finding(id: id, severity: severity, title: title, detail: detail, fix: fix, subject: subject, about: leadsTo,
                   trace: Trace(answers: answers, sources: ["FindingsChecker", subject]))
}

/// Entities, relations and endpoints.
struct ModelChecks: Sendable {
    let session: Session
    let design: Design
    let facts: InfraFacts

    /// The columns every table may get whatever the fields say (`RelationGraph.systemColumns` but `id`), in words.
    static let generatedColumns = [
        "created_at": "timestamp NOT NULL DEFAULT now, set when the row is written",
        "updated_at": "timestamp NOT NULL DEFAULT now, set on every change",
        "lock_version": "integer NOT NULL DEFAULT 0, the optimistic-locking version",
        "tenant_id": "the tenant of shared-schema multi-tenancy, from the caller's token",
    ]

    func findings() -> [Finding] {
        var out: [Finding] = []
        let keys = Set(session.entities.map { InfraNaming.key($0.name) })
        let names = session.names
        let tablesByEntity = Dictionary(design.tables.compactMap { table in table.entity.map { ($0, table) } }, uniquingKeysWith: { first, _ in first })
        var seen: [String: String] = [:]
        for entity in session.entities {
            let key = entity.name.lowercased()
            if let first = seen[key] {
                out.append(makeFinding("model.duplicate-entity-name", .error, "Duplicate entity name", subject: "entity \(entity.name)", about: .entity(entity.id),
                                       detail: "\(entity.name) and \(first) differ only in case; tables, paths and types would collide",
                                       fix: "Rename one or merge them"))
            } else { seen[key] = entity.name }
            if entity.fields.isEmpty {
                out.append(makeFinding("model.entity-without-fields", .info, "Entity has no fields", subject: "entity \(entity.name)", about: .entity(entity.id),
                                       detail: "\(entity.name) has no fields yet, so its table and schemas hold only an id",
                                       fix: "Add the fields the use cases need"))
            }
            if let id = entity.fields.first(where: { InfraNaming.key($0.name) == "id" }), id.type != .uuid {
                out.append(makeFinding("model.id-type-replaced", .info, "Declared id type is not used", subject: "entity \(entity.name)",
                                       about: .field(entity.id, id.id),
                                       detail: "\(entity.name).\(id.name) is declared \(id.type.rawValue), but every table's primary key is a"
                                           + " UUID made by the application (no round trip, not guessable, safe to merge)",
                                       fix: "Remove the field, or keep a business number under another name (e.g. number) with a unique index"))
            }
            // createdAt, updated_at, lock_version, tenant_id: a field the generated column of that name stands for, when
            // it says something else (another type), or the table has no such column (the field is left out).
            let table = tablesByEntity[entity.name]
            for field in entity.fields {
                let column = Naming.words(field.name).joined(separator: "_")
                guard column != "id", let generated = Self.generatedColumns[column] else { continue }
                let made = table?.columns.first { $0.name == column }
                if let made, made.type == field.type { continue }  // createdAt: timestamp is the generated column itself
                let detail = made != nil
                    ? "\(entity.name).\(field.name) (\(field.type.rawValue)) becomes the generated \(column) column, \(generated); what the field was declared with is not used"
                    : "\(entity.name).\(field.name) (\(field.type.rawValue)) is left out: \(column) is the name of a generated column (\(generated)), which this table does not have"
                out.append(makeFinding("model.field-replaced-by-generated-column", .warning, "Field is replaced by a generated column",
                                       subject: "entity \(entity.name)", about: .field(entity.id, field.id), detail: detail,
                                       fix: "Rename the field if it means something else (e.g. \(field.name)Date, placed_at), or remove it"))
            }
            // A resolved reference names an entity of the session, so its key is known without making it.
            for relation in entity.relations where !names.resolves(relation.target) && !keys.contains(InfraNaming.key(names.name(relation.target))) {
                let target = names.name(relation.target)
                out.append(makeFinding("model.unknown-relation-target", .error, "Relation to an unknown entity", subject: "entity \(entity.name)", about: .entity(entity.id),
                                       detail: "\(entity.name) \(relation.kind.rawValue) \(target), but there is no entity \(target)",
                                       fix: "Add entity \(target) or correct the relation's target"))
            }
        }
        if session.services.isEmpty {
            var first: [NameKey: String] = [:]
            for context in facts.values("services.bounded_contexts") where !context.isEmpty {
                let key = NameKey(context)
                guard let kept = first[key] else { first[key] = context; continue }
                out.append(makeFinding("model.duplicate-bounded-context", .warning, "Bounded contexts with one name",
                                       subject: "bounded context \(context)",
                                       detail: "\(context) and \(kept) are one name (names compare ignoring case and separators), so one "
                                           + "service, \(kept), stands for both",
                                       fix: "Remove \(context) from the bounded contexts, or name it for what sets it apart",
                                       answers: ["services.bounded_contexts"]))
            }
        }
        var knownResource: [String: Bool] = [:]  // endpoints come in runs of the same resource
        for endpoint in design.endpoints where !(knownResource[endpoint.resource] ?? {
            let known = keys.contains(InfraNaming.key(endpoint.resource))
            knownResource[endpoint.resource] = known
            return known
        }()) {
            out.append(makeFinding("api.endpoint-without-entity", .warning, "Endpoint serves no known entity",
                                   subject: "endpoint \(endpoint.method) \(endpoint.path)", about: .endpoint(endpoint.id),
                                   detail: endpoint.resource.isEmpty ? "The endpoint names no resource"
                                       : "Its resource \(endpoint.resource) is not an entity of the model",
                                   fix: "Point it at an entity, or add the entity it serves"))
        }
        let services = design.components.filter { $0.kind == .service }
        if services.count > 1 {
            let owned = Set(services.flatMap(\.ownedData).map(InfraNaming.key))
            let named = Set(services.map { InfraNaming.key($0.name) })
            for entity in session.entities where !owned.contains(InfraNaming.key(entity.name))
                && !(entity.service.map { named.contains(InfraNaming.key(names.name($0))) } ?? false) {
                out.append(makeFinding("model.entity-without-service", .warning, "Entity has no owning service", subject: "entity \(entity.name)", about: .entity(entity.id),
                                       detail: "\(services.count) services, none owns \(entity.name); its data would have no single writer",
                                       fix: "Assign \(entity.name) to one service"))
            }
        }
        return out
    }
}

/// Tables, keys and tenancy.
struct DataChecks: Sendable {
    let session: Session
    let design: Design
    let facts: InfraFacts

    static let tenantColumns: Set<String> = ["tenant_id", "organization_id", "organisation_id", "org_id", "account_id", "workspace_id"]
    static let tenantEntities: Set<String> = ["tenant", "organization", "organisation", "org", "account", "workspace"]

    func findings() -> [Finding] {
        let names = session.names
        var out: [Finding] = []
        let tables = design.tables
        for table in tables {
            if table.primaryKey.isEmpty {
                out.append(makeFinding("data.table-without-primary-key", .error, "Table without primary key", subject: "table \(table.name)", about: .table(table.id),
                                       detail: "Rows cannot be addressed or replicated reliably without a key", fix: "Add a primary key (e.g. id uuid)"))
            }
            for key in table.foreignKeys where !isIndexed(key.columns, in: table) {
                out.append(makeFinding("data.fk-without-index", .warning, "Foreign key without index", subject: "table \(table.name)", about: .table(table.id),
                                       detail: "\(key.columns.joined(separator: ", ")) → \(key.referencedTable): joins and deletes on \(key.referencedTable) scan \(table.name)",
                                       fix: "CREATE INDEX on \(table.name) (\(key.columns.joined(separator: ", ")))"))
            }
        }
        if facts.sharesTablesAcrossTenants {
            for table in tables where table.entity.map({ !Self.tenantEntities.contains($0.lowercased()) }) ?? false
                && !table.columns.contains(where: { Self.tenantColumns.contains($0.name.lowercased()) }) {
                out.append(makeFinding("data.tenant-column-missing", .error, "Tenant-scoped table without tenant column",
                                       subject: "table \(table.name)", about: .table(table.id),
                                       detail: "Tenants share tables (shared schema), but \(table.name) has no tenant_id: one tenant's rows are visible to all",
                                       fix: "Add tenant_id (not null, indexed, leading in unique keys) and filter every query by it",
                                       answers: ["data.multi_tenancy"]))
            }
        }
        var reported = Set<String>()
        var joins: JoinTableIndex?  // built at the first many-to-many
        for entity in session.entities {
            for relation in entity.relations where relation.kind == .manyToMany {
                if joins == nil { joins = JoinTableIndex(tables: design.tables) }
                let target = names.name(relation.target)
                let pair = [InfraNaming.key(entity.name), InfraNaming.key(target)].sorted().joined(separator: "|")
                guard !reported.contains(pair), joins?.hasJoinTable(entity.name, target) == false else { continue }
                reported.insert(pair)
                out.append(makeFinding("data.many-to-many-without-join-table", .warning, "Many-to-many without join table",
                                       subject: "entity \(entity.name)", about: .entity(entity.id),
                                       detail: "\(entity.name) many-to-many \(target) has no table referencing both",
                                       fix: "Add a join table with foreign keys to both and a composite primary key"))
            }
        }
        return out
    }

    /// An index, the primary key or a unique constraint starts with the columns.
    private func isIndexed(_ columns: [String], in table: Table) -> Bool {
        func leads(_ candidate: [String]) -> Bool { candidate.count >= columns.count && candidate.starts(with: columns) }
        return table.indexes.contains { leads($0.columns) } || leads(table.primaryKey) || table.uniqueConstraints.contains(where: leads)
    }
}

/// Which tables reference which: built once per check, so a many-to-many lookup does not scan every
/// table for every relation.
private struct JoinTableIndex {
    let isEmpty: Bool
    /// The first table of each entity, by `InfraNaming.key` of the entity's name.
    let tableOfEntity: [String: String]
    /// For each table: the tables its foreign keys reference; and the tables with two or more foreign keys (the
    /// only ones that can join two tables) by each table they reference.
    let references: [(tables: [String], count: Int)]
    let joiningTables: [String: [Int]]

    init(tables: [Table]) {
        isEmpty = tables.isEmpty
        var tableOfEntity: [String: String] = [:]
        for table in tables {
            if let entity = table.entity, tableOfEntity[InfraNaming.key(entity)] == nil { tableOfEntity[InfraNaming.key(entity)] = table.name }
        }
        self.tableOfEntity = tableOfEntity
        references = tables.map { ($0.foreignKeys.map(\.referencedTable), $0.foreignKeys.count) }
        var joiningTables: [String: [Int]] = [:]
        for (index, reference) in references.enumerated() where reference.count >= 2 {
            for table in reference.tables where joiningTables[table]?.last != index { joiningTables[table, default: []].append(index) }
        }
        self.joiningTables = joiningTables
    }

    /// Whether some table references both entities' tables (a self-relation needs two keys to the one table).
    func hasJoinTable(_ a: String, _ b: String) -> Bool {
        guard let left = tableOfEntity[InfraNaming.key(a)], let right = tableOfEntity[InfraNaming.key(b)] else { return isEmpty }
        return (joiningTables[left] ?? []).contains { references[$0].tables.contains(right) }
    }
}
