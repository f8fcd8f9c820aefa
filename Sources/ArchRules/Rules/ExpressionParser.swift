/// Recursive-descent parser for conditions: `or` < `and` < `not` < comparison < primary.
public struct ExpressionParser {
    /// Deepest nesting a condition may have; keeps evaluation bounded and the stack safe.
    public static let maximumDepth = 32

    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0

    public init() {}

    /// Parses a whole condition; the error's offset points into `text`.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var lexer = ExpressionLexer(text)
        var parser = ExpressionParser()
        parser.tokens = try lexer.tokens()
        let expression = try parser.disjunction()
        guard case .end = parser.current.kind else {
            throw ExpressionError("expected 'and', 'or' or the end of the condition, found \(parser.describe(parser.current))",
                                  at: parser.current.offset)
        }
        return expression
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isWord(_ word: String) -> Bool {
        if case .word(let text) = current.kind { return text == word }
        return false
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = current.kind { return text == symbol }
        return false
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ExpressionError("the condition nests deeper than \(Self.maximumDepth) levels", at: current.offset)
        }
        return try body(&self)
    }

    private mutating func disjunction() throws(ExpressionError) -> Expression {
        try nested { (p: inout ExpressionParser) throws(ExpressionError) -> Expression in
            var left = try p.conjunction()
            while p.isWord("or") {
                _ = p.advance()
                left = Expression(.or(left, try p.conjunction()), at: left.offset)
            }
            return left
        }
    }

    private mutating func conjunction() throws(ExpressionError) -> Expression {
        var left = try negation()
        while isWord("and") {
            _ = advance()
            left = Expression(.and(left, try negation()), at: left.offset)
        }
        return left
    }

    private mutating func negation() throws(ExpressionError) -> Expression {
        guard isWord("not") else { return try comparison() }
        let start = advance().offset
        return try nested { (p: inout ExpressionParser) throws(ExpressionError) -> Expression in
            Expression(.not(try p.negation()), at: start)
        }
    }

    private mutating func comparison() throws(ExpressionError) -> Expression {
        let left = try primary()
        let op: ComparisonOperator?
        switch current.kind {
        case .symbol(let text): op = ComparisonOperator(rawValue: text)
        case .word("in"): op = .isIn
        default: op = nil
        }
        guard let op else { return left }
        _ = advance()
        let right = try primary()
        if case .symbol(let text) = current.kind, ComparisonOperator(rawValue: text) != nil {
            throw ExpressionError("comparisons do not chain; join them with 'and'", at: current.offset)
        }
        return Expression(.compare(op, left, right), at: left.offset)
    }

    private mutating func primary() throws(ExpressionError) -> Expression {
        let token = advance()
        switch token.kind {
        case .number(let value, let unit):
            let unit = unit ?? .plain
            return Expression(.number(value * unit.factor, unit.dimension, scale: unit.factor), at: token.offset)
        case .string(let text):
            return Expression(.string(text), at: token.offset)
        case .word("true"), .word("false"):
            return Expression(.boolean(token.kind == .word("true")), at: token.offset)
        case .word(let name) where ["and", "or", "not", "in"].contains(name):
            throw ExpressionError("expected a value, found '\(name)'", at: token.offset)
        case .word(let name):
            guard isSymbol("(") else { return Expression(.reference(name), at: token.offset) }
            _ = advance()
            let arguments = try items(closing: ")")
            return Expression(.call(name, arguments), at: token.offset)
        case .symbol("("):
            let inner = try disjunction()
            try expect(")")
            return inner
        case .symbol("["):
            return Expression(.list(try items(closing: "]")), at: token.offset)
        default:
            throw ExpressionError("expected a value, found \(describe(token))", at: token.offset)
        }
    }

    /// Comma-separated conditions up to `closing` (already past the opening bracket).
    private mutating func items(closing: String) throws(ExpressionError) -> [Expression] {
        try nested { (p: inout ExpressionParser) throws(ExpressionError) -> [Expression] in
            var result: [Expression] = []
            if p.isSymbol(closing) { _ = p.advance(); return result }
            while true {
                result.append(try p.disjunction())
                if p.isSymbol(",") { _ = p.advance(); continue }
                try p.expect(closing)
                return result
            }
        }
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError("expected '\(symbol)', found \(describe(current))", at: current.offset)
        }
        _ = advance()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number: return "a number"
        case .string(let text): return "\"\(text)\""
        case .word(let text): return "'\(text)'"
        case .symbol(let text): return "'\(text)'"
        case .end: return "the end of the condition"
        }
    }
}
