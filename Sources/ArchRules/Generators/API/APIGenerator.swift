import ArchModel

/// Derives the REST endpoints of every entity, when the API style is REST (or unanswered).
///
/// Per entity: a collection (`GET` paginated, `POST` → 201 with `Location`) and item routes
/// (`GET`/`PATCH`/`DELETE /…/{orderItemId}`). An entity owned by another (has-many/has-one, or belongs-to with
/// cascade) gets its collection nested under the owner instead (`/v1/orders/{orderId}/items`); its item routes stay
/// flat (shallow nesting: one id names an item, so links do not break when ownership changes). Tables with
/// `lock_version` take `If-Match` on writes (412 stale, 428 missing). PII never appears in a path or a query.
/// Append-only records (audit logs, ledgers, journals, histories) get no PATCH or DELETE. With shared-schema
/// tenancy the tenant comes from the caller's token, so `tenantId` is neither sent in bodies nor offered as a filter.
public struct APIGenerator: Sendable {
    /// Words that mark an entity whose duplicate creation costs money, so retried POSTs need an idempotency key.
    public static let paymentLikeWords: Set = ["payment", "order", "charge", "transfer", "refund", "invoice",
                                               "transaction", "booking", "reservation", "subscription", "payout"]

    public init() {}

    /// The endpoints for `session`, in entity declaration order; `tables` tell which resources are versioned.
    public func endpoints(for session: Session, tables: [Table], decisions: [Decision]) -> [Endpoint] {
        endpoints(for: SchemaModel(session: session, decisions: decisions), tables: tables)
    }

    /// The endpoints of `model`; routes whose inputs did not change since the last derivation come from `memo`.
    /// `parallel`: routes to make are made in two threads.
    func endpoints(for model: SchemaModel, tables: [Table], memo: DerivationMemo? = nil, parallel: Bool = false) -> [Endpoint] {
        guard ["rest", ""].contains(model.inputs.choice("api.style")) else { return [] }
        let builder = RouteBuilder(inputs: model.inputs)
        let versioned = Set(tables.compactMap { $0.column("lock_version") == nil ? nil : $0.entity })
        // Owners matter to owner-only authorisation alone; other models leave them out of the memo's keys.
        let owners = model.inputs.choice("api.authorization") == "owner" ? OwnerScopes(model: model) : nil
        let entities = model.names.entities.compactMap {
            RouteInputs(entity: $0, model: model, versioned: versioned.contains($0.name), owner: owners?.scope(of: $0.name) ?? .unknownOwner)
        }
        let make: @Sendable (RouteInputs) -> [Endpoint] = { builder.routes(for: $0) }
        guard let memo else { return ParallelWork.map(entities, parallel: parallel, make).flatMap { $0 } }
        return memo.routes(for: entities, context: builder, parallel: parallel, make: make).flatMap { $0 }
    }
}

/// Everything the routes of one entity are made from (with the `RouteBuilder`'s answers): its fields, its names,
/// its foreign keys with the names of their parents, and who restricts its deletion (foreign keys in its database). Routes are a function of
/// exactly this, so equal inputs can reuse the last derivation's routes.
struct RouteInputs: EntityInputs {
    /// A foreign key of the entity and the names of the entity it references.
    struct Parent: Hashable {
        let link: RelationGraph.Link
        let names: SchemaNames.Names
        /// The parent entity's identity: nested routes' keys name it.
        let id: EntityID
    }

    let entity: Entity
    /// The name of the entity's owning service or module ("" when none): the endpoints' `service`.
    let service: String
    let own: SchemaNames.Names
    /// In the order of the entity's columns.
    let parents: [Parent]
    /// Plural names of the children whose foreign keys restrict deleting the entity.
    let restrictingChildren: [String]
    /// The table has `lock_version`: writes take `If-Match`.
    let versioned: Bool
    /// Whose records these are, for owner-only authorisation.
    let owner: OwnerScope
    /// A decided stream (see `StreamRecords`): ingested in batches under its source, never changed.
    let stream: StreamRecords.Shape?
    /// Another system is the system of record (see `ReadModels`): read-only here.
    let readModel: ReadModels.Source?

    init?(entity: Entity, model: SchemaModel, versioned: Bool, owner: OwnerScope) {
        guard let own = model.names.names(entity.name) else { return nil }
        self.entity = entity
        service = entity.service.map(model.owners.name) ?? ""
        self.own = own
        parents = model.graph.links(child: entity.name).compactMap { link in
            guard let names = model.names.names(link.parent), let parent = model.names.entity(link.parent) else { return nil }
            return Parent(link: link, names: names, id: parent.id)
        }
        // Only a foreign key in the same database restricts a delete.
        restrictingChildren = model.graph.links(parent: entity.name)
            .filter { $0.onDelete == .restrict && !model.databases.separates($0.child, entity.name) }
            .compactMap { model.names.names($0.child)?.pluralDisplay }
        self.versioned = versioned
        self.owner = owner
        stream = model.streams.shape(of: entity.name)
        readModel = stream == nil ? model.readModels.source(of: entity.name) : nil
    }
}
