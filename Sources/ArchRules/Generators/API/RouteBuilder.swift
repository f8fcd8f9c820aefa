import ArchModel

/// Builds the routes of one entity from its `RouteInputs`; holds the answers all entities share, read once (a
/// large design has thousands of routes). Equal builders build equal routes from equal inputs.
struct RouteBuilder: Hashable {
    let vocabulary: EndpointVocabulary
    let prefix: String
    private let pagination: String
    /// `pagination` as a value, for the page's schema.
    private let paginationStyle: Pagination
    private let versionHeader: [Endpoint.Parameter]
    private let idempotencyChoice: String
    private let retries: Bool
    private let traces: Traces
    /// Shared-schema tenancy: the tenant is the caller's, from the token.
    private let tenantFromToken: Bool

    init(inputs: GeneratorInputs) {
        vocabulary = EndpointVocabulary(inputs: inputs)
        prefix = inputs.choice("api.versioning") == "url" ? "/v1" : ""
        pagination = inputs.choice("api.pagination")
        paginationStyle = Pagination(rawValue: pagination) ?? .cursor
        versionHeader = inputs.choice("api.versioning") != "header" ? [] : [
            Endpoint.Parameter(name: "API-Version", location: .header, type: .string, required: true,
                               description: "the API version requested, e.g. 1"),
        ]
        idempotencyChoice = inputs.choice("api.idempotency")
        retries = inputs.values("services.failure_handling").contains("retries")
        traces = Traces(inputs: inputs)
        tenantFromToken = inputs.sharedSchemaTenancy
    }

    /// The answers behind each kind of route, worked out once.
    private struct Traces: Hashable {
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

    func routes(for inputs: RouteInputs) -> [Endpoint] {
        let entity = inputs.entity, own = inputs.own
        var routes: [Endpoint] = []
        // A status moves by its actions only; records written once (audit, ledgers, streams) never move.
        let transitions = own.isAppendOnly || inputs.stream != nil || inputs.readModel != nil ? nil : StatusTransitions(entity: entity)
        let resource = Resource(inputs: inputs,
                                examples: ResourceExamples(entity: entity, links: inputs.parents.map(\.link).filter { !isTenancy($0) },
                                                           appendOnly: own.isAppendOnly || inputs.stream != nil,
                                                           identified: inputs.stream == nil,
                                                           serverSet: transitions.map { [$0.field] } ?? []),
                                transitions: transitions,
                                readAccess: vocabulary.authorization(inputs, write: false),
                                writeAccess: vocabulary.authorization(inputs, write: true),
                                readSecurity: vocabulary.security(inputs, write: false),
                                writeSecurity: vocabulary.security(inputs, write: true))
        if let stream = inputs.stream, let source = inputs.parents.first(where: { $0.link.column == stream.source.column }) {
            return streamRoutes(resource, stream: stream, source: source)
        }
        if !inputs.parents.contains(where: { $0.link.owned && $0.link.parent != entity.name }) {
            routes += collection(resource, path: "\(prefix)/\(own.segment)", via: nil)
        }
        for parent in inputs.parents where parent.link.owned {
            let base = "\(prefix)/\(parent.names.segment)/{\(parent.names.parameter)}/\(subSegment(parent.link, own: own))"
            routes += collection(resource, path: base, via: parent)
        }
        routes += item(resource)
        guard let source = inputs.readModel else { return routes }
        // Another system owns these records: clients read the local copy; changes go to the system of record.
        return routes.filter { $0.method == "GET" }.map { route in
            var route = route
            route.summary += " (read model of \(source.system), stale by \(source.staleness))"
            route.trace = route.trace.merged(with: Trace(answers: [ExternalSystem.questionID], sources: ["read model of \(source.system)"]))
            return route
        }
    }

    /// What every route of one entity shares, worked out once for all of them.
    private struct Resource {
        let inputs: RouteInputs
        let examples: ResourceExamples
        /// The status's actions, when the entity has one (see `StatusTransitions`).
        let transitions: StatusTransitions?
        /// Who may call the reading and the writing routes.
        let readAccess: String
        let writeAccess: String
        /// The same as requirements.
        let readSecurity: [SecurityRequirement]
        let writeSecurity: [SecurityRequirement]

        /// The resource as the API returns it.
        var item: Body { Body(schema: .resource(examples.schema), example: examples.item) }
    }

