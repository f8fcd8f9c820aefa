/// One token of a condition.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case number(Double, QuantityUnit?)
        case string(String)
        /// Names and keywords (`and`, `or`, `not`, `in`, `true`, `false`).
        case word(String)
        /// `( ) [ ] ,` and comparison operators.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
}

/// Splits a condition into tokens; numbers take their `k/M/G` multiplier and unit here.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// All tokens, ending with `.end`.
    mutating func tokens() throws(ExpressionError) -> [Token] {
        var result: [Token] = []
        while true {
            skipSpace()
            let start = index
            guard let c = peek() else { return result + [Token(kind: .end, offset: start)] }
            if c.properties.numericType != nil, c.isASCII {
                result.append(Token(kind: try number(), offset: start))
            } else if c == "\"" || c == "'" {
                result.append(Token(kind: try string(quote: c), offset: start))
            } else if Self.isWordStart(c) {
                result.append(Token(kind: .word(word()), offset: start))
            } else {
                result.append(Token(kind: .symbol(try symbol()), offset: start))
            }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func skipSpace() {
        while let c = peek(), c.properties.isWhitespace { index += 1 }
    }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c == "_" }
    static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        isWordStart(c) || ("0"..."9").contains(c) || c == "." || c == "-"
    }

    private mutating func word() -> String {
        var text = ""
        while let c = peek(), Self.isWordPart(c) { text.unicodeScalars.append(c); index += 1 }
        return text
    }

    private mutating func number() throws(ExpressionError) -> Token.Kind {
        let start = index
        var text = ""
        while let c = peek(), ("0"..."9").contains(c) || c == "." || c == "_" {
            if c != "_" { text.unicodeScalars.append(c) }
            index += 1
        }
        guard var value = Double(text) else { throw ExpressionError("'\(text)' is not a number", at: start) }
        let multipliers: [Unicode.Scalar: Double] = ["k": 1e3, "M": 1e6, "G": 1e9]
        if let c = peek(), let multiplier = multipliers[c], !(peek(1).map(Self.isWordPart) ?? false) {
            value *= multiplier
            index += 1
        }
        return .number(value, unit())
    }

    /// A unit right after a number (`150 ms`, `2TB`, `99.9%`), matched whole-word; nil when none follows.
    private mutating func unit() -> QuantityUnit? {
        var probe = index
        while probe < scalars.count, scalars[probe] == " " { probe += 1 }
        for spelling in QuantityUnit.spellings {
            let unitScalars = Array(spelling.unicodeScalars)
            let end = probe + unitScalars.count
            guard end <= scalars.count, Array(scalars[probe..<end]) == unitScalars else { continue }
            if spelling != "%", end < scalars.count, Self.isWordPart(scalars[end]) { continue }
            index = end
            return QuantityUnit.known[spelling]
        }
        return nil
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token.Kind {
        let start = index
        index += 1
        var text = ""
        while let c = peek() {
            index += 1
            if c == quote { return .string(text) }
            text.unicodeScalars.append(c)
        }
        throw ExpressionError("unterminated string: missing closing \(quote)", at: start)
    }

    private mutating func symbol() throws(ExpressionError) -> String {
        let start = index
        let c = scalars[index]
        index += 1
        if "()[],".unicodeScalars.contains(c) { return String(c) }
        if "=!<>".unicodeScalars.contains(c) {
            if peek() == "=" { index += 1; return String(c) + "=" }
            if c == "<" || c == ">" { return String(c) }
            throw ExpressionError("expected '\(c)=', found '\(c)'", at: start)
        }
        throw ExpressionError("unexpected character '\(c)'", at: start)
    }
}
