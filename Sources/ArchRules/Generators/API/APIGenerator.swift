import ArchModel

/// Derives the REST endpoints of every entity, when the API style is REST (or unanswered).
///
/// Per entity: a collection (`GET` paginated, `POST` → 201 with `Location`) and item routes
/// (`GET`/`PATCH`/`DELETE /…/{orderItemId}`). An entity owned by another (has-many/has-one, or belongs-to with
/// cascade) gets its collection nested under the owner instead (`/v1/orders/{orderId}/items`); its item routes stay
/// flat (shallow nesting: one id names an item, so links do not break when ownership changes). Tables with
/// `lock_version` take `If-Match` on writes (412 stale, 428 missing). PII never appears in a path or a query.
public struct APIGenerator: Sendable {
    /// Words that mark an entity whose duplicate creation costs money, so retried POSTs need an idempotency key.
    public static let paymentLikeWords: Set = ["payment", "order", "charge", "transfer", "refund", "invoice",
                                               "transaction", "booking", "reservation", "subscription", "payout"]

    public init() {}

    /// The endpoints for `session`, in entity declaration order; `tables` tell which resources are versioned.
    public func endpoints(for session: Session, tables: [Table], decisions: [Decision]) -> [Endpoint] {
        let inputs = GeneratorInputs(session: session, decisions: decisions)
        guard ["rest", ""].contains(inputs.choice("api.style")) else { return [] }
        let names = SchemaNames(session.entities)
        let graph = RelationGraph(names)
        let builder = RouteBuilder(inputs: inputs, names: names, graph: graph, tables: tables)
        return names.entities.flatMap(builder.routes)
    }
}

/// Builds the routes of one entity; holds what all entities share.
struct RouteBuilder {
    let inputs: GeneratorInputs
    let names: SchemaNames
    let graph: RelationGraph
    let tables: [Table]
    let vocabulary: EndpointVocabulary
    let prefix: String
    /// The answers every route reads, read once (a large design has thousands of routes).
    private let pagination: String
    private let versionHeader: [Endpoint.Parameter]
    private let idempotencyChoice: String
    private let retries: Bool
    private let traces: Traces
    /// Tables with optimistic locking, by entity.
    private let versionedEntities: Set<String>

    init(inputs: GeneratorInputs, names: SchemaNames, graph: RelationGraph, tables: [Table]) {
        self.inputs = inputs
        self.names = names
        self.graph = graph
        self.tables = tables
        vocabulary = EndpointVocabulary(inputs: inputs)
        prefix = inputs.choice("api.versioning") == "url" ? "/v1" : ""
        pagination = inputs.choice("api.pagination")
        versionHeader = inputs.choice("api.versioning") != "header" ? [] : [
            Endpoint.Parameter(name: "API-Version", location: .header, type: .string, required: true,
                               description: "the API version requested, e.g. 1"),
        ]
        idempotencyChoice = inputs.choice("api.idempotency")
        retries = inputs.values("services.failure_handling").contains("retries")
        traces = Traces(inputs: inputs)
        versionedEntities = Set(tables.compactMap { $0.column("lock_version") == nil ? nil : $0.entity })
    }

    /// The answers behind each kind of route, worked out once.
    private struct Traces {
        let item: [String], list: [String], create: [String]

        init(inputs: GeneratorInputs) {
            func answers(_ extra: [String]) -> [String] {
                inputs.answered(["api.style", "api.versioning", "api.auth", "api.authorization"] + extra
                                + ["api.error_format", "api.rate_limiting"])
            }
            item = answers([])
            list = answers(["api.pagination"])
            create = answers(["api.idempotency", "services.failure_handling"])
        }
    }

