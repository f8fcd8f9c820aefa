import ArchModel
import TerminalUI

/// A destructive edit waiting for the user's yes: what it does, what goes with it, and the edit itself.
public struct Confirmation: Hashable, Sendable {
    public var title: String
    public var message: String
    public var edit: SessionEdit
    public var label: String
    public var dialog = DialogState(kind: .confirm, button: 1)

    public init(title: String, message: String, edit: SessionEdit, label: String) {
        self.title = title
        self.message = message
        self.edit = edit
        self.label = label
    }
}

extension AppState {
    /// A fresh identity for a new model element (handing one out changes no content of the session).
    mutating func newEntityID() -> EntityID { newID() }
    mutating func newFieldID() -> FieldID { newID() }
    mutating func newRelationID() -> RelationID { newID() }

    /// What deleting an entity takes with it, in words: "4 fields, 2 relations, 5 endpoints".
    func deletionImpact(ofEntity id: EntityID) -> [String] {
        guard let entity = session.entity(id) else { return [] }
        let incoming = session.entities.reduce(0) { count, other in
            count + (other.id == id ? 0 : other.relations.filter { $0.target == .id(id) }.count)
        }
        let endpoints = design.endpoints.filter { NameKey($0.resource) == NameKey(entity.name) }.count
        let overrides = session.endpointOverrides.filter { $0.entityReferences.contains(.id(id)) }.count
        return [Self.count(entity.fields.count, "field"), Self.count(entity.relations.count + incoming, "relation"),
                Self.count(endpoints, "endpoint"),
                overrides == 0 ? nil : "\(overrides) of your endpoint change\(overrides == 1 ? "" : "s") left pointing at nothing (a finding)"]
            .compactMap { $0 }
    }

    static func count(_ n: Int, _ noun: String) -> String? { n == 0 ? nil : "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Names in a sentence: "Billing, Shipping and 3 more" after six.
    static func list(_ names: [String]) -> String {
        names.prefix(6).joined(separator: ", ") + (names.count > 6 ? " and \(names.count - 6) more" : "")
    }

    /// Deletes the entity: at once when it is only a name, else after a confirmation naming what goes with it.
    mutating func requestEntityDeletion(_ id: EntityID) {
        guard let entity = session.entity(id) else { return }
        let impact = deletionImpact(ofEntity: id)
        let label = "delete entity \(entity.name)" + (impact.isEmpty ? "" : " (\(impact.joined(separator: ", ")))")
        guard !impact.isEmpty else { return perform(.removeEntity(id), label) }
        let referrers = session.entities.filter { other in other.id != id && other.relations.contains { $0.target == .id(id) } }.map(\.name)
        overlay = .confirm(Confirmation(
            title: "Delete entity \(entity.name)?",
            message: "\(entity.name): \(impact.joined(separator: ", ")) go with it"
                + (referrers.isEmpty ? "." : "; the relations of " + Self.list(referrers) + " pointing at it are removed.")
                + "\n\nu undoes it afterwards.",
            edit: .removeEntity(id), label: label))
    }

    /// Deletes the service: at once when nothing depends on it, else after a confirmation saying what changes.
    mutating func requestServiceDeletion(_ id: ServiceID) {
        guard let service = session.service(id) else { return }
        let owned = session.entities.filter { $0.service == .id(id) }.count
        let callers = session.services.reduce(0) { $0 + ($1.id == id ? 0 : $1.calls.filter { $0.target == .id(id) }.count) }
        let steps = session.flows.reduce(0) { $0 + $1.steps.filter { $0.involves(id) }.count }
        let impact = [Self.count(service.calls.count, "call"), callers == 0 ? nil : "\(callers) call\(callers == 1 ? "" : "s") to it", Self.count(steps, "flow step"),
                      owned == 0 ? nil : "\(owned) entit\(owned == 1 ? "y loses its" : "ies lose their") owner"].compactMap { $0 }
        let label = "delete service \(service.name)" + (impact.isEmpty ? "" : " (\(impact.joined(separator: ", ")))")
        guard !impact.isEmpty else { return perform(.removeService(id), label) }
        let callerNames = session.services.filter { $0.id != id && $0.calls.contains { $0.target == .id(id) } }.map(\.name)
        let ownedNames = session.entities.filter { $0.service == .id(id) }.map(\.name)
        overlay = .confirm(Confirmation(
            title: "Delete service \(service.name)?",
            message: "\(service.name): " + impact.joined(separator: ", ") + "."
                + (callerNames.isEmpty ? "" : " The calls of " + Self.list(callerNames) + " to it are removed.")
                + (ownedNames.isEmpty ? "" : " " + Self.list(ownedNames) + (ownedNames.count == 1 ? " has" : " have")
                    + " no owner then: the design places " + (ownedNames.count == 1 ? "it." : "them."))
                + "\n\nu undoes it afterwards.",
            edit: .removeService(id), label: label))
    }

    /// A copy of `entity` under a new name, with new identities for it and everything in it.
    mutating func duplicate(_ entity: Entity, named name: String) -> Entity {
        var copy = entity
        copy.id = newEntityID()
        copy.name = name
        for index in copy.fields.indices { copy.fields[index].id = newFieldID() }
        for index in copy.relations.indices { copy.relations[index].id = newRelationID() }
        return copy
    }

    /// Keys while a confirmation is shown: y / Enter on Yes performs the edit, n / Esc keeps everything.
    mutating func handleConfirmation(_ current: Confirmation, _ key: Key) {
        var confirmation = current
        var outcome: DialogOutcome?
        switch Keymap.action(for: key, in: .confirm) {
        case .yes?: outcome = .yes
        case .no?: outcome = .no
        case .otherButton?, .open?: outcome = confirmation.dialog.handle(key == .character(" ") ? .enter : key)
        default: outcome = nil
        }
        switch outcome {
        case .yes?:
            overlay = nil
            perform(confirmation.edit, confirmation.label)
            statusMessage = confirmation.label.prefix(1).uppercased() + confirmation.label.dropFirst() + " — u undoes"
            refreshOpenList()
        case .no?, .ok?, .chose?:
            overlay = nil
            statusMessage = "Nothing deleted"
        case nil:
            overlay = .confirm(confirmation)
        }
    }

    /// After an edit made outside the list editor's own keys (a confirmation), the open list shows the session.
    mutating func refreshOpenList() {
        guard case .list(var list)? = method.editor, let question = selectedQuestion else { return }
        list.items = listItems(for: question)
        list.cursor = min(list.cursor, max(0, list.items.count - 1))
        method.editor = .list(list)
    }
}
