import Foundation
import Yams

/// The session file: YAML with a schema version, keys in a fixed order and answers sorted by id,
/// so that a saved session reads well and diffs cleanly in git.
///
/// ```yaml
/// schemaVersion: 2
/// projectName: Northwind Shop
/// answers:
///   requirements.peak_rps: 1200
///   api.style: rest
/// entities:
/// - name: Order
///   service: Ordering
///   fields:
///   - {name: total, type: money, required: true}
///   relations:
///   - {kind: belongs-to, target: Customer}
/// services:
/// - name: Ordering
///   calls:
///   - {target: Payments, style: sync, purpose: charge the card}
/// ```
///
/// Fields, relations, calls, flow steps and endpoint overrides are one-line flow mappings (one line per item
/// diffs well) that leave out defaults: false flags, empty lists, `required: true` and `onDelete: restrict` of
/// relations, `style: sync` of flow steps.
public enum SessionFile {
    /// The session as YAML text. Strings that YAML would read as something else (`yes`, `null`, `1e3`) are quoted.
    public static func encode(_ session: Session) -> String {
        let answers = session.answers.keys.sorted().map { id in
            (scalar(id), node(for: session.answers[id]!))
        }
        let names = session.names
        let entities = session.entities.map { node(for: $0, names: names) }
        var pairs: [(Node, Node)] = [
            (scalar("schemaVersion"), Node(String(Session.currentSchemaVersion))),
            (scalar("projectName"), scalar(session.projectName)),
            (scalar("answers"), Node(answers, .implicit, answers.isEmpty ? .flow : .block)),
            (scalar("entities"), Node(entities, .implicit, entities.isEmpty ? .flow : .block)),
        ]
        if !session.services.isEmpty {
            pairs.append((scalar("services"), Node(session.services.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        if !session.systems.isEmpty {
            pairs.append((scalar("systems"), Node(session.systems.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        if !session.flows.isEmpty {
            pairs.append((scalar("flows"), Node(session.flows.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        if !session.endpointOverrides.isEmpty {
            pairs.append((scalar("endpoints"), Node(session.endpointOverrides.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        let root = Node(pairs, .implicit, .block)
        do {
            return try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
        } catch {
            // Serialising a tree of plain strings cannot fail short of memory exhaustion.
            preconditionFailure("session serialisation failed: \(error)")
        }
    }

    /// The number as the session file writes it: `25000`, `99.95`, never `25000.0`.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static func node(for value: AnswerValue) -> Node {
        switch value {
        case .text(let text), .choice(let text): return scalar(text)
        case .number(let number): return Node(format(number))
        case .choices(let items), .list(let items):
            return Node(items.map(scalar), .implicit, items.isEmpty ? .flow : .block)
        }
    }

    /// A string scalar that reads back as the same string: quoted when plain YAML would mean something else,
    /// a literal block when it spans lines.
    static func scalar(_ text: String) -> Node {
        if text.contains("\n") { return .scalar(Node.Scalar(text, Tag(.str), .literal)) }
        if YAMLReader.number(text) != nil { return .scalar(Node.Scalar(text, Tag(.str), .singleQuoted)) }
        if readsAsPlainString(text) { return .scalar(Node.Scalar(text)) } // what `represented()` gives it, without its regexes
        return .scalar(text.represented())
    }

    /// Words Yams' default resolver reads as a bool or null when plain.
    private static let plainNonStrings: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    /// Whether plain YAML reads `text` as a string, decided without the resolver's regular expressions (saving
    /// the demo copy at start-up ran them on every scalar): printable ASCII starting with a letter can only match
    /// the resolver's bool and null words (its int, float, timestamp, merge and value patterns start with a sign,
    /// digit, dot, `~`, `<` or `=`, and printable ASCII holds no line terminator for `$` to match before).
    static func readsAsPlainString(_ text: String) -> Bool {
        guard let first = text.utf8.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
              text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
        return !plainNonStrings.contains(text)
    }
}
