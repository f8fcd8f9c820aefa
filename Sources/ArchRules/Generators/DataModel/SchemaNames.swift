import ArchModel

/// The identifiers of every entity of a session, unique per namespace and given out in declaration order.
/// A later entity whose name repeats an earlier one (ignoring case) is dropped: the findings report it.
public struct SchemaNames: Sendable {
    /// The identifiers of one entity.
    public struct Names: Hashable, Sendable {
        /// `order_items`
        public var table: String
        /// `order_item`: the stem of foreign key columns.
        public var singular: String
        /// `order-items`
        public var segment: String
        /// `orderItemId`
        public var parameter: String
        /// `OrderItem`, `OrderItems`: the stems of operation ids.
        public var pascal: String
        public var pascalPlural: String
        /// `order item`, `order items`: the entity in prose.
        public var display: String
        public var pluralDisplay: String
        /// `order`, `item`: the name's `Naming.words`.
        public var words: [String]
    }

    /// The entities kept, in declaration order.
    public private(set) var entities: [Entity]
    /// Where the kept entities are in the list given.
    private let keptIndices: [Int]
    private let byKey: [String: Names]
    /// The kept entities by lower-cased name: lookups happen per relation, so they must not scan.
    private var entityByKey: [String: Entity]
    /// Every entity's name by identity, so a relation's target resolves without a scan.
    private let nameByID: [EntityID: String]

    /// Names for `entities`, claimed in declaration order so a collision always renames the later entity.
    public init(_ entities: [Entity]) {
        var kept: [Entity] = []
        var keptIndices: [Int] = []
        var byKey: [String: Names] = [:]
        var tables = UniqueNames(), singulars = UniqueNames(), segments = UniqueNames(separator: "-")
        var pascals = UniqueNames(separator: "")
        for (index, entity) in entities.enumerated() where byKey[Self.key(entity.name)] == nil {
            kept.append(entity)
            keptIndices.append(index)
            let words = Naming.words(entity.name), pluralWords = Naming.pluralWords(words: words)
            let basePascal = Naming.pascalCase(words: words)
            let pascal = pascals.claim(basePascal)
            let suffix = String(pascal.dropFirst(basePascal.count))  // "2" after a collision
            byKey[Self.key(entity.name)] = Names(
                table: tables.claim(Naming.snakeCase(words: pluralWords)),
                singular: singulars.claim(Naming.snakeCase(words: words)),
                segment: segments.claim(pluralWords.joined(separator: "-")),
                parameter: Naming.camelCase(words: words) + suffix + "Id",
                pascal: pascal,
                pascalPlural: Naming.pascalCase(words: pluralWords) + suffix,
                display: words.joined(separator: " "),
                pluralDisplay: pluralWords.joined(separator: " "),
                words: words
            )
        }
        self.entities = kept
        self.keptIndices = keptIndices
        self.byKey = byKey
        entityByKey = Self.index(kept)
        nameByID = Dictionary(entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same names for `entities`, which must have the names these were made for, in the same order (only
    /// their fields and other details changed): names depend on entity names alone.
    func replacingEntities(_ entities: [Entity]) -> SchemaNames {
        var copy = self
        copy.entities = keptIndices.map { entities[$0] }
        copy.entityByKey = Self.index(copy.entities)
        return copy
    }

    private static func index(_ entities: [Entity]) -> [String: Entity] {
        Dictionary(entities.map { (key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The names of the entity called `name` (ignoring case), if it exists.
    public func names(_ name: String) -> Names? { byKey[Self.key(name)] }

    /// Last words of entities whose records are never changed or removed once written: `AuditLog`, `Ledger`.
    /// Any entity with `audit` in its name counts too, and so do the lines of a book (`LedgerEntry`, `JournalLine`,
    /// any `…Posting`; see `isAppendOnly`).
    public static let appendOnlyWords: Set = ["log", "ledger", "journal", "history"]
    /// Whether an entity named with `words` holds audit records (`Names.isAuditRecord`).
    public static func isAuditRecord(words: [String]) -> Bool { words.contains("audit") }

    /// Whether an entity named with `words` is written once and never changed (`Names.isAppendOnly`).
    public static func isAppendOnly(words: [String]) -> Bool {
        guard let last = words.last else { return false }
        // `LedgerEntry`, `JournalLine`, `LedgerPosting`: a line of a book is as immutable as the book.
        let bookLine = ["entry", "line", "posting"].contains(last) && words.dropLast().contains { ["ledger", "journal"].contains($0) }
        return isAuditRecord(words: words) || appendOnlyWords.contains(last) || bookLine || last == "posting"
    }

    /// Whether an entity named with `words` is a money or legal record (`Names.isFinancialRecord`).
    public static func isFinancialRecord(words: [String]) -> Bool { words.last.map(financialWords.contains) == true }

    /// Words that make an entity a money or legal record (`isFinancialRecord`). Narrower than
    /// `APIGenerator.paymentLikeWords`, the creates worth an idempotency key, which also holds orders and bookings:
    /// those are retried like payments but may be deleted.
    public static let financialWords: Set = ["payment", "invoice", "refund", "charge", "chargeback", "payout", "receipt",
                                             "settlement", "transaction"]

    /// The entity called `name` (ignoring case), if it exists.
    public func entity(_ name: String) -> Entity? { entityByKey[Self.key(name)] }

    /// The entity a reference points at, if it exists.
    public func entity(_ reference: Reference<Entity>) -> Entity? { entity(name(reference)) }

    /// The name a reference points at: the entity's name, or the name as written when it matches none.
    public func name(_ reference: Reference<Entity>) -> String {
        switch reference {
        case .id(let id): return nameByID[id] ?? ""
        case .named(let name): return name
        }
    }

    /// Join tables claim from the same namespace as entity tables.
    func tableNamespace() -> UniqueNames { UniqueNames(reserved: entities.compactMap { names($0.name)?.table }) }

    private static func key(_ name: String) -> String { NameKey.key(name) }
}

extension SchemaNames.Names {
    /// Records written once and never changed or removed (see `SchemaNames.appendOnlyWords`): the API offers no
    /// PATCH or DELETE, the table keeps no version or update time, and such tables are partitioned first.
    public var isAppendOnly: Bool { SchemaNames.isAppendOnly(words: words) }

    /// Audit records are written by the system as a side effect of what it does, never by a client: the API only
    /// reads them (a client that could POST one could forge the audit trail).
    public var isAuditRecord: Bool { SchemaNames.isAuditRecord(words: words) }

    /// Money and legal records (payments, invoices, refunds…) are kept for the books: the API never deletes them;
    /// they are cancelled, refunded or voided through their fields instead.
    /// The name's last word decides (`Payment`, `CardTransaction`), so a `PaymentMethod` a customer removes is not one.
    public var isFinancialRecord: Bool { SchemaNames.isFinancialRecord(words: words) }
}
