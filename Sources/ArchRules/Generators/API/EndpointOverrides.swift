import ArchModel

/// The user's endpoint overrides, applied to the generated endpoints: the last pass of the API, before the checks
/// judge it. A hidden endpoint disappears; a changed one keeps its identity and is marked overridden; a custom one
/// is added after the endpoints of the entity it returns (or takes), with examples made from that entity.
/// An override whose target the design does not have is kept in the session and reported.
struct EndpointOverrides {
    let overrides: [EndpointOverride]
    let model: SchemaModel

    /// The endpoints after the overrides, the endpoints the user hid (as generated, so they can be shown
    /// again), and the findings about overrides that target nothing.
    func apply(to generated: [Endpoint]) -> (endpoints: [Endpoint], hidden: [Endpoint], findings: [Finding]) {
        guard !overrides.isEmpty else { return (generated, [], []) }
        var position: [EndpointKey: Int] = [:]
        position.reserveCapacity(generated.count)
        for (index, endpoint) in generated.enumerated() {
            if let key = endpoint.id.key, position[key] == nil { position[key] = index }
        }
        var endpoints = generated
        var hidden = Set<Int>()
        var custom: [Endpoint] = []
        var findings: [Finding] = []
        for endpointOverride in overrides {
            switch endpointOverride.kind {
            case .change(let key, let changes):
                guard let index = position[key] else {
                    findings.append(missingTarget(endpointOverride.id, key, changes))
                    continue
                }
                if changes.hidden { hidden.insert(index) }
                guard !changes.isEmpty else { continue }
                endpoints[index] = changed(endpoints[index], by: changes, override: endpointOverride.id)
            case .custom(let endpoint):
                custom.append(made(endpoint, override: endpointOverride.id, generated: generated))
                findings += missingEntities(endpoint, override: endpointOverride.id)
            }
        }
        return (placing(custom, in: hidden.isEmpty ? endpoints : endpoints.enumerated().filter { !hidden.contains($0.offset) }.map(\.element)),
                hidden.sorted().map { generated[$0] }, findings)
    }

