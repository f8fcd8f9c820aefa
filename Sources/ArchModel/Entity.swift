/// A domain entity from step 4: its fields, its relations to other entities, and the service owning it.
public struct Entity: Hashable, Sendable {
    public var name: String
    public var fields: [Field]
    public var relations: [Relation]
    /// The owning service's name, when the user assigned one.
    public var service: String?

    public init(name: String, fields: [Field] = [], relations: [Relation] = [], service: String? = nil) {
        self.name = name
        self.fields = fields
        self.relations = relations
        self.service = service
    }
}

/// The logical type of a field; each SQL dialect and the OpenAPI exporter map it to their own types.
public enum FieldType: String, Hashable, Sendable, CaseIterable {
    case string, text, integer, bigint, decimal, money, boolean, date, timestamp, uuid, email, json
    /// One of `Field.enumValues`.
    case enumeration = "enum"
}

/// One attribute of an entity.
public struct Field: Hashable, Sendable {
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

    public init(name: String, type: FieldType = .string, required: Bool = false, unique: Bool = false,
                pii: Bool = false, indexed: Bool = false, enumValues: [String] = []) {
        self.name = name
        self.type = type
        self.required = required
        self.unique = unique
        self.pii = pii
        self.indexed = indexed
        self.enumValues = enumValues
    }
}

/// How one entity relates to another, seen from the entity that declares it.
public enum RelationKind: String, Hashable, Sendable, CaseIterable {
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
public enum DeleteRule: String, Hashable, Sendable, CaseIterable {
    case cascade, restrict
    case setNull = "set-null"
}

/// A relation from the declaring entity to `target`.
public struct Relation: Hashable, Sendable {
    public var kind: RelationKind
    public var target: String
    /// The role name when an entity relates to the same target twice (e.g. `billingAddress`).
    public var name: String?
    public var required: Bool
    public var onDelete: DeleteRule

    public init(kind: RelationKind, target: String, name: String? = nil, required: Bool = true, onDelete: DeleteRule = .restrict) {
        self.kind = kind
        self.target = target
        self.name = name
        self.required = required
        self.onDelete = onDelete
    }
}

/// A service (bounded context) the user defined.
public struct Service: Hashable, Sendable {
    public var name: String
    public var responsibilities: String
    /// Other services this one calls, and how.
    public var calls: [ServiceCall]

    public init(name: String, responsibilities: String = "", calls: [ServiceCall] = []) {
        self.name = name
        self.responsibilities = responsibilities
        self.calls = calls
    }
}

/// One service calling another.
public struct ServiceCall: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable, CaseIterable { case sync, async }

    public var target: String
    public var style: Style
    public var purpose: String

    public init(target: String, style: Style = .sync, purpose: String = "") {
        self.target = target
        self.style = style
        self.purpose = purpose
    }
}