    func routes(_ entity: Entity) -> [Endpoint] {
        guard let own = names.names(entity.name) else { return [] }
        let owners = graph.links(child: entity.name).filter { $0.owned && $0.parent != entity.name }
        var routes: [Endpoint] = []
        let examples = ResourceExamples(entity: entity, links: graph.links(child: entity.name))
        if owners.isEmpty {
            routes += collection(entity, own, examples, path: "\(prefix)/\(own.segment)", via: nil)
        }
        for link in graph.links(child: entity.name) where link.owned {
            guard let parent = names.names(link.parent) else { continue }
            let base = "\(prefix)/\(parent.segment)/{\(parent.parameter)}/\(subSegment(link, own: own))"
            routes += collection(entity, own, examples, path: base, via: (link, parent))
        }
        return routes + item(entity, own, examples)
    }

    // MARK: - Routes

    private func collection(_ entity: Entity, _ own: SchemaNames.Names, _ examples: ResourceExamples, path: String,
                            via: (link: RelationGraph.Link, parent: SchemaNames.Names)?) -> [Endpoint] {
        let display = displayName(entity)
        let suffix = via.map { "Of" + $0.parent.pascal } ?? ""
        var pathParameters: [Endpoint.Parameter] = []
        var parentErrors: [Endpoint.Response] = []
        var sources = ["entity \(entity.name)"]
        if let via {
            pathParameters = [idParameter(via.parent.parameter, displayName(names.entity(via.link.parent) ?? entity))]
            parentErrors = [vocabulary.error(404, "\(displayName(names.entity(via.link.parent) ?? entity)) not found")]
            sources += via.link.sources
        }
        let paging = pagination == "none" ? [] : pagingParameters(pagination)
        if let via, via.link.unique, let parent = names.entity(via.link.parent) {
            // has-one: the child is a singleton resource of its parent, no page to turn.
            let get = Endpoint(
                method: "GET", path: path, operationId: "get\(own.pascal)\(suffix)", summary: "Get the \(display) of \(article(displayName(parent)))",
                resource: entity.name, service: entity.service ?? "", parameters: pathParameters + versionHeader,
                responses: vocabulary.errors([Endpoint.Response(status: 200, description: "the \(display)"),
                                              vocabulary.error(404, "\(displayName(parent)) not found, or it has no \(display)")]),
                responseExample: examples.renderedItem,
                authorization: vocabulary.authorization(segment: own.segment, display: display, write: false),
                trace: Trace(answers: traces.item, sources: sources))
            return [get, create(entity, own, path: path, via: via, parameters: pathParameters, parentErrors: parentErrors,
                                examples: examples, sources: sources, suffix: suffix)]
        }
        let list = Endpoint(
            method: "GET", path: path, operationId: "list\(own.pascalPlural)\(suffix)", summary: "List \(plural(entity))",
            resource: entity.name, service: entity.service ?? "",
            parameters: pathParameters + versionHeader + paging + filters(entity, examples, excluding: via?.link.column),
            responses: vocabulary.errors([Endpoint.Response(status: 200, description: "a page of \(plural(entity))"),
                                          vocabulary.error(400, "malformed filter, limit or cursor")] + parentErrors),
            responseExample: examples.page(pagination).rendered(),
            authorization: vocabulary.authorization(segment: own.segment, display: display, write: false),
            paginated: !paging.isEmpty,
            trace: Trace(answers: traces.list, sources: sources)
        )
        return [list, create(entity, own, path: path, via: via, parameters: pathParameters, parentErrors: parentErrors,
                             examples: examples, sources: sources, suffix: suffix)]
    }