    // MARK: - Routes

    private func collection(_ resource: Resource, path: String, via: RouteInputs.Parent?) -> [Endpoint] {
        let inputs = resource.inputs, examples = resource.examples
        let entity = inputs.entity, own = inputs.own, display = own.display
        let suffix = via.map { "Of" + $0.names.pascal } ?? ""
        var pathParameters: [Endpoint.Parameter] = []
        var parentErrors: [Endpoint.Response] = []
        var sources = ["entity \(entity.name)"]
        if let via {
            pathParameters = [idParameter(via.names.parameter, via.names.display)]
            parentErrors = [vocabulary.error(404, "\(via.names.display) not found")]
            sources += via.link.sources
        }
        let paging = pagination == "none" ? [] : pagingParameters(pagination)
        if let via, via.link.unique {
            // has-one: the child is a singleton resource of its parent, no page to turn.
            let get = Endpoint(
                method: "GET", path: path, operationId: "get\(own.pascal)\(suffix)", summary: "Get the \(display) of \(article(via.names.display))",
                resource: entity.name, service: resource.inputs.service, parameters: pathParameters + versionHeader,
                responses: vocabulary.errors([Endpoint.Response(status: 200, description: "the \(display)"),
                                              vocabulary.error(404, "\(via.names.display) not found, or it has no \(display)")]),
                responseExample: examples.renderedItem,
                authorization: resource.readAccess,
                security: resource.readSecurity, responseBody: resource.item, errorFormat: vocabulary.errorFormat,
                trace: Trace(answers: traces.item, sources: sources), id: key(inputs, .get, via: via))
            return [get, create(resource, path: path, via: via, parameters: pathParameters, parentErrors: parentErrors,
                                sources: sources, suffix: suffix)]
        }
        let list = Endpoint(
            method: "GET", path: path, operationId: "list\(own.pascalPlural)\(suffix)", summary: "List \(own.pluralDisplay)",
            resource: entity.name, service: resource.inputs.service,
            parameters: pathParameters + versionHeader + paging + filters(inputs, examples, excluding: via?.link.column),
            responses: vocabulary.errors([Endpoint.Response(status: 200, description: "a page of \(own.pluralDisplay)"),
                                          vocabulary.error(400, "malformed filter, limit or cursor")] + parentErrors),
            responseExample: examples.page(pagination).rendered(),
            authorization: resource.readAccess,
            paginated: !paging.isEmpty,
            security: resource.readSecurity,
            responseBody: Body(schema: .page(examples.schema, paginationStyle), example: examples.page(pagination, rendered: false)),
            errorFormat: vocabulary.errorFormat,
            trace: Trace(answers: traces.list, sources: sources), id: key(inputs, .list, via: via)
        )
        if own.isAuditRecord { return [list] }  // written by the system, read by clients
        return [list, create(resource, path: path, via: via, parameters: pathParameters, parentErrors: parentErrors,
                             sources: sources, suffix: suffix)]
    }

    private func create(_ resource: Resource, path: String, via: RouteInputs.Parent?, parameters pathParameters: [Endpoint.Parameter],
                        parentErrors: [Endpoint.Response], sources: [String], suffix: String) -> Endpoint {
        let inputs = resource.inputs, examples = resource.examples
        let entity = inputs.entity, own = inputs.own, display = own.display
        let idempotent = needsIdempotencyKey(entity)
        var conflicts: [Endpoint.Response] = []
        if entity.fields.contains(where: \.unique) || via?.link.unique == true || idempotent {
            conflicts = [vocabulary.error(409, conflictMeaning(inputs, hasOne: via?.link.unique == true, idempotent: idempotent))]
        }
        return Endpoint(
            method: "POST", path: path, operationId: "create\(own.pascal)\(suffix)", summary: "Create \(article(display))",
            resource: entity.name, service: resource.inputs.service,
            parameters: pathParameters + versionHeader + (idempotent ? [idempotencyHeader] : []),
            requestExample: examples.createBody(nestedColumn: via?.link.column).rendered(),
            responses: vocabulary.errors([
                Endpoint.Response(status: 201, description: "\(display) created; Location: \(prefix)/\(own.segment)/{\(own.parameter)}",
                                  headers: [.location]),
                vocabulary.error(400, "malformed JSON"),
                vocabulary.error(422, "validation failed; the problem lists each invalid field"),
            ] + parentErrors + conflicts),
            responseExample: examples.renderedItem,
            authorization: resource.writeAccess,
            requiresIdempotencyKey: idempotent,
            security: resource.writeSecurity,
            requestBody: Body(schema: .create(examples.schema, omitting: via.map { [Naming.camelCase($0.link.column)] } ?? []),
                              example: examples.createBody(nestedColumn: via?.link.column)),
            responseBody: resource.item, errorFormat: vocabulary.errorFormat,
            trace: Trace(answers: traces.create, sources: sources), id: key(inputs, .create, via: via)
        )
    }

