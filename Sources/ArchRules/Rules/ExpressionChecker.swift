import ArchModel

/// Checks a parsed condition against the catalogue when a rule is loaded: names, functions, types, units,
/// choice values. Returns the question ids it reads (for traces), in order of first mention.
public struct ExpressionChecker {
    /// What a sub-expression yields.
    enum ValueType: Equatable {
        case boolean, number(Dimension), text, textList, list
    }

    /// Collections `count(…)` and `any(…)` know, and the properties or kinds each accepts as a filter.
    static let collections: [String: [String]] = [
        "entities": [], "services": [],
        "fields": ["pii", "unique", "indexed", "required"],
        "relations": RelationKind.allCases.map(\.rawValue),
        "systems": ExternalSystem.Kind.allCases.map(\.rawValue) + ExternalSystem.Plan.allCases.map(\.rawValue)
            + ["queued", "inbound", "owning"],
    ]

    private let questions: [String: Question]
    private(set) var reads: [String] = []

    public init(catalogue: Catalogue) {
        var questions: [String: Question] = [:]
        for question in catalogue.questions { questions[question.id] = question }
        self.questions = questions
    }

    /// Checks a condition; throws at the offending sub-expression. Returns the question ids read.
    public static func check(_ expression: Expression, catalogue: Catalogue) throws(ExpressionError) -> [String] {
        var checker = ExpressionChecker(catalogue: catalogue)
        try checker.expect(.boolean, expression, "a condition (true or false)")
        return checker.reads
    }

    /// Checks that a placeholder name (`requirements.team_size`, `capacity.peak_rps`) names something.
    public func knows(_ name: String) -> Bool {
        if name.hasPrefix("capacity.") { return CapacityFacts.definitions[String(name.dropFirst(9))] != nil }
        return questions[name] != nil
    }

    private mutating func read(_ id: String) { if !reads.contains(id) { reads.append(id) } }

    private mutating func expect(_ type: ValueType, _ expression: Expression, _ what: String) throws(ExpressionError) {
        let found = try self.type(of: expression)
        guard found == type else { throw ExpressionError("expected \(what), found \(Self.describe(found))", at: expression.offset) }
    }

    mutating func type(of expression: Expression) throws(ExpressionError) -> ValueType {
        switch expression.node {
        case .number(_, let dimension, _): return .number(dimension)
        case .string: return .text
        case .boolean: return .boolean
        case .list(let items):
            for item in items { _ = try type(of: item) }
            return .list
        case .reference(let name): return try reference(name, at: expression.offset)
        case .call(let name, let arguments): return try call(name, arguments, at: expression.offset)
        case .not(let inner):
            try expect(.boolean, inner, "a condition after 'not'")
            return .boolean
        case .and(let left, let right), .or(let left, let right):
            try expect(.boolean, left, "a condition (true or false)")
            try expect(.boolean, right, "a condition (true or false)")
            return .boolean
        case .compare(let op, let left, let right):
            try compare(op, left, right)
            return .boolean
        }
    }

    private mutating func reference(_ name: String, at offset: Int) throws(ExpressionError) -> ValueType {
        if name.hasPrefix("capacity.") {
            guard let fact = CapacityFacts.definitions[String(name.dropFirst(9))] else {
                let known = CapacityFacts.definitions.keys.sorted().map { "capacity.\($0)" }.joined(separator: ", ")
                throw ExpressionError("unknown fact '\(name)'; expected one of \(known)", at: offset)
            }
            fact.inputs.forEach { read($0) }
            return .number(fact.dimension)
        }
        guard let question = questions[name] else {
            throw ExpressionError("unknown question id '\(name)'", at: offset)
        }
        read(name)
        switch question.kind {
        case .integer, .number: return .number(QuantityUnit.of(question).dimension)
        case .text, .choice: return .text
        case .multiChoice, .list, .entities, .services, .systems: return .textList
        }
    }

