import Yams

/// The `systems` of a session file, one block mapping per system:
///
/// ```yaml
/// systems:
/// - name: Legacy WMS
///   kind: system-of-record
///   protocol: soap
///   direction: outbound
///   purpose: stock levels and pick lists
///   rateLimit: 20
///   latencyMs: 800
///   availability: 99.5
///   owns: [Stock, Warehouse]
///   plan: strangle
/// ```
///
/// Kind, protocol, direction and plan are always written; figures, purpose and `owns` only when given.
/// Files written before systems were structured answered `requirements.integrations` with a list of lines;
/// each line becomes a system (`ExternalSystem.inferred`).
extension ExternalSystem {
    /// The question these systems answer.
    public static let questionID = "requirements.integrations"
}

package struct SessionFileSystemDecoder {
    let reader: YAMLReader
    package private(set) var warnings: [SessionFileWarning] = []
    private var ownsReferences: [(system: String, target: String, node: Node)] = []

    package init(reader: YAMLReader) { self.reader = reader }

    static let keys = ["name", "kind", "protocol", "direction", "purpose", "rateLimit", "latencyMs", "availability", "owns", "plan"]

    package mutating func systems(_ node: Node) throws(LocatedError) -> [ExternalSystem] {
        var systems: [ExternalSystem] = []
        var seen: [String: Node] = [:]
        for item in try reader.sequence(node, "systems") {
            let pairs = try reader.keyed(try reader.mapping(item, "a system"), allowed: Self.keys, in: "a system")
            let nameNode = try reader.require("name", in: pairs, of: item, "a system")
            let name = try reader.name(nameNode, "the system name")
            if let first = seen[NameKey(name).raw] {
                throw reader.error("duplicate system name '\(name)': already used at line \(first.mark?.line ?? 1) (names compare ignoring case and separators)", at: nameNode)
            }
            seen[NameKey(name).raw] = nameNode
            var system = ExternalSystem(name: name)
            if let node = pairs["kind"] { system.kind = try reader.option(node, ExternalSystem.Kind.self, "system kind", of: name) }
            if let node = pairs["protocol"] { system.transport = try reader.option(node, ExternalSystem.Transport.self, "protocol", of: name) }
            if let node = pairs["direction"] { system.direction = try reader.option(node, ExternalSystem.Direction.self, "direction", of: name) }
            if let node = pairs["plan"] { system.plan = try reader.option(node, ExternalSystem.Plan.self, "plan", of: name) }
            if let node = pairs["purpose"], !reader.isNull(node) { system.purpose = try reader.string(node, "the purpose of \(name)") }
            if let node = pairs["rateLimit"], !reader.isNull(node) {
                system.rateLimit = try reader.whole(node, "rate limit of \(name) (requests per second)", in: 1...ExternalSystem.maximumRateLimit)
            }
            if let node = pairs["latencyMs"], !reader.isNull(node) {
                system.latencyMs = try reader.whole(node, "latency of \(name) (milliseconds)", in: 1...ExternalSystem.maximumLatencyMs)
            }
            if let node = pairs["availability"], !reader.isNull(node) {
                let value = try reader.number(node, "the availability of \(name)")
                guard value >= 50, value <= 100 else {
                    throw reader.error("expected the availability of \(name) as a percentage from 50 to 100, found \(reader.describe(node))", at: node)
                }
                system.availability = value
            }
            if let node = pairs["owns"], !reader.isNull(node) {
                for entity in try reader.sequence(node, "the entities \(name) owns") {
                    let target = try reader.string(entity, "an entity \(name) owns")
                    ownsReferences.append((name, target, entity))
                    system.owns.append(.named(target))
                }
            }
            systems.append(system)
        }
        return systems
    }

    /// Warns about owned entities that do not exist, and entities two systems claim.
    mutating func checkReferences(entities: [Entity]) {
        let names = Set(entities.map { NameKey($0.name) })
        var claimed: [NameKey: String] = [:]
        for reference in ownsReferences {
            let key = NameKey(reference.target)
            if !names.contains(key) {
                warnings.append(SessionFileWarning(reader.error("\(reference.system): owns unknown entity '\(reference.target)' kept as is", at: reference.node)))
            } else if let other = claimed[key], other != reference.system {
                warnings.append(SessionFileWarning(reader.error("\(reference.system): '\(reference.target)' is already owned by \(other); the first system keeps it", at: reference.node)))
            } else {
                claimed[key] = reference.system
            }
        }
    }

}

extension SessionFile {
    static func node(for system: ExternalSystem, names: ModelNames) -> Node {
        var pairs: [(Node, Node)] = [
            (scalar("name"), scalar(system.name)),
            (scalar("kind"), scalar(system.kind.rawValue)),
            (scalar("protocol"), scalar(system.transport.rawValue)),
            (scalar("direction"), scalar(system.direction.rawValue)),
        ]
        if !system.purpose.isEmpty { pairs.append((scalar("purpose"), scalar(system.purpose))) }
        if let value = system.rateLimit { pairs.append((scalar("rateLimit"), Node(String(value)))) }
        if let value = system.latencyMs { pairs.append((scalar("latencyMs"), Node(String(value)))) }
        if let value = system.availability { pairs.append((scalar("availability"), Node(format(value)))) }
        if !system.owns.isEmpty {
            pairs.append((scalar("owns"), Node(system.owns.map { scalar(names.name($0)) }, .implicit, .flow)))
        }
        pairs.append((scalar("plan"), scalar(system.plan.rawValue)))
        return Node(pairs, .implicit, .block)
    }
}