    private func item(_ resource: Resource) -> [Endpoint] {
        let inputs = resource.inputs, examples = resource.examples
        let entity = inputs.entity, own = inputs.own, display = own.display
        let path = "\(prefix)/\(own.segment)/{\(own.parameter)}"
        let versioned = inputs.versioned
        let id = idParameter(own.parameter, display)
        let notFound = vocabulary.error(404, "\(display) not found")
        let preconditions = versioned ? [
            vocabulary.error(412, "the \(display) changed since it was read (stale If-Match)"),
            vocabulary.error(428, "If-Match is required"),
        ] : []
        let ifMatch = versioned ? [Endpoint.Parameter(name: "If-Match", location: .header, required: true,
                                                       description: "the ETag of the last read; optimistic locking")] : []
        let sources = ["entity \(entity.name)"]
        func endpoint(_ method: String, _ verb: EndpointKey.Operation, _ summary: String, _ responses: [Endpoint.Response],
                      extra: [Endpoint.Parameter] = [], request: Body? = nil, response: Body? = nil,
                      action: StatusTransitions.Action? = nil) -> Endpoint {
            let read = method == "GET"
            let path = action.map { path + "/" + $0.segment } ?? path
            let operationId = (action?.operation ?? verb.rawValue) + own.pascal
            let endpointID: EndpointID = action.map { .generated(EndpointKey(entity: .id(entity.id), operation: .transition, action: $0.state)) }
                ?? key(inputs, verb, via: nil)
            return Endpoint(method: method, path: path, operationId: operationId, summary: summary, resource: entity.name,
                     service: resource.inputs.service, parameters: [id] + versionHeader + extra,
                     requestExample: request?.example.rendered(), responses: vocabulary.errors(responses),
                     responseExample: response.map { action == nil ? examples.renderedItem : $0.example.rendered() },
                     authorization: read ? resource.readAccess : resource.writeAccess,
                     security: read ? resource.readSecurity : resource.writeSecurity,
                     requestBody: request, responseBody: response, errorFormat: vocabulary.errorFormat,
                     trace: Trace(answers: traces.item, sources: sources + (action.map { ["status \($0.state)"] } ?? [])), id: endpointID)
        }
        let etag: [ResponseHeader] = versioned ? [.etag] : []
        let uniqueConflict = entity.fields.contains(where: \.unique)
            ? [vocabulary.error(409, "another \(display) already has this " + uniqueNames(entity))] : []
        let restricted = inputs.restrictingChildren
        let deleteConflict = restricted.isEmpty ? []
            : [vocabulary.error(409, "still referenced by \(restricted.joined(separator: ", ")) (ON DELETE RESTRICT)")]
        let get = endpoint("GET", .get, "Get \(article(display))",
                           [Endpoint.Response(status: 200, description: "the \(display)", headers: etag), notFound],
                           response: resource.item)
        if own.isAppendOnly { return [get] }
        let update = endpoint("PATCH", .update, "Update \(article(display)) (JSON Merge Patch, RFC 7396)",
                              [Endpoint.Response(status: 200, description: "the updated \(display)", headers: etag), vocabulary.error(400, "malformed JSON"),
                               notFound, vocabulary.error(422, "validation failed; the problem lists each invalid field")]
                                 + uniqueConflict + preconditions,
                              extra: ifMatch, request: Body(schema: .mergePatch(examples.schema), example: examples.patchBody),
                              response: resource.item)
        // Each action moves the status one way, answering 409 when the current status does not allow it.
        var actions: [Endpoint] = []
        if let transitions = resource.transitions {
            actions = transitions.actions.map { action in
                // `Cancel an appointment`, `Mark an appointment as no show`.
                let marked = action.verb.hasPrefix("mark ")
                let named = action.state.unicodeScalars.allSatisfy(\.isASCII) ? String(action.verb.dropFirst(5)) : action.state
                let phrase = marked ? "Mark \(article(display)) as \(named)"
                    : action.verb.prefix(1).uppercased() + action.verb.dropFirst() + " " + article(display)
                return endpoint("POST", .transition, "\(phrase) (\(transitions.field) → \(action.state))",
                                [Endpoint.Response(status: 200, description: "the \(display), now \(action.state)", headers: etag), notFound,
                                 vocabulary.error(409, "the \(display)'s \(transitions.field) does not allow \(action.verb)")] + preconditions,
                                extra: ifMatch,
                                response: Body(schema: .resource(examples.schema), example: examples.item(with: transitions.field, at: action.state)),
                                action: action)
            }
        }
        // A money or legal record is never deleted: it is cancelled, refunded or voided by changing it.
        if own.isFinancialRecord { return [get, update] + actions }
        return [
            get,
            update,
        ] + actions + [

            endpoint("DELETE", .delete, "Delete \(article(display))",
                     [Endpoint.Response(status: 204, description: "\(display) deleted"), notFound] + deleteConflict + preconditions,
                     extra: ifMatch),
        ]
    }

