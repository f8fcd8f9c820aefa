import ArchModel

/// Evaluates a checked condition over `Facts`. Unanswered questions are null; comparisons with null are false,
/// except `!=`, which is true.
public struct ExpressionEvaluator: Sendable {
    /// A runtime value.
    enum Value: Equatable {
        case null
        case boolean(Bool)
        /// In the dimension's base unit; `scale` is the unit it was written or asked in, used to read plain numbers.
        case number(Double, Dimension, scale: Double)
        case text(String)
        case texts([String])
        case list([Value])
    }

    public let facts: Facts

    public init(facts: Facts) { self.facts = facts }

    /// True when the condition holds for the facts (a non-boolean result counts as false).
    public func holds(_ expression: Expression) -> Bool {
        value(of: expression) == .boolean(true)
    }

    func value(of expression: Expression) -> Value {
        switch expression.node {
        case .number(let value, let dimension, let scale): return .number(value, dimension, scale: scale)
        case .string(let text): return .text(text)
        case .boolean(let flag): return .boolean(flag)
        case .list(let items): return .list(items.map(value(of:)))
        case .reference(let name): return reference(name)
        case .call(let name, let arguments): return call(name, arguments)
        case .not(let inner): return .boolean(!holds(inner))
        case .and(let left, let right): return .boolean(holds(left) && holds(right))
        case .or(let left, let right): return .boolean(holds(left) || holds(right))
        case .compare(let op, let left, let right):
            return .boolean(compare(op, value(of: left), value(of: right)))
        }
    }

    private func reference(_ name: String) -> Value {
        if name.hasPrefix("capacity.") {
            let fact = String(name.dropFirst(9))
            guard let amount = facts.capacity.values[fact] else { return .null }
            return .number(amount, CapacityFacts.definitions[fact]?.dimension ?? .none, scale: 1)
        }
        guard let answer = facts.answer(name) else { return .null }
        switch answer {
        case .number(let amount):
            let unit = facts.question(name).map(QuantityUnit.of) ?? .plain
            return .number(amount * unit.factor, unit.dimension, scale: unit.factor)
        case .text(let text), .choice(let text): return .text(text)
        case .choices(let values), .list(let values): return .texts(values)
        }
    }

    private func call(_ name: String, _ arguments: [Expression]) -> Value {
        let names = arguments.map { argument -> String in
            if case .reference(let text) = argument.node { return text }
            return ""
        }
        switch (name, names.count) {
        case ("answered", 1): return .boolean(facts.answer(names[0]) != nil)
        case ("count", 1): return count(names[0], filter: nil)
        case ("count", 2): return count(names[0], filter: names[1])
        case ("any", 2):
            if case .number(let n, _, _) = count(names[0], filter: names[1]) { return .boolean(n > 0) }
            return .boolean(false)
        default: return .null
        }
    }

    private func count(_ collection: String, filter: String?) -> Value {
        let amount: Int
        switch collection {
        case "entities": amount = facts.session.entities.count
        case "services": amount = facts.session.services.count
        case "fields": // counted entity by entity: no array of every field (a large session has thousands)
            let kept: (Field) -> Bool
            switch filter {
            case "pii": kept = { $0.pii }
            case "unique": kept = { $0.unique }
            case "indexed": kept = { $0.indexed }
            case "required": kept = { $0.required }
            default: kept = { _ in true }
            }
            var counted = 0
            for entity in facts.session.entities { counted += entity.fields.reduce(0) { $0 + (kept($1) ? 1 : 0) } }
            amount = counted
        case "relations":
            var counted = 0
            for entity in facts.session.entities {
                counted += filter == nil ? entity.relations.count
                    : entity.relations.reduce(0) { $0 + ($1.kind.rawValue == filter ? 1 : 0) }
            }
            amount = counted
        case "systems":
            let kept: (ExternalSystem) -> Bool
            switch filter {
            case nil: kept = { _ in true }
            case "queued": kept = { $0.needsQueue }
            case "inbound": kept = { $0.direction.callsIn }
            case "owning": kept = { !$0.owns.isEmpty }
            case let name?: kept = { $0.kind.rawValue == name || $0.plan.rawValue == name }
            }
            amount = facts.session.systems.filter(kept).count
        default: amount = facts.answer(collection)?.values.count ?? 0
        }
        return .number(Double(amount), .none, scale: 1)
    }

    private func compare(_ op: ComparisonOperator, _ left: Value, _ right: Value) -> Bool {
        // Null is unequal to every value, so `x != "a"` holds when x is unanswered; every other comparison is false.
        if left == .null || right == .null { return op == .notEqual && left != right }
        switch op {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        case .isIn:
            switch right {
            case .list(let items): return items.contains { $0 != .null && equal(left, $0) }
            case .texts(let values): if case .text(let text) = left { return values.contains(text) }
            case .text: return equal(left, right)
            default: break
            }
            return false
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let (a, b) = numbers(left, right) else { return false }
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            default: return a >= b
            }
        }
    }

    private func equal(_ left: Value, _ right: Value) -> Bool {
        if let (a, b) = numbers(left, right) { return a == b }
        return left == right
    }

    /// Both sides in the same unit: a plain number is read in the other side's unit (`p99_latency_ms < 200`).
    private func numbers(_ left: Value, _ right: Value) -> (Double, Double)? {
        guard case .number(let a, let da, let sa) = left, case .number(let b, let db, let sb) = right else { return nil }
        if da == db { return (a, b) }
        if da == .none { return (a * sb, b) }
        if db == .none { return (a, b * sa) }
        return nil
    }
}
