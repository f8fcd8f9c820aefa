/// A table of the dialect-neutral schema; the SQL exporters render it per database.
public struct Table: Hashable, Sendable {
    /// Stays the same across derivations and renames (the entity or entities it stores).
    public var id: TableID
    public var name: String
    /// The entity it stores, or nil for a join table.
    public var entity: String?
    public var columns: [Column]
    public var primaryKey: [String]
    public var foreignKeys: [ForeignKey]
    /// Each a set of columns that must be unique together.
    public var uniqueConstraints: [[String]]
    public var indexes: [Index]
    /// How the table is split when volumes call for it (range by `created_at`, monthly).
    public var partitioning: Partitioning?
    /// Names the schema uses in place of the ones the model gives (too long, taken): each is a finding.
    public var renames: [SQLRename]
    /// Set when the table holds a decided stream of measurements or positions (see `StreamKey`).
    public var stream: StreamKey?
    /// Set when the table is plumbing the decisions need (an outbox, a job queue) rather than an entity's.
    public var machinery: TableMachinery?
    /// Set when the table is a read model of another system's records (the system of record's name): synced from
    /// it, never written by the design's clients.
    public var readModelOf: String?
    public var trace: Trace

    public init(name: String, entity: String? = nil, columns: [Column] = [], primaryKey: [String] = [],
                foreignKeys: [ForeignKey] = [], uniqueConstraints: [[String]] = [], indexes: [Index] = [],
                partitioning: Partitioning? = nil, renames: [SQLRename] = [], stream: StreamKey? = nil,
                machinery: TableMachinery? = nil, readModelOf: String? = nil, trace: Trace = Trace(), id: TableID? = nil) {
        self.id = id ?? .other(name)
        self.name = name
        self.entity = entity
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        self.uniqueConstraints = uniqueConstraints
        self.indexes = indexes
        self.partitioning = partitioning
        self.renames = renames
        self.stream = stream
        self.machinery = machinery
        self.readModelOf = readModelOf
        self.trace = trace
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
}

/// How a stream table is keyed, when a decision made the entity an append-only stream (a time-series store, a
/// partitioned ingest, a live-position store): rows are never updated or deleted one by one, so the table has no
/// surrogate `id`, no `lock_version` and no `updated_at`; the primary key is the source, what is measured, and the time.
public struct StreamKey: Hashable, Sendable {
    /// Where the stream's records land.
    public enum Store: String, Hashable, Sendable {
        /// A time-series store: time-partitioned, compressed, rolled up (`datastore.secondary: time-series-store`).
        case timeSeries = "time-series-store"
        /// Latest positions in an in-memory geo index, the history appended here (`datastore.secondary: in-memory-geo-index`).
        case livePositions = "in-memory-geo-index"
        /// Only the ingest path was decided (`scaling.strategy: partitioned-stream-ingest`).
        case partitionedIngest = "partitioned-stream-ingest"
    }

    /// The foreign key column of the record's source (`device_id`), the first column of the key after a tenant's.
    public var source: String
    /// The entity the source column references (`Device`).
    public var sourceEntity: String
    /// The event-time column (`measured_at`): the last column of the key and the partition key.
    public var time: String
    /// Columns telling apart records of one source at one time (`metric`), between the source and the time.
    public var discriminators: [String]
    public var store: Store
    /// The decision that made it a stream: `datastore.secondary: time-series-store`.
    public var decision: String

    public init(source: String, sourceEntity: String, time: String, discriminators: [String] = [], store: Store, decision: String) {
        self.source = source
        self.sourceEntity = sourceEntity
        self.time = time
        self.discriminators = discriminators
        self.store = store
        self.decision = decision
    }
}

/// The stable identity of a table of the design.
public enum TableID: Hashable, Sendable {
    /// The table of one entity.
    case entity(EntityID)
    /// The join table of a many-to-many pair, declared on `left`; `role` tells apart two pairs of one entity with itself.
    case join(left: EntityID, right: EntityID, role: String?)
    /// A table of the design's own plumbing (`TableMachinery`: an outbox, a job queue), by name.
    case machinery(String)
    /// Made by hand outside the generator (tests), by name.
    case other(String)
}

/// A column with a neutral type.
public struct Column: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    public var nullable: Bool
    /// The value a new row gets when none is given.
    public var defaultValue: ColumnDefault?
    public var pii: Bool
    /// For `.enumeration` columns: the allowed values (a CHECK constraint).
    public var enumValues: [String]
    /// Maximum characters of a `string`, when the model gives it.
    public var length: Int?
    /// Total digits and digits after the point of a `decimal`, when the model gives them.
    public var precision: Int?
    public var scale: Int?

    public init(name: String, type: FieldType, nullable: Bool = true, defaultValue: ColumnDefault? = nil, pii: Bool = false,
                enumValues: [String] = [], length: Int? = nil, precision: Int? = nil, scale: Int? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.pii = pii
        self.enumValues = enumValues
        self.length = length
        self.precision = precision
        self.scale = scale
    }
}