    /// A decided stream's routes (see `StreamRecords`), under its source: a time-range list, and a batch ingest
    /// answering 202 Accepted (the records are stored asynchronously). No record has an id, none is changed or
    /// deleted: old records leave by whole time chunks.
    private func streamRoutes(_ resource: Resource, stream: StreamRecords.Shape, source: RouteInputs.Parent) -> [Endpoint] {
        let inputs = resource.inputs, examples = resource.examples, own = inputs.own
        let base = "\(prefix)/\(source.names.segment)/{\(source.names.parameter)}/\(subSegment(source.link, own: own))"
        let suffix = "Of" + source.names.pascal
        let pathParameters = [idParameter(source.names.parameter, source.names.display)]
        let parentErrors = [vocabulary.error(404, "\(source.names.display) not found")]
        let sources = ["entity \(inputs.entity.name)", "decision \(stream.decision)"] + source.link.sources
        let timeKey = examples.fields.first { $0.field.name == stream.timeField }?.key ?? "createdAt"
        let range = [
            Endpoint.Parameter(name: "from", location: .query, type: .timestamp,
                               description: "the earliest \(timeKey) to include (inclusive); default: an hour before to"),
            Endpoint.Parameter(name: "to", location: .query, type: .timestamp,
                               description: "the latest \(timeKey) to include (exclusive); default: now"),
        ]
        let paging = pagination == "none" ? [] : pagingParameters(pagination)
        var filters = filters(inputs, examples, excluding: source.link.column).filter { $0.name != timeKey }
        for pair in examples.fields where stream.discriminators.contains(pair.field.name) && !filters.contains(where: { $0.name == pair.key }) {
            filters.append(Endpoint.Parameter(name: pair.key, location: .query, type: pair.field.type,
                                              description: "only the records of this \(Naming.words(pair.field.name).joined(separator: " "))",
                                              enumValues: pair.field.type == .enumeration ? pair.field.enumValues : []))
        }
        let list = Endpoint(
            method: "GET", path: base, operationId: "list\(own.pascalPlural)\(suffix)",
            summary: "List \(own.pluralDisplay) of \(article(source.names.display)) in a time range",
            resource: inputs.entity.name, service: inputs.service,
            parameters: pathParameters + versionHeader + range + paging + filters,
            responses: vocabulary.errors([Endpoint.Response(status: 200, description: "a page of \(own.pluralDisplay), oldest first"),
                                          vocabulary.error(400, "malformed time range, filter, limit or cursor")] + parentErrors),
            responseExample: examples.page(pagination).rendered(),
            authorization: resource.readAccess, paginated: !paging.isEmpty, security: resource.readSecurity,
            responseBody: Body(schema: .page(examples.schema, paginationStyle), example: examples.page(pagination, rendered: false)),
            errorFormat: vocabulary.errorFormat,
            trace: Trace(answers: traces.list, sources: sources), id: key(inputs, .list, via: source))
        let keyWords = ([source.names.display] + stream.discriminators.map { Naming.words($0).joined(separator: " ") }
                        + [Naming.words(stream.timeField ?? "createdAt").joined(separator: " ")])
        let batch = examples.batchBody(nestedColumn: source.link.column, timeField: stream.timeField)
        let ingest = Endpoint(
            method: "POST", path: base + "/batch", operationId: "ingest\(own.pascalPlural)\(suffix)",
            summary: "Ingest a batch of \(own.pluralDisplay)",
            resource: inputs.entity.name, service: inputs.service, parameters: pathParameters + versionHeader,
            requestExample: batch.rendered(),
            responses: vocabulary.errors([
                Endpoint.Response(status: 202, description: "batch accepted: its \(own.pluralDisplay) are stored shortly after; "
                                  + "a retried batch is stored once (records are keyed by \(Naming.sentenceList(keyWords)))"),
                vocabulary.error(400, "malformed JSON"),
                vocabulary.error(422, "validation failed, or more than \(BodySchema.maxBatchItems) records; the problem lists each invalid record and the batch is refused whole"),
            ] + parentErrors),
            responseExample: JSONValue.object([("accepted", .number("2"))]).rendered(),
            authorization: resource.writeAccess, security: resource.writeSecurity,
            requestBody: Body(schema: .batch(examples.schema, omitting: [Naming.camelCase(source.link.column)]), example: batch),
            responseBody: Body(schema: .batchAccepted, example: .object([("accepted", .number("2"))])),
            errorFormat: vocabulary.errorFormat,
            trace: Trace(answers: traces.create, sources: sources), id: key(inputs, .create, via: source))
        return [list, ingest]
    }