    private func create(_ entity: Entity, _ own: SchemaNames.Names, path: String,
                        via: (link: RelationGraph.Link, parent: SchemaNames.Names)?, parameters pathParameters: [Endpoint.Parameter],
                        parentErrors: [Endpoint.Response], examples: ResourceExamples, sources: [String], suffix: String) -> Endpoint {
        let display = displayName(entity)
        let idempotent = needsIdempotencyKey(entity)
        var conflicts: [Endpoint.Response] = []
        if entity.fields.contains(where: \.unique) || via?.link.unique == true || idempotent {
            conflicts = [vocabulary.error(409, conflictMeaning(entity, hasOne: via?.link.unique == true, idempotent: idempotent))]
        }
        return Endpoint(
            method: "POST", path: path, operationId: "create\(own.pascal)\(suffix)", summary: "Create \(article(display))",
            resource: entity.name, service: entity.service ?? "",
            parameters: pathParameters + versionHeader + (idempotent ? [idempotencyHeader] : []),
            requestExample: examples.createBody(nestedColumn: via?.link.column).rendered(),
            responses: vocabulary.errors([
                Endpoint.Response(status: 201, description: "\(display) created; Location: \(prefix)/\(own.segment)/{\(own.parameter)}"),
                vocabulary.error(400, "malformed JSON"),
                vocabulary.error(422, "validation failed; the problem lists each invalid field"),
            ] + parentErrors + conflicts),
            responseExample: examples.renderedItem,
            authorization: vocabulary.authorization(segment: own.segment, display: display, write: true),
            requiresIdempotencyKey: idempotent,
            trace: Trace(answers: traces.create, sources: sources)
        )
    }

    private func item(_ entity: Entity, _ own: SchemaNames.Names, _ examples: ResourceExamples) -> [Endpoint] {
        let display = displayName(entity)
        let path = "\(prefix)/\(own.segment)/{\(own.parameter)}"
        let versioned = versionedEntities.contains(entity.name)
        let id = idParameter(own.parameter, display)
        let notFound = vocabulary.error(404, "\(display) not found")
        let preconditions = versioned ? [
            vocabulary.error(412, "the \(display) changed since it was read (stale If-Match)"),
            vocabulary.error(428, "If-Match is required"),
        ] : []
        let ifMatch = versioned ? [Endpoint.Parameter(name: "If-Match", location: .header, required: true,
                                                       description: "the ETag of the last read; optimistic locking")] : []
        let sources = ["entity \(entity.name)"]
        func endpoint(_ method: String, _ verb: String, _ summary: String, _ responses: [Endpoint.Response],
                      extra: [Endpoint.Parameter] = [], request: JSONValue? = nil, response: String? = nil) -> Endpoint {
            Endpoint(method: method, path: path, operationId: verb + own.pascal, summary: summary, resource: entity.name,
                     service: entity.service ?? "", parameters: [id] + versionHeader + extra,
                     requestExample: request?.rendered(), responses: vocabulary.errors(responses),
                     responseExample: response,
                     authorization: vocabulary.authorization(segment: own.segment, display: display, write: method != "GET"),
                     trace: Trace(answers: traces.item, sources: sources))
        }
        let uniqueConflict = entity.fields.contains(where: \.unique)
            ? [vocabulary.error(409, "another \(display) already has this " + uniqueNames(entity))] : []
        let restricted = graph.links(parent: entity.name).filter { $0.onDelete == .restrict }.map { plural(names.entity($0.child)) }
        let deleteConflict = restricted.isEmpty ? []
            : [vocabulary.error(409, "still referenced by \(restricted.joined(separator: ", ")) (ON DELETE RESTRICT)")]
        return [
            endpoint("GET", "get", "Get \(article(display))", [Endpoint.Response(status: 200, description: "the \(display)"), notFound],
                     response: examples.renderedItem),
            endpoint("PATCH", "update", "Update \(article(display)) (JSON Merge Patch, RFC 7396)",
                     [Endpoint.Response(status: 200, description: "the updated \(display)"), vocabulary.error(400, "malformed JSON"),
                      notFound, vocabulary.error(422, "validation failed; the problem lists each invalid field")]
                        + uniqueConflict + preconditions,
                     extra: ifMatch, request: examples.patchBody, response: examples.renderedItem),
            endpoint("DELETE", "delete", "Delete \(article(display))",
                     [Endpoint.Response(status: 204, description: "\(display) deleted"), notFound] + deleteConflict + preconditions,
                     extra: ifMatch),
        ]
    }

    // MARK: - Parameters

    private var idempotencyHeader: Endpoint.Parameter {
        Endpoint.Parameter(name: "Idempotency-Key", location: .header, type: .string, required: true,
                           description: "a unique key per logical create; a retry with the same key returns the first result")
    }