/// A column's default as a value, so each SQL dialect writes its own spelling (`now()`, `CURRENT_TIMESTAMP(6)`,
/// `strftime(…)`) and no exporter parses a sentence.
public enum ColumnDefault: Hashable, Sendable {
    /// The current time when the row is written.
    case now
    case bool(Bool)
    /// A number as written (`0`, `2.50`): kept as text so no digit is lost to floating point.
    case number(String)
    /// A string literal (unquoted here; each dialect quotes and escapes it).
    case text(String)

    /// `now`, `true`, `0`, `'pending'`: how the design's text shows it.
    public var display: String {
        switch self {
        case .now: return "now"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value
        case .text(let value): return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}

/// What a plumbing table is for.
public enum TableMachinery: Hashable, Sendable {
    /// A transactional outbox: `publisher` writes its events here in the same transaction as its change, and a
    /// relay publishes them to the broker (`messaging.broker`).
    case outbox(publisher: String)
    /// A database-backed job queue (`messaging.broker: none`): rows are jobs, claimed by a worker.
    case jobQueue
    /// The files exchanged with another system (`ExternalSystem.Kind.fileExchange`), one row per file imported or
    /// exported, each with its reconciliation: rows read, accepted and rejected, and the totals compared.
    case fileRuns(system: String)

    /// `outbox of Trips`, `job queue`: how the design's text names it.
    public var display: String {
        switch self {
        case .outbox(let publisher): "transactional outbox of \(publisher)"
        case .jobQueue: "job queue"
        case .fileRuns(let system): "files exchanged with \(system), with their reconciliation"
        }
    }
}

/// How a table is split into partitions.
public struct Partitioning: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable { case range, list, hash }
    /// The span of one range partition.
    public enum Interval: String, Hashable, Sendable { case daily, weekly, monthly, yearly }

    public var method: Method
    /// The partition key column.
    public var key: String
    /// For range partitioning on a time column: how much time one partition holds.
    public var interval: Interval?

    public init(method: Method, key: String, interval: Interval? = nil) {
        self.method = method
        self.key = key
        self.interval = interval
    }

    /// `range by created_at, monthly`: how the design's text shows it.
    public var display: String { "\(method.rawValue) by \(key)" + (interval.map { ", " + $0.rawValue } ?? "") }
}

/// A foreign key from `columns` to `referencedTable`'s `referencedColumns`.
public struct ForeignKey: Hashable, Sendable {
    public var name: String
    public var columns: [String]
    public var referencedTable: String
    public var referencedColumns: [String]
    public var onDelete: DeleteRule

    public init(name: String, columns: [String], referencedTable: String, referencedColumns: [String], onDelete: DeleteRule) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
    }
}

/// An index and why it exists.
public struct Index: Hashable, Sendable {
    public var name: String
    public var columns: [String]
    public var unique: Bool
    public var reason: String

    public init(name: String, columns: [String], unique: Bool = false, reason: String = "") {
        self.name = name
        self.columns = columns
        self.unique = unique
        self.reason = reason
    }
}

/// A sequence diagram of one flow.
public struct SequenceDiagram: Hashable, Sendable {
    /// Stays the same across derivations and renames.
    public var id: SequenceID
    public var title: String
    public var participants: [String]
    public var messages: [Message]
    public var trace: Trace

    public init(title: String, participants: [String] = [], messages: [Message] = [], trace: Trace = Trace(), id: SequenceID? = nil) {
        self.id = id ?? .other(title)
        self.title = title
        self.participants = participants
        self.messages = messages
        self.trace = trace
    }

    /// One arrow in the diagram.
    public struct Message: Hashable, Sendable {
        public var from: String
        public var to: String
        public var text: String
        public var isAsync: Bool
        public var isReply: Bool
        /// Happens only when the step before it fails (an alternative path, `alt` in Mermaid and PlantUML).
        public var isFailure: Bool

        public init(from: String, to: String, text: String, isAsync: Bool = false, isReply: Bool = false, isFailure: Bool = false) {
            self.from = from
            self.to = to
            self.text = text
            self.isAsync = isAsync
            self.isReply = isReply
            self.isFailure = isFailure
        }
    }
}

/// The stable identity of a sequence diagram.
public enum SequenceID: Hashable, Sendable {
    /// A flow the user defined.
    case flow(FlowID)
    /// The generated "Create <entity>" flow.
    case create(EntityID)
    /// The generated flow across services.
    case crossService
    /// The generated flow of talking to one existing system.
    case integration(SystemID)
    /// The generated flow of a use case (`requirements.use_cases`), by its text.
    case useCase(String)
    /// Made by hand outside the generators (tests), by title.
    case other(String)
}
