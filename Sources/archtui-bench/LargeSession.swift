import ArchModel
import ArchRules

/// A deterministic large session for the derivation and keystroke figures: `entityCount` entities
/// (`Entity001`…) with 6–12 typed fields each, relations to earlier entities, owned round-robin by
/// `serviceNames.count` services that call each other sync and async; answers copied from the demo.
enum LargeSession {
    static let entityCount = 400
    static let serviceNames = [
        "Identity", "Catalogue", "Ordering", "Payments", "Shipping", "Inventory",
        "Pricing", "Search", "Notifications", "Reviews", "Analytics", "Support",
    ]

    static func make(entities count: Int = entityCount) throws -> Session {
        let demo = try Demo.session()
        var random = SplitMix(seed: 0x4152_4348_5455_4921) // fixed: the same session every run
        let entities = (1...count).map { entity(number: $0, random: &random) }
        return Session(projectName: "bench-large", answers: demo.answers, entities: entities, services: services())
    }

    static func name(_ number: Int) -> String {
        let digits = String(number)
        return "Entity" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Service `i` calls `i+1` synchronously and, for every other service, `i+5` asynchronously.
    static func services() -> [Service] {
        serviceNames.indices.map { index in
            var calls = [ServiceCall(target: serviceNames[(index + 1) % serviceNames.count], style: .sync,
                                     purpose: "look up reference data")]
            if index.isMultiple(of: 2) {
                calls.append(ServiceCall(target: serviceNames[(index + 5) % serviceNames.count], style: .async,
                                         purpose: "publish domain events"))
            }
            return Service(name: serviceNames[index], responsibilities: "Owns its share of the bench entities", calls: calls)
        }
    }

    /// Field types after the `id`, cycled with an offset per entity.
    private static let types: [FieldType] = [
        .string, .email, .integer, .timestamp, .money, .text, .boolean, .decimal, .date, .enumeration, .bigint, .json, .uuid,
    ]

    private static func entity(number: Int, random: inout SplitMix) -> Entity {
        let fieldCount = 6 + random.next(below: 7) // 6…12 including the id
        var fields = [Field(name: "id", type: .uuid, required: true, unique: true)]
        for index in 1..<fieldCount {
            let type = types[(number + index) % types.count]
            let roll = random.next(below: 10)
            fields.append(Field(
                name: "\(type.rawValue)Field\(index)",
                type: type,
                required: roll < 6,
                unique: type == .email || (type == .string && roll == 0),
                pii: type == .email || (type == .string && roll < 3) || (type == .text && roll < 2),
                indexed: type == .email || type == .timestamp || roll == 9,
                enumValues: type == .enumeration ? ["draft", "active", "archived"] : []
            ))
        }
        var relations: [Relation] = []
        if number > 1 {
            var targets = Set<Int>()
            func earlier() -> Int? {
                let target = 1 + random.next(below: number - 1)
                return targets.insert(target).inserted ? target : nil
            }
            if let target = earlier() {
                relations.append(Relation(kind: .belongsTo, target: name(target), required: random.next(below: 2) == 0,
                                          onDelete: random.next(below: 2) == 0 ? .cascade : .restrict))
            }
            if random.next(below: 3) == 0, let target = earlier() {
                relations.append(Relation(kind: .hasMany, target: name(target), required: false, onDelete: .cascade))
            }
            if random.next(below: 5) == 0, let target = earlier() {
                relations.append(Relation(kind: .manyToMany, target: name(target), required: false))
            }
        }
        return Entity(name: name(number), fields: fields, relations: relations,
                      service: serviceNames[(number - 1) % serviceNames.count])
    }
}

/// SplitMix64: a tiny, fixed pseudo-random sequence (Swift's own generators are seeded per process).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
