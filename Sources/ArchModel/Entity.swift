/// A domain entity from step 4: its fields, its relations to other entities, and the service owning it.
public struct Entity: Hashable, Sendable, Identifiable, Codable {
    public var id: EntityID
    public var name: String
    /// What one record is, in the user's words; shown in the schema and the API.
    public var description: String
    public var fields: [Field]
    public var relations: [Relation]
    /// The owning service: a defined service, or the name of a bounded context / module.
    public var service: Reference<Service>?

    public init(id: EntityID = .unassigned, name: String, description: String = "", fields: [Field] = [],
                relations: [Relation] = [], service: Reference<Service>? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.fields = fields
        self.relations = relations
        self.service = service
    }

    /// An entity owned by the service or module called `service`, resolved by `Session` when it exists.
    public init(id: EntityID = .unassigned, name: String, fields: [Field] = [], relations: [Relation] = [], service: String?) {
        self.init(id: id, name: name, fields: fields, relations: relations, service: service.map { .named($0) })
    }

    /// The field with this identity.
    public func field(_ id: FieldID) -> Field? { fields.first { $0.id == id } }
    /// The relation with this identity.
    public func relation(_ id: RelationID) -> Relation? { relations.first { $0.id == id } }
}

/// The logical type of a field; each SQL dialect and the OpenAPI exporter map it to their own types.
public enum FieldType: String, Hashable, Sendable, CaseIterable, Codable {
    case string, text, integer, bigint, decimal, money, boolean, date, timestamp, uuid, email, json
    /// One of `Field.enumValues`.
    case enumeration = "enum"

    /// Whether `length` means something for this type (a bounded string).
    public var takesLength: Bool { self == .string }
    /// Whether `precision` and `scale` mean something for this type.
    public var takesPrecision: Bool { self == .decimal }
}

/// One attribute of an entity.
public struct Field: Hashable, Sendable, Identifiable, Codable {
    public var id: FieldID
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var unique: Bool
    /// Personal data (GDPR and friends): drives encryption, masking and the "PII in URL" finding.
    public var pii: Bool
    /// Looked up by this field often enough to deserve an index.
    public var indexed: Bool
    /// Allowed values when `type` is `.enumeration`.
    public var enumValues: [String]
    /// Maximum length of a `string` (characters); nil leaves it to the generators.
    public var length: Int?
    /// Total digits and digits after the point of a `decimal`.
    public var precision: Int?
    public var scale: Int?
    /// The value a new record gets when none is given, as the user wrote it (`0`, `pending`, `now`).
    public var defaultValue: String?
    public var description: String

    public init(id: FieldID = .unassigned, name: String, type: FieldType = .string, required: Bool = false, unique: Bool = false,
                pii: Bool = false, indexed: Bool = false, enumValues: [String] = [], length: Int? = nil,
                precision: Int? = nil, scale: Int? = nil, defaultValue: String? = nil, description: String = "") {
        self.id = id
        self.name = name
        self.type = type
        self.required = required
        self.unique = unique
        self.pii = pii
        self.indexed = indexed
        self.enumValues = enumValues
        self.length = length
        self.precision = precision
        self.scale = scale
        self.defaultValue = defaultValue
        self.description = description
    }
}

/// How one entity relates to another, seen from the entity that declares it.
public enum RelationKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// This entity holds a reference to the target (a foreign key here): OrderItem belongs-to Order.
    case belongsTo = "belongs-to"
    /// The target holds a reference to this entity, and this entity owns them: Order has-many OrderItem.
    case hasMany = "has-many"
    /// Like has-many with at most one.
    case hasOne = "has-one"
    /// Both sides have many of the other: Product many-to-many Category (a join table).
    case manyToMany = "many-to-many"
}

/// What happens to rows that reference a deleted row.
public enum DeleteRule: String, Hashable, Sendable, CaseIterable, Codable {
    case cascade, restrict
    case setNull = "set-null"
}

/// A relation from the declaring entity to `target`.
public struct Relation: Hashable, Sendable, Identifiable, Codable {
    public var id: RelationID
    public var kind: RelationKind
    public var target: Reference<Entity>
    /// The role name when an entity relates to the same target twice (e.g. `billingAddress`).
    public var name: String?
    public var required: Bool
    public var onDelete: DeleteRule

    public init(id: RelationID = .unassigned, kind: RelationKind, target: Reference<Entity>, name: String? = nil,
                required: Bool = true, onDelete: DeleteRule = .restrict) {
        self.id = id
        self.kind = kind
        self.target = target
        self.name = name
        self.required = required
        self.onDelete = onDelete
    }

    /// A relation to the entity called `target`, resolved to its identity by `Session`.
    public init(id: RelationID = .unassigned, kind: RelationKind, target: String, name: String? = nil,
                required: Bool = true, onDelete: DeleteRule = .restrict) {
        self.init(id: id, kind: kind, target: .named(target), name: name, required: required, onDelete: onDelete)
    }
}

/// A service (bounded context) the user defined.
public struct Service: Hashable, Sendable, Identifiable, Codable {
    public var id: ServiceID
    public var name: String
    public var responsibilities: String
    /// Other services this one calls, and how.
    public var calls: [ServiceCall]

    public init(id: ServiceID = .unassigned, name: String, responsibilities: String = "", calls: [ServiceCall] = []) {
        self.id = id
        self.name = name
        self.responsibilities = responsibilities
        self.calls = calls
    }
}

/// One service calling another.
public struct ServiceCall: Hashable, Sendable, Identifiable, Codable {
    public enum Style: String, Hashable, Sendable, CaseIterable, Codable { case sync, async }

    public var id: CallID
    public var target: Reference<Service>
    public var style: Style
    public var purpose: String

    public init(id: CallID = .unassigned, target: Reference<Service>, style: Style = .sync, purpose: String = "") {
        self.id = id
        self.target = target
        self.style = style
        self.purpose = purpose
    }

    /// A call to the service called `target`, resolved to its identity by `Session`.
    public init(id: CallID = .unassigned, target: String, style: Style = .sync, purpose: String = "") {
        self.init(id: id, target: .named(target), style: style, purpose: purpose)
    }
}