    /// The route's identity: the entity, the operation, and the owner it is nested under.
    private func key(_ inputs: RouteInputs, _ operation: EndpointKey.Operation, via: RouteInputs.Parent?) -> EndpointID {
        .generated(EndpointKey(entity: .id(inputs.entity.id), operation: operation, parent: via.map { .id($0.id) }))
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
        let limit = Endpoint.Parameter(name: "limit", location: .query, type: .integer,
                                       description: "page size, 1 to \(Pagination.maxLimit), default \(Pagination.defaultLimit)",
                                       minimum: 1, maximum: Pagination.maxLimit, defaultValue: Pagination.defaultLimit)
        if pagination == "offset" {
            return [limit, Endpoint.Parameter(name: "offset", location: .query, type: .integer, description: "items to skip, default 0",
                                              minimum: 0, defaultValue: 0)]
        }
        return [limit, Endpoint.Parameter(name: "cursor", location: .query, type: .string,
                                          description: "opaque cursor from the previous page's nextCursor")]
    }

    /// Filters on parent ids and on indexed, unique or enum fields; never on personal data (emails count as such).
    private func filters(_ inputs: RouteInputs, _ examples: ResourceExamples, excluding column: String?) -> [Endpoint.Parameter] {
        let parents = inputs.parents.filter { $0.link.column != column && !isTenancy($0.link) }.map {
            Endpoint.Parameter(name: Naming.camelCase($0.link.column), location: .query, type: .uuid,
                               description: "only those of this \($0.names.display)")
        }
        let fields = examples.fields.filter { pair in
            let field = pair.field
            return (field.indexed || field.unique || field.type == .enumeration) && !field.pii
                && ![.email, .json, .text].contains(field.type)
        }.map { pair in
            Endpoint.Parameter(name: pair.key, location: .query, type: pair.field.type,
                               description: pair.field.type == .enumeration
                                   ? "one of: " + pair.field.enumValues.joined(separator: ", ") : "exact match on \(pair.field.name)",
                               enumValues: pair.field.type == .enumeration ? pair.field.enumValues : [])
        }
        return parents + fields
    }

    // MARK: - Rules and words

    /// The foreign key to the tenant, when the tenant comes from the token.
    private func isTenancy(_ link: RelationGraph.Link) -> Bool { tenantFromToken && link.column == "tenant_id" }


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

    private func conflictMeaning(_ inputs: RouteInputs, hasOne: Bool, idempotent: Bool) -> String {
        var reasons: [String] = []
        let entity = inputs.entity
        if entity.fields.contains(where: \.unique) { reasons.append("another \(inputs.own.display) already has this " + uniqueNames(entity)) }
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
    private func article(_ word: String) -> String { (word.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + word }
}
