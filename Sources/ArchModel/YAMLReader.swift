import Foundation
import Yams

/// Reads a composed YAML tree and turns every problem into a `LocatedError` that names the file and position.
/// Shared by the session file and the catalogue loader (package access: not part of the public API).
package struct YAMLReader: Sendable {
    package let file: String

    package init(file: String) { self.file = file }

    /// No implicit type is resolved by Yams: booleans, numbers, nulls and strings are read from the text (`bool`,
    /// `number`, `isNull`). Yams' resolvers run a regular expression on every scalar (a fifth of start-up went to the
    /// booleans' one when reading the question catalogue).
    static let resolver = Resolver.basic

    /// Parses `text` into a node tree, mapping Yams' syntax errors to `file:line:col`. An alias is an error (see
    /// `YAMLAliasCheck`).
    package func compose(_ text: String) throws(LocatedError) -> Node? {
        if let alias = YAMLAliasCheck.firstAlias(in: text) {
            throw LocatedError(file: file, line: alias.line, column: alias.column,
                               message: "'*\(alias.name)' is a YAML alias: archtui files take no anchors or aliases (an alias repeats "
                                   + "a value, and aliases of aliases can make a small file huge); write the value out instead")
        }
        do {
            return try Yams.compose(yaml: text, Self.resolver)
        } catch let error as YamlError {
            throw syntaxError(error, text: text)
        } catch {
            throw LocatedError(file: file, line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
    }

    /// An error at `node`'s position (1:1 when the node has no mark).
    package func error(_ message: String, at node: Node?) -> LocatedError {
        let mark = node?.mark
        return LocatedError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    /// The node as a mapping, or an error that says what was found instead.
    package func mapping(_ node: Node, _ what: String) throws(LocatedError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw error("expected \(what) as a mapping of keys to values, found \(describe(node))", at: node)
        }
        return mapping
    }

    /// The node as a sequence.
    package func sequence(_ node: Node, _ what: String) throws(LocatedError) -> [Node] {
        guard let sequence = node.sequence else {
            throw error("expected \(what) as a list, found \(describe(node))", at: node)
        }
        return Array(sequence)
    }

    /// One of an enum's raw values, or an error listing them all.
    package func option<T: RawRepresentable & CaseIterable>(_ node: Node, _: T.Type, _ what: String, of owner: String) throws(LocatedError) -> T where T.RawValue == String {
        let text = try string(node, "the \(what) of \(owner)")
        guard let value = T(rawValue: text) else {
            throw error("unknown \(what) '\(text)' in \(owner); expected one of " + T.allCases.map(\.rawValue).joined(separator: ", "), at: node)
        }
        return value
    }

    /// A whole number within `range`, or an error saying what was expected.
    package func whole(_ node: Node, _ what: String, in range: ClosedRange<Int>) throws(LocatedError) -> Int {
        let value = try number(node, "the \(what)")
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw error("expected the \(what) as a whole number from \(range.lowerBound) to \(range.upperBound), found \(describe(node))", at: node)
        }
        return Int(value)
    }

    /// The node as a string scalar (any scalar text; YAML null is rejected).
    package func string(_ node: Node, _ what: String) throws(LocatedError) -> String {
        guard let scalar = node.scalar, !isNull(node) else {
            throw error("expected \(what) as text, found \(describe(node))", at: node)
        }
        return scalar.string
    }

    /// The node as a name of the model, held to the rules the TUI's forms apply (`ModelName`).
    package func name(_ node: Node, _ what: String) throws(LocatedError) -> String {
        let text = try string(node, what)
        if let problem = ModelName.problem(text) { throw error("\(what): \(problem)", at: node) }
        return text
    }

    /// The node as a number (int or float scalar).
    package func number(_ node: Node, _ what: String) throws(LocatedError) -> Double {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any,
              let value = Self.number(scalar.string) else {
            throw error("expected \(what) as a number, found \(describe(node))", at: node)
        }
        return value
    }

    /// The node as an integer.
    package func integer(_ node: Node, _ what: String) throws(LocatedError) -> Int {
        let value = try number(node, what)
        guard value == value.rounded(), abs(value) < 1e15 else {
            throw error("expected \(what) as a whole number, found \(describe(node))", at: node)
        }
        return Int(value)
    }

    /// The node as a boolean (`true`/`false`, and YAML 1.1's yes/no).
    package func bool(_ node: Node, _ what: String) throws(LocatedError) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any, let value = Self.bool(scalar.string) else {
            throw error("expected \(what) as true or false, found \(describe(node))", at: node)
        }
        return value
    }

    /// YAML 1.1's booleans, as Yams reads them: true/yes/on and false/no/off in any case.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// Rejects keys outside `allowed` (typo protection) and returns the pairs keyed by their text.
    package func keyed(_ mapping: Node.Mapping, allowed: [String], in what: String) throws(LocatedError) -> [String: Node] {
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                let list = allowed.joined(separator: ", ")
                throw error("unknown key '\(name)' in \(what); expected one of \(list)", at: key)
            }
            result[name] = value
        }
        return result
    }

    /// The value of a required key, or an error at the mapping's position.
    package func require(_ key: String, in pairs: [String: Node], of mappingNode: Node, _ what: String) throws(LocatedError) -> Node {
        guard let node = pairs[key] else { throw error("missing key '\(key)' in \(what)", at: mappingNode) }
        return node
    }

    /// True for YAML null (`~`, `null`, or nothing) written plain.
    package func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return node.null != nil
    }

    /// A short description of what a node is, for messages.
    package func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        }
    }

    /// Parses a YAML number written plain in decimal (`25000`, `99.95`, `-3`, `1e3`, `25_000`), nil otherwise. Hex,
    /// octal, `inf` and `nan` are not numbers in archtui's files (Swift's `Double` would read `0x7fffffffffffffff`),
    /// and neither is a value too large for a `Double`.
    package static func number(_ text: String) -> Double? {
        let trimmed = text.replacingOccurrences(of: "_", with: "")
        guard isDecimal(trimmed), let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, with digits on at least one side of the point.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private func syntaxError(_ error: YamlError, text: String) -> LocatedError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) at \($0.mark.line):\($0.mark.column), " } ?? ""
            return LocatedError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)\(problem)")
        case let .reader(problem, offset, _, _):
            let (line, column) = Self.position(ofCharacter: offset ?? 0, in: text)
            return LocatedError(file: file, line: line, column: column, message: "unreadable text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // Yams marks the first occurrence; the error is the repeat, so point at it (and say where the first is).
            if let key = duplicates.first, let again = Self.repeatOfKey(key, after: context.mark, in: text) {
                return LocatedError(file: file, line: again.line, column: again.column,
                                    message: "duplicate key \(keys) in the same mapping: already at line \(context.mark.line)")
            }
            return LocatedError(file: file, line: context.mark.line, column: context.mark.column,
                                message: "duplicate key \(keys) in the same mapping")
        default:
            return LocatedError(file: file, line: 1, column: 1, message: "YAML error: \(error)")
        }
    }

    /// Where `key` is written again after its first occurrence at `first`: on a later line of the same block
    /// mapping, at the same column, written plain or quoted and followed by a colon; nil when not found (a flow
    /// mapping: the error then points at the first).
    static func repeatOfKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let spellings = [key, "\"" + key + "\"", "'" + key + "'"]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 > first.line {
            let rest = line.dropFirst(first.column - 1)
            let indent = line.prefix { $0 == " " }.count
            // A line less indented than the key, with something on it, ends the mapping.
            if indent < first.column - 1, let content = line.dropFirst(indent).first, content != "#", content != "-" { return nil }
            guard line.prefix(first.column - 1).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            for spelling in spellings where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") { return (index + 1, first.column) }
            }
        }
        return nil
    }

    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
