import ArchModel

/// What a number measures; quantities of different dimensions cannot be compared.
public enum Dimension: String, Hashable, Sendable {
    /// A plain count or rate (`req/s`, `users`, … are accepted and ignored).
    case none
    /// Durations, in milliseconds.
    case time
    /// Sizes, in bytes (decimal: 1 KB = 1000 B).
    case bytes
    /// Percentages, in percent.
    case percent
}

/// A unit word a number may carry, with its dimension and its size in the dimension's base unit.
public struct QuantityUnit: Hashable, Sendable {
    public var dimension: Dimension
    public var factor: Double

    /// Every unit the condition language and question catalogue use, by spelling.
    public static let known: [String: QuantityUnit] = [
        "ms": .init(dimension: .time, factor: 1), "s": .init(dimension: .time, factor: 1_000),
        "min": .init(dimension: .time, factor: 60_000), "h": .init(dimension: .time, factor: 3_600_000),
        "B": .init(dimension: .bytes, factor: 1), "KB": .init(dimension: .bytes, factor: 1e3),
        "MB": .init(dimension: .bytes, factor: 1e6), "GB": .init(dimension: .bytes, factor: 1e9),
        "TB": .init(dimension: .bytes, factor: 1e12), "PB": .init(dimension: .bytes, factor: 1e15),
        "%": .init(dimension: .percent, factor: 1),
        "req/s": .plain, "req/day": .plain, "users": .plain, "records": .plain, "years": .plain,
        "engineers": .plain,
    ]

    /// Unit spellings, longest first, so the lexer matches `min` before `ms` and `req/day` before `req/s`.
    static let spellings: [String] = known.keys.sorted { ($0.count, $0) > ($1.count, $1) }

    /// A dimensionless unit.
    public static let plain = QuantityUnit(dimension: .none, factor: 1)

    /// The unit of a question's answers (unknown or missing units are dimensionless).
    public static func of(_ question: Question) -> QuantityUnit {
        question.unit.flatMap { known[$0] } ?? .plain
    }
}