    private func changed(_ endpoint: Endpoint, by changes: EndpointChanges, override id: OverrideID) -> Endpoint {
        var endpoint = endpoint
        if let method = changes.method {
            endpoint.method = method.rawValue
            if ![.post, .put, .patch].contains(method) { endpoint.requestBody = nil; endpoint.requestExample = nil }
        }
        if let path = changes.path {
            endpoint.path = path
            // The path's parameters follow its `{…}` segments: kept by name, new ones added, gone ones dropped.
            let old = Dictionary(endpoint.parameters.filter { $0.location == .path }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let wanted = pathParameters(path).map { old[$0.name] ?? $0 }
            endpoint.parameters = wanted + endpoint.parameters.filter { $0.location != .path }
        }
        if let summary = changes.summary { endpoint.summary = summary }
        if let authorization = changes.authorization { endpoint.authorization = authorization }
        endpoint.origin = .overridden(id)
        endpoint.trace = endpoint.trace.merged(with: Trace(sources: ["endpoint override"]))
        return endpoint
    }

    /// Custom endpoints go after the last endpoint of their resource, in the overrides' order; those of no resource
    /// in the design go last.
    private func placing(_ custom: [Endpoint], in endpoints: [Endpoint]) -> [Endpoint] {
        guard !custom.isEmpty else { return endpoints }
        var last: [String: Int] = [:]
        for (index, endpoint) in endpoints.enumerated() { last[endpoint.resource] = index }
        var after: [Int: [Endpoint]] = [:]
        var tail: [Endpoint] = []
        for endpoint in custom {
            if !endpoint.resource.isEmpty, let index = last[endpoint.resource] { after[index, default: []].append(endpoint) } else { tail.append(endpoint) }
        }
        var result: [Endpoint] = []
        result.reserveCapacity(endpoints.count + custom.count)
        for (index, endpoint) in endpoints.enumerated() {
            result.append(endpoint)
            if let extra = after[index] { result += extra }
        }
        return result + tail
    }

    // MARK: - Custom endpoints

    private func made(_ custom: CustomEndpoint, override id: OverrideID, generated: [Endpoint]) -> Endpoint {
        let request = custom.request.flatMap(model.names.entity)
        let response = custom.response.flatMap(model.names.entity)
        let resource = response ?? request
        let vocabulary = EndpointVocabulary(inputs: model.inputs)
        let takesBody = [.post, .put, .patch].contains(custom.method)
        let parameters = pathParameters(custom.path)
        var responses: [Endpoint.Response]
        let display = resource.flatMap { model.names.names($0.name)?.display } ?? "result"
        switch custom.method {
        case .post where request != nil && request?.id == response?.id:
            responses = [Endpoint.Response(status: 201, description: "\(display) created")]  // no Location: its route is the user's
        case .delete: responses = [Endpoint.Response(status: 204, description: "done")]
        default: responses = [Endpoint.Response(status: 200, description: response == nil ? "done" : "the \(display)")]
        }
        if takesBody, request != nil {
            responses += [vocabulary.error(400, "malformed JSON"), vocabulary.error(422, "validation failed; the problem lists each invalid field")]
        }
        if let first = parameters.first {
            let words = Naming.words(first.name)
            let subject = words.last == "id" && words.count > 1 ? words.dropLast().joined(separator: " ") : display
            responses.append(vocabulary.error(404, "\(subject) not found"))
        }
        let write = custom.method != .get
        let sibling = resource.flatMap { entity in
            generated.first { $0.id.key?.entity == .id(entity.id) && ($0.method == "GET") != write }
        }
        let authorization = custom.authorization ?? sibling?.authorization ?? ""
        let security = sibling?.security ?? vocabulary.security(scope: nil)
        let requestBody = takesBody ? request.map { entity -> Body in
            let examples = examples(entity)
            return Body(schema: .create(examples.schema, omitting: []), example: examples.createBody())
        } : nil
        let responseBody = custom.method == .delete ? nil : response.map { entity -> Body in
            let examples = examples(entity)
            return Body(schema: .resource(examples.schema), example: examples.item)
        }
        return Endpoint(
            method: custom.method.rawValue, path: custom.path, operationId: operationId(custom),
            summary: custom.summary, resource: resource?.name ?? "", service: resource?.service.map(model.owners.name) ?? "",
            parameters: parameters, requestExample: requestBody?.example.rendered(),
            responses: vocabulary.errors(responses),
            responseExample: responseBody?.example.rendered(),
            authorization: authorization,
            security: security, requestBody: requestBody, responseBody: responseBody, errorFormat: vocabulary.errorFormat,
            trace: Trace(sources: ["endpoint override"] + [request, response].compactMap { $0.map { "entity \($0.name)" } }),
            id: .custom(id), origin: .custom(id))
    }

    private func examples(_ entity: Entity) -> ResourceExamples {
        let tenantFromToken = model.inputs.sharedSchemaTenancy
        let links = model.graph.links(child: entity.name).filter { !(tenantFromToken && $0.column == "tenant_id") }
        return ResourceExamples(entity: entity, links: links, appendOnly: model.names.names(entity.name)?.isAppendOnly ?? false)
    }

    /// `{orderId}` segments of the path; ids are UUIDs, like the generated routes'.
    private func pathParameters(_ path: String) -> [Endpoint.Parameter] {
        path.split(separator: "/").compactMap { segment -> Endpoint.Parameter? in
            guard segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2 else { return nil }
            let name = String(segment.dropFirst().dropLast())
            let isID = Naming.words(name).last == "id"
            return Endpoint.Parameter(name: name, location: .path, type: isID ? .uuid : .string, required: true,
                                      description: isID ? "id of the \(Naming.words(name).dropLast().joined(separator: " "))" : name)
        }
    }

    /// `POST /v1/orders/{orderId}/cancel` → `postOrdersCancel`: the method and the path's fixed segments.
    private func operationId(_ custom: CustomEndpoint) -> String {
        func isVersion(_ segment: Substring) -> Bool { segment.count > 1 && segment.first == "v" && segment.dropFirst().allSatisfy(\.isNumber) }
        let segments = custom.path.split(separator: "/").filter { !$0.hasPrefix("{") && !isVersion($0) }
        return Naming.camelCase(([custom.method.rawValue.lowercased()] + segments.map(String.init)).joined(separator: " "))
    }

    // MARK: - Findings

    private func missingTarget(_ id: OverrideID, _ key: EndpointKey, _ changes: EndpointChanges) -> Finding {
        let entity = model.owners.name(key.entity)
        let label = "\(entity) \(key.operation.rawValue)" + (key.parent.map { " under \(model.owners.name($0))" } ?? "")
        let reason: String
        if model.names.entity(key.entity) == nil {
            reason = "there is no entity \(entity) any more"
        } else if let parent = key.parent, model.names.entity(parent) == nil {
            reason = "there is no entity \(model.owners.name(parent)) any more"
        } else if !["rest", ""].contains(model.inputs.choice("api.style")) {
            reason = "the API style is not REST, so no endpoints are generated"
        } else {
            reason = "the generator makes no such endpoint for \(entity) (append-only records have no update or delete, "
                + "owned records are created under their owner)"
        }
        let does = changes.hidden ? "hides" : "changes"
        return makeFinding("api.override-target-missing", .warning, "Endpoint override targets nothing",
                           subject: "endpoint override \(label)", about: .endpointOverride(id),
                           detail: "The override \(does) the \(label) endpoint, which the design does not have: \(reason). It is kept, unused.",
                           fix: "Remove the override, or point it at an endpoint the design has (e.g. after re-adding \(entity))",
                           answers: ["api.style"])
    }

    private func missingEntities(_ custom: CustomEndpoint, override id: OverrideID) -> [Finding] {
        [("request", custom.request), ("response", custom.response)].compactMap { role, reference -> Finding? in
            guard let reference, model.names.entity(reference) == nil else { return nil }
            let name = model.owners.name(reference)
            return makeFinding("api.override-entity-missing", .warning, "Custom endpoint names an unknown entity",
                               subject: "endpoint \(custom.method.rawValue) \(custom.path)", about: .endpoint(.custom(id)),
                               detail: "Its \(role) entity \(name) is not an entity of the model, so it has no \(role) example",
                               fix: "Add entity \(name), or choose another \(role) entity")
        }
    }
}
