import ArchModel

/// Whose records an entity's are, for owner-only authorisation.
enum OwnerScope: Hashable {
    /// The entity is the caller's own record (a customer, a user, a patient).
    case principal
    /// Its records belong to a principal it reaches through foreign keys (an order, via its customer).
    case owned(by: String)
    /// Nobody owns it (a catalogue's books): read by anyone signed in, written by admins.
    case referenceData
    /// The model has no principal entity (users live in the identity provider): the records the caller created.
    case unknownOwner
}

/// Finds each entity's owner: the principal entity reached first through its foreign keys.
struct OwnerScopes {
    /// Last words of entities that are the callers themselves.
    static let principalWords: Set = ["user", "customer", "account", "member", "patient", "rider", "driver", "person",
                                      "profile", "player", "student", "employee", "client", "subscriber", "guest"]
    /// How far up foreign keys to look: owned data sits a few links below its owner.
    static let maxDepth = 4

    private let model: SchemaModel
    private let hasPrincipal: Bool

    init(model: SchemaModel) {
        self.model = model
        hasPrincipal = model.names.entities.contains { model.names.names($0.name).map(Self.isPrincipal) ?? false }
    }

    static func isPrincipal(_ names: SchemaNames.Names) -> Bool {
        names.words.last.map(principalWords.contains) == true
    }

    func scope(of entity: String) -> OwnerScope {
        guard hasPrincipal else { return .unknownOwner }
        guard let names = model.names.names(entity) else { return .referenceData }
        if Self.isPrincipal(names) { return .principal }
        var level = [entity], seen: Set = [entity]
        for _ in 0..<Self.maxDepth {  // breadth first: the nearest owner wins, parents in column order
            var next: [String] = []
            for child in level {
                for link in model.graph.links(child: child) where seen.insert(link.parent).inserted {
                    guard let parent = model.names.names(link.parent) else { continue }
                    if Self.isPrincipal(parent) { return .owned(by: parent.display) }
                    next.append(link.parent)
                }
            }
            level = next
        }
        return .referenceData
    }
}
