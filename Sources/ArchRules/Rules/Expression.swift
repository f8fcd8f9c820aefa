import ArchModel

/// A parsed condition: a node and where it starts in the condition text (in Unicode scalars, from 0).
public struct Expression: Hashable, Sendable {
    public var node: Node
    public var offset: Int

    public init(_ node: Node, at offset: Int) {
        self.node = node
        self.offset = offset
    }

    /// The shapes a condition can take.
    public indirect enum Node: Hashable, Sendable {
        /// A number in its dimension's base unit (ms, B, %), with the factor of the unit it was written in.
        case number(Double, Dimension, scale: Double)
        case string(String)
        case boolean(Bool)
        case list([Expression])
        /// A dotted name: a question id, a `capacity.` fact, or a function argument (`entities`, `pii`).
        case reference(String)
        case call(String, [Expression])
        case not(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        case compare(ComparisonOperator, Expression, Expression)
    }
}

/// `== != < <= > >=` and `in`.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case isIn = "in"
}

/// A problem in a condition or template, at a position inside its text (Unicode scalars, from 0).
public struct ExpressionError: Error, Hashable, Sendable {
    public var offset: Int
    public var message: String

    public init(_ message: String, at offset: Int) {
        self.offset = offset
        self.message = message
    }
}