    private func idParameter(_ name: String, _ display: String) -> Endpoint.Parameter {
        Endpoint.Parameter(name: name, location: .path, type: .uuid, required: true, description: "id of the \(display)")
    }

    private func pagingParameters(_ pagination: String) -> [Endpoint.Parameter] {
        let limit = Endpoint.Parameter(name: "limit", location: .query, type: .integer, description: "page size, 1 to 100, default 20")
        if pagination == "offset" {
            return [limit, Endpoint.Parameter(name: "offset", location: .query, type: .integer, description: "items to skip, default 0")]
        }
        return [limit, Endpoint.Parameter(name: "cursor", location: .query, type: .string,
                                          description: "opaque cursor from the previous page's nextCursor")]
    }

    /// Filters on parent ids and on indexed, unique or enum fields; never on personal data (emails count as such).
    private func filters(_ entity: Entity, _ examples: ResourceExamples, excluding column: String?) -> [Endpoint.Parameter] {
        let parents = graph.links(child: entity.name).filter { $0.column != column }.map {
            Endpoint.Parameter(name: Naming.camelCase($0.column), location: .query, type: .uuid,
                               description: "only those of this \(displayName(names.entity($0.parent) ?? entity))")
        }
        let fields = examples.fields.filter { pair in
            let field = pair.field
            return (field.indexed || field.unique || field.type == .enumeration) && !field.pii
                && ![.email, .json, .text].contains(field.type)
        }.map { pair in
            Endpoint.Parameter(name: pair.key, location: .query, type: pair.field.type,
                               description: pair.field.type == .enumeration
                                   ? "one of: " + pair.field.enumValues.joined(separator: ", ") : "exact match on \(pair.field.name)")
        }
        return parents + fields
    }

    // MARK: - Rules and words

    private func needsIdempotencyKey(_ entity: Entity) -> Bool {
        switch idempotencyChoice {
        case "natural": return false
        case "none":
            let paymentLike = !Set(Naming.words(entity.name)).isDisjoint(with: APIGenerator.paymentLikeWords)
                || entity.fields.contains { $0.type == .money }
            return paymentLike && retries
        default: return true
        }
    }

    private func conflictMeaning(_ entity: Entity, hasOne: Bool, idempotent: Bool) -> String {
        var reasons: [String] = []
        if entity.fields.contains(where: \.unique) { reasons.append("another \(displayName(entity)) already has this " + uniqueNames(entity)) }
        if hasOne { reasons.append("the parent already has one") }
        if idempotent { reasons.append("the Idempotency-Key was used with a different body") }
        return reasons.joined(separator: "; ")
    }

    /// The children's segment under their parent: the role (`items`), else the child's name without the parent's
    /// words (`OrderItem` under `Order` → `items`); singular for has-one (`/users/{userId}/profile`).
    private func subSegment(_ link: RelationGraph.Link, own: SchemaNames.Names) -> String {
        if let role = link.role { return Naming.words(role).joined(separator: "-") }
        let parentWords = Naming.words(link.parent)
        let childWords = link.unique ? Naming.words(link.child) : own.segment.split(separator: "-").map(String.init)
        if childWords.count > parentWords.count, Array(childWords.prefix(parentWords.count)) == parentWords {
            return childWords.dropFirst(parentWords.count).joined(separator: "-")
        }
        return childWords.joined(separator: "-")
    }

    private func uniqueNames(_ entity: Entity) -> String { entity.fields.filter(\.unique).map(\.name).joined(separator: " or ") }
    private func displayName(_ entity: Entity) -> String { names.names(entity.name)?.display ?? Naming.words(entity.name).joined(separator: " ") }
    private func plural(_ entity: Entity?) -> String {
        entity.flatMap { names.names($0.name)?.pluralDisplay } ?? Naming.pluralWords(entity?.name ?? "").joined(separator: " ")
    }
    private func article(_ word: String) -> String { (word.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + word }
}
