import ArchModel

/// The state-transition actions of an entity with a status (issue 9: a domain-shaped API). The status is an enum
/// field named `status` or `state`; its first value is the state a record is created in. Every later value a
/// client can bring about becomes an action, `POST …/{id}/cancel` for `cancelled`, and the status is read-only
/// everywhere else (create and JSON Merge Patch never write it), so no client sets an arbitrary state. States the
/// system reaches on its own (failed, expired, overdue…) get no action.
struct StatusTransitions: Hashable, Sendable {
    /// One action: the state it moves to, the verb, and the path segment.
    struct Action: Hashable, Sendable {
        /// The enum value (`checked_in`).
        let state: String
        /// `check in`: the summary's verb.
        let verb: String
        /// `check-in`: the last path segment.
        let segment: String
        /// `checkIn`: the operation id's stem.
        let operation: String
    }

    /// The field holding the status (as the model names it).
    let field: String
    /// The value a new record starts in.
    let initial: String
    let actions: [Action]

    /// States the system sets by itself: no client action brings them about.
    static let systemStates: Set = ["failed", "expired", "overdue", "pending", "processing", "error", "timed_out", "timedout",
                                    "queued", "running", "unknown", "new", "draft", "created", "initial", "requested", "open"]
    /// Verbs the -ed rules below would get wrong.
    static let verbs: [String: String] = [
        "paid": "pay", "sent": "send", "done": "complete", "active": "activate", "inactive": "deactivate",
        "closed": "close", "completed": "complete", "approved": "approve", "archived": "archive", "scheduled": "schedule",
        "released": "release", "resolved": "resolve", "received": "receive", "issued": "issue", "placed": "place",
        "reserved": "reserve", "retired": "retire", "enabled": "enable", "disabled": "disable", "invoiced": "invoice",
        "priced": "price", "captured": "capture", "settled": "settle", "declined": "decline", "voided": "void",
        "lost": "report lost", "won": "win", "visited": "visit", "edited": "edit", "submitted": "submit",
        "cancelled": "cancel", "canceled": "cancel", "refunded": "refund", "shipped": "ship", "planned": "plan",
        "withdrawn": "withdraw", "written": "write", "taken": "take", "given": "give", "hidden": "hide", "frozen": "freeze",
        "chosen": "choose", "broken": "report broken", "shown": "show", "drawn": "draw",
    ]

    /// Nil unless `entity` has a status enum with at least one state after the first that a client can reach.
    init?(entity: Entity) {
        guard let field = entity.fields.first(where: { field in
            field.type == .enumeration && field.enumValues.count >= 2 && ["status", "state"].contains(Naming.words(field.name).last ?? "")
        }) else { return nil }
        var seen: Set<String> = []
        let actions = field.enumValues.dropFirst().compactMap { state -> Action? in
            guard !Self.systemStates.contains(state.lowercased()), let verb = Self.verb(for: state) else { return nil }
            let words = verb.split(separator: " ").map(String.init)
            let segment = words.joined(separator: "-")
            guard seen.insert(segment).inserted else { return nil }  // two states, one verb (cancelled, canceled)
            return Action(state: state, verb: verb, segment: segment, operation: Naming.camelCase(words: words))
        }
        guard !actions.isEmpty else { return nil }
        self.field = field.name
        initial = field.enumValues[0]
        self.actions = actions
    }

    /// `cancelled` → `cancel`, `checked_in` → `check in`, `no_show` → `mark no show`.
    static func verb(for state: String) -> String? {
        let words = Naming.words(state)
        guard let first = words.first else { return nil }
        if words == ["in", "progress"] { return "start" }
        if let verb = verbs[first] { return ([verb] + words.dropFirst()).joined(separator: " ") }
        if let lemma = lemma(first) { return ([lemma] + words.dropFirst()).joined(separator: " ") }
        return (["mark"] + words).joined(separator: " ")
    }

    /// The verb of a past participle (`confirmed` → `confirm`, `shipped` → `ship`, `completed` → `complete`),
    /// nil when the word is not one.
    private static func lemma(_ word: String) -> String? {
        guard word.count > 4 else { return nil }
        if word.hasSuffix("ied") { return String(word.dropLast(3)) + "y" }
        guard word.hasSuffix("ed") else { return nil }
        var stem = Array(word.dropLast(2))
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if stem.count >= 2, stem[stem.count - 1] == stem[stem.count - 2], !vowels.contains(stem[stem.count - 1]),
           !["l", "s", "f", "z"].contains(stem[stem.count - 1]) {
            stem.removeLast()  // shipped → ship, planned → plan (billed stays bill)
        }
        guard let last = stem.last else { return nil }
        let previous = stem.count >= 2 ? stem[stem.count - 2] : " "
        // A silent e: resolv(e)d, plac(e)d, issu(e)d, settl(e)d, a long vowel before one consonant: clos(e)d, declin(e)d.
        let silentE = ["v", "c", "u", "z"].contains(last) || (last == "l" && ["b", "t", "p", "g", "d", "k", "c"].contains(previous))
            || (["a", "i", "o", "u"].contains(previous) && ["s", "t", "n", "r"].contains(last))
            || (previous == "e" && last == "t")
        return String(stem) + (silentE ? "e" : "")
    }
}