    private mutating func call(_ name: String, _ arguments: [Expression], at offset: Int) throws(ExpressionError) -> ValueType {
        func argumentName(_ index: Int) -> String? {
            if case .reference(let text) = arguments[index].node { return text }
            return nil
        }
        switch (name, arguments.count) {
        case ("answered", 1):
            guard let id = argumentName(0), questions[id] != nil else {
                throw ExpressionError("answered(…) takes a question id", at: arguments[0].offset)
            }
            read(id)
            return .boolean
        case ("count", 1):
            if let collection = argumentName(0), Self.collections[collection] != nil { return .number(.none) }
            guard let id = argumentName(0), let question = questions[id],
                  [.list, .multiChoice, .entities, .systems].contains(question.kind) else {
                throw ExpressionError("count(…) takes entities, services, fields, relations or the id of a list or multi-choice question",
                                      at: arguments[0].offset)
            }
            read(id)
            return .number(.none)
        case ("count", 2), ("any", 2):
            guard let collection = argumentName(0), let filters = Self.collections[collection], !filters.isEmpty else {
                throw ExpressionError("\(name)(…, …) takes fields, relations or systems first", at: arguments[0].offset)
            }
            guard let filter = argumentName(1), filters.contains(filter) else {
                throw ExpressionError("unknown property of \(collection); expected one of \(filters.joined(separator: ", "))",
                                      at: arguments[1].offset)
            }
            return name == "any" ? .boolean : .number(.none)
        case ("answered", _), ("count", _), ("any", _):
            throw ExpressionError("wrong number of arguments to \(name)(…)", at: offset)
        default:
            throw ExpressionError("unknown function '\(name)'; expected answered, count or any", at: offset)
        }
    }

    private mutating func compare(_ op: ComparisonOperator, _ left: Expression, _ right: Expression) throws(ExpressionError) {
        let leftType = try type(of: left)
        let rightType = try type(of: right)
        if op == .isIn {
            switch rightType {
            case .list:
                guard case .list(let items) = right.node else { break }
                for item in items { try comparable(leftType, left, try type(of: item), item) }
                try checkChoices(left, items)
            case .textList, .text:
                guard leftType == .text else {
                    throw ExpressionError("expected text before 'in', found \(Self.describe(leftType))", at: left.offset)
                }
                try checkChoices(right, [left])
            default:
                throw ExpressionError("expected a list or a list answer after 'in', found \(Self.describe(rightType))", at: right.offset)
            }
            return
        }
        if [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) {
            guard case .number = leftType else {
                throw ExpressionError("'\(op.rawValue)' compares numbers, found \(Self.describe(leftType))", at: left.offset)
            }
        }
        try comparable(leftType, left, rightType, right)
        try checkChoices(left, [right])
        try checkChoices(right, [left])
    }

    private func comparable(_ a: ValueType, _ left: Expression, _ b: ValueType, _ right: Expression) throws(ExpressionError) {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            guard x == y || x == .none || y == .none else {
                throw ExpressionError("cannot compare \(Self.describe(a)) with \(Self.describe(b))", at: right.offset)
            }
        case (.text, .text), (.boolean, .boolean): break
        case (.textList, .text):
            throw ExpressionError("a list answer cannot be compared with '=='; write \"value\" in …", at: left.offset)
        default:
            throw ExpressionError("cannot compare \(Self.describe(a)) with \(Self.describe(b))", at: right.offset)
        }
    }

    /// A string compared with a choice answer must be one of its values: catches typos at load time.
    private func checkChoices(_ reference: Expression, _ values: [Expression]) throws(ExpressionError) {
        guard case .reference(let id) = reference.node, let question = questions[id], !question.choices.isEmpty else { return }
        for value in values {
            guard case .string(let text) = value.node, question.choices.first(where: { $0.value == text }) == nil else { continue }
            let known = question.choices.map(\.value).joined(separator: ", ")
            throw ExpressionError("'\(text)' is not a choice of \(id); expected one of \(known)", at: value.offset)
        }
    }

    static func describe(_ type: ValueType) -> String {
        switch type {
        case .boolean: return "a condition"
        case .number(.none): return "a number"
        case .number(let dimension): return "a \(dimension == .bytes ? "size" : dimension == .time ? "duration" : "percentage")"
        case .text: return "text"
        case .textList: return "a list answer"
        case .list: return "a list"
        }
    }
}
