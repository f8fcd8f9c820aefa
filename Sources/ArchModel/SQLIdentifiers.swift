import Foundation

/// The SQL databases the schema is written for, with the identifier rules each enforces.
public enum SQLDialect: String, CaseIterable, Hashable, Sendable {
    case postgres, mysql, sqlite

    /// Longest identifier, in UTF-8 bytes. PostgreSQL cuts longer names silently (NAMEDATALEN - 1 = 63), MySQL
    /// and MariaDB reject them (64); SQLite has no limit and gets PostgreSQL's, so the SQLite file names every
    /// table, column and index as the PostgreSQL file does.
    public var maxIdentifierBytes: Int {
        switch self {
        case .postgres, .sqlite: return 63
        case .mysql: return 64
        }
    }

    /// The limit every dialect accepts: the derivation names the design's tables and columns within it.
    public static let portableIdentifierBytes = 63

    /// `name` as a quoted identifier. Every identifier is quoted, so a reserved word (`order`, `user`), a name
    /// in another case or with a quote or a semicolon stays a name: the quote character is doubled inside,
    /// which is the only escape these dialects read in a quoted identifier.
    public func quoted(_ name: String) -> String {
        let quote: Character = self == .mysql ? "`" : "\""
        let mark = String(quote)
        // Nearly every name holds no quote: no search-and-replace for those (it was a tenth of the DDL's time).
        guard name.utf8.contains(quote.asciiValue!) else { return mark + name + mark }
        return mark + name.replacingOccurrences(of: mark, with: mark + mark) + mark
    }
}

/// Why a name was changed on its way to an identifier.
public enum SQLRenameReason: Hashable, Sendable {
    /// Longer than the limit (bytes): cut, with a hash of the whole name so two long names stay apart.
    case tooLong(limit: Int)
    /// Another table, column, index or constraint had it first (names compare ignoring case and accents, as
    /// MySQL does): a number was added.
    case taken
    /// It held characters no identifier may hold (NUL, control characters): they became `_`.
    case invalidCharacters

    /// The reason in words, for findings and SQL comments.
    public var explanation: String {
        switch self {
        case .tooLong(let limit):
            return "longer than \(limit) bytes (PostgreSQL cuts longer names silently, MySQL rejects them); "
                + "shortened with a hash of the full name so it stays distinct"
        case .taken: return "the name was already taken in the same namespace (names compare ignoring case); numbered"
        case .invalidCharacters: return "control characters cannot appear in an identifier; replaced by _"
        }
    }
}

/// A name the schema uses in place of the one the model gives, and why.
public struct SQLRename: Hashable, Sendable {
    /// What was renamed: `column`, `table`, `index`, `foreign key`, `constraint`.
    public var kind: String
    public var old: String
    public var new: String
    public var reason: SQLRenameReason

    public init(kind: String, old: String, new: String, reason: SQLRenameReason) {
        self.kind = kind
        self.old = old
        self.new = new
        self.reason = reason
    }

    /// `column order_id → order_id_2: the name was already taken …`
    public var sentence: String { "\(kind) \(old) → \(new): \(reason.explanation)" }
}

/// Hands out identifiers unique within one namespace (a schema's tables, indexes and constraints, or one
/// table's columns) and no longer than a byte limit, in claim order, so the same model always gets the same
/// names. Pure: both the derivation (which reports every rename as a finding) and the SQL exporters use it.
public struct SQLNamespace: Sendable {
    public let maxBytes: Int
    private var used: Set<String>

    /// `reserved`: names already taken (claimed by no one, renamed by no one).
    public init(maxBytes: Int = SQLDialect.portableIdentifierBytes, reserved: [String] = [], capacity: Int = 0) {
        self.maxBytes = maxBytes
        used = Set(minimumCapacity: reserved.count + capacity)
        for name in reserved { used.insert(Self.key(name)) }
    }

    /// Whether `name` (or a case or accent twin of it) is taken.
    public func contains(_ name: String) -> Bool { used.contains(Self.key(name)) }

    /// Marks `name` as taken without claiming it.
    public mutating func reserve(_ name: String) { used.insert(Self.key(name)) }

    /// `wanted` if it is valid, fits and is free; else a valid, short enough, free variant of it, and why.
    public mutating func claim(_ wanted: String) -> (name: String, reason: SQLRenameReason?) {
        var reason: SQLRenameReason?
        var base = Self.sanitized(wanted)
        if base != wanted { reason = .invalidCharacters }
        if base.utf8.count > maxBytes {
            base = SQLIdentifiers.shortened(base, maxBytes: maxBytes)
            reason = reason ?? .tooLong(limit: maxBytes)
        }
        var candidate = base
        var suffix = 2
        while used.contains(Self.key(candidate)) {
            let tail = "_" + String(suffix)
            candidate = SQLIdentifiers.shortened(base, maxBytes: maxBytes - tail.utf8.count) + tail
            suffix += 1
            reason = reason ?? .taken
        }
        used.insert(Self.key(candidate))
        return (candidate, reason)
    }

    /// How names compare: ignoring case and accents, as MySQL compares column and index names (and table names
    /// on case-insensitive file systems); the strictest rule of the three dialects.
    public static func key(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        return name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Control characters (NUL ends a name in C APIs; the others break comments and terminals) become `_`;
    /// an empty name becomes `unnamed`.
    static func sanitized(_ name: String) -> String {
        if !name.isEmpty, name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return name }  // printable ASCII: nothing to do
        guard name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) || name.isEmpty else { return name }
        if name.isEmpty { return "unnamed" }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.generalCategory == .control ? "_" : $0 }))
    }
}

/// Byte-counting helpers for identifiers.
public enum SQLIdentifiers {
    /// `name` if it fits in `maxBytes`; else its longest prefix that fits with `_` and 8 hex digits of its
    /// `StableHash` (cut at a character boundary, so a multi-byte letter is never split).
    public static func shortened(_ name: String, maxBytes: Int) -> String {
        guard name.utf8.count > maxBytes else { return name }
        let suffix = "_" + StableHash.hex(name, digits: 8)
        let room = max(0, maxBytes - suffix.utf8.count)
        var prefix = ""
        var bytes = 0
        for character in name {
            let size = character.utf8.count
            guard bytes + size <= room else { break }
            prefix.append(character)
            bytes += size
        }
        return prefix + suffix
    }
}
