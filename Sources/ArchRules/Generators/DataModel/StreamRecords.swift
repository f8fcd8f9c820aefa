import ArchModel

/// The entities a decision made into append-only streams, and how each is keyed. The decisions say *that* the
/// system ingests a stream (`datastore.secondary: time-series-store` or `in-memory-geo-index`, `scaling.strategy:
/// partitioned-stream-ingest`); the model says *which* records it is: an entity named as a measurement (`Reading`,
/// `LocationPing`, `Sample`…) with a time, belonging to a source (`Device`, `Driver`), that nothing else references.
/// The table, the API, the sequences and the coherence checks all read this one value.
struct StreamRecords: Sendable {
    /// How one stream entity is keyed, in model terms (the table generator turns it into columns).
    struct Shape: Hashable, Sendable {
        /// The foreign key to the source (`Reading` belongs-to `Device`).
        let source: RelationGraph.Link
        /// The event-time field (`measuredAt`); nil when the entity has none, so the ingest time keys it.
        let timeField: String?
        /// Fields telling apart records of one source at one time (`metric`).
        let discriminators: [String]
        let store: StreamKey.Store
        /// `datastore.secondary: time-series-store`, for traces.
        let decision: String
    }

    /// Last words that name a measurement or position record.
    static let streamWords: Set = ["reading", "measurement", "sample", "ping", "position", "metric", "observation", "heartbeat",
                                   "telemetry", "tick", "datapoint"]
    /// Last words of fields that tell apart several records of one source at one instant.
    static let discriminatorWords: Set = ["metric", "kind", "type", "channel", "sensor", "measure", "quantity", "signal"]

    private let shapes: [String: Shape]

    private init(shapes: [String: Shape]) { self.shapes = shapes }

    init(names: SchemaNames, graph: RelationGraph, decisions: [Decision]) {
        let choice = { (topic: String) in decisions.first { $0.topic == topic }?.choice }
        let store: StreamKey.Store, decision: String
        switch (choice("datastore.secondary"), choice("scaling.strategy")) {
        case ("time-series-store"?, _): (store, decision) = (.timeSeries, "datastore.secondary: time-series-store")
        case ("in-memory-geo-index"?, _): (store, decision) = (.livePositions, "datastore.secondary: in-memory-geo-index")
        case (_, "partitioned-stream-ingest"?): (store, decision) = (.partitionedIngest, "scaling.strategy: partitioned-stream-ingest")
        default: self.init(shapes: [:]); return
        }
        var shapes: [String: Shape] = [:]
        for entity in names.entities {
            guard let own = names.names(entity.name), let last = own.words.last, Self.streamWords.contains(last),
                  !own.isAuditRecord, !own.isFinancialRecord,
                  graph.links(parent: entity.name).isEmpty,  // nothing references a single measurement
                  let source = graph.links(child: entity.name).first(where: { $0.column != "tenant_id" && !$0.nullable })
                      ?? graph.links(child: entity.name).first(where: { $0.column != "tenant_id" })
            else { continue }
            let times = entity.fields.filter { $0.type == .timestamp && !["updatedat", "createdat"].contains(InfraNaming.key($0.name)) }
            let time = times.first { $0.required && $0.indexed } ?? times.first { $0.required } ?? times.first
            let discriminators = entity.fields.filter { field in
                field.required && !field.pii && [.string, .enumeration].contains(field.type)
                    && Naming.words(field.name).last.map(Self.discriminatorWords.contains) == true
            }.map(\.name)
            shapes[NameKey.key(entity.name)] = Shape(source: source, timeField: time?.name, discriminators: discriminators,
                                                     store: store, decision: decision)
        }
        self.init(shapes: shapes)
    }

    /// The stream shape of the entity called `name`, when it is one.
    func shape(of name: String) -> Shape? { shapes.isEmpty ? nil : shapes[NameKey.key(name)] }
}
