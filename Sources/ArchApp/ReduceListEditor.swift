import ArchModel
import Foundation
import TerminalUI

extension AppState {
    /// The list editor: move over items, Enter edits or adds, `d`/Delete removes, Esc closes.
    /// Every change is stored at once, so nothing typed is lost when the editor closes.
    mutating func handleList(_ current: ListEditorState, _ key: Key, _ question: Question) {
        var list = current
        if var field = list.field {
            switch key {
            case .escape:
                list.field = nil
                list.editingIndex = nil
            case .enter:
                guard commitListItem(field.text, into: &list, question) else { return }
            default:
                _ = field.handle(key)
                list.field = field
            }
            editor = .list(list)
            return
        }
        switch key {
        case .down, .character("j"): list.cursor = min(list.items.count, list.cursor + 1)
        case .up, .character("k"): list.cursor = max(0, list.cursor - 1)
        case .home, .character("g"): list.cursor = 0
        case .end, .character("G"): list.cursor = list.items.count
        case .enter, .character("e"), .character("a"):
            let editsExisting = key != .character("a") && !list.isAddRow
            list.editingIndex = editsExisting ? list.cursor : nil
            list.field = TextFieldState(editsExisting ? list.items[list.cursor] : "")
        case .character("d"), .delete, .character("x"):
            guard !list.isAddRow else { return }
            list.items.remove(at: list.cursor)
            store(list.items, for: question, edit: .removed(list.cursor))
        case .character("K"): moveItem(in: &list, by: -1, question)
        case .character("J"): moveItem(in: &list, by: 1, question)
        case .escape, .tab:
            closeEditor()
            advanceAfterAnswer(from: question)
            return
        default: return
        }
        editor = .list(list)
    }

    /// Validates and stores one typed item; returns false (with an inline error) when refused.
    private mutating func commitListItem(_ text: String, into list: inout ListEditorState, _ question: Question) -> Bool {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            list.field = nil
            list.editingIndex = nil
            return true
        }
        let item: String
        switch AnswerParser.parseItem(text, for: question) {
        case .success(let parsed): item = parsed
        case .failure(let error):
            inlineError = error.message
            return false
        }
        let duplicate = list.items.enumerated().contains { $0.offset != list.editingIndex && $0.element.lowercased() == item.lowercased() }
        if duplicate {
            inlineError = "“\(item)” is already in the list."
            return false
        }
        if let index = list.editingIndex {
            let previous = list.items[index]
            list.items[index] = item
            list.field = nil
            list.editingIndex = nil
            store(list.items, for: question, edit: .renamed(index, from: previous))
        } else {
            list.items.append(item)
            list.cursor = list.items.count
            list.field = TextFieldState("") // keep adding: Enter on an empty field stops
            store(list.items, for: question, edit: .added)
        }
        return true
    }

    private mutating func moveItem(in list: inout ListEditorState, by offset: Int, _ question: Question) {
        let target = list.cursor + offset
        guard !list.isAddRow, list.items.indices.contains(target) else { return }
        list.items.swapAt(list.cursor, target)
        store(list.items, for: question, edit: .moved(list.cursor, to: target))
        list.cursor = target
    }

    /// Stores the list. Entities carry fields and relations, so for them the edit is applied in place
    /// instead of rebuilding the list from names.
    private mutating func store(_ items: [String], for question: Question, edit: ListEdit) {
        guard question.kind == .entities else {
            session[question.id] = items.isEmpty ? nil : .list(items)
            return
        }
        switch edit {
        case .added:
            session.entities.append(Entity(name: items[items.count - 1]))
        case .renamed(let index, let previous):
            session.entities[index].name = items[index]
            renameRelationTargets(from: previous, to: items[index])
        case .removed(let index):
            session.entities.remove(at: index)
        case .moved(let from, let to):
            session.entities.swapAt(from, to)
        }
    }

    /// Keeps relations pointing at an entity after it is renamed.
    private mutating func renameRelationTargets(from previous: String, to name: String) {
        for entity in session.entities.indices {
            for relation in session.entities[entity].relations.indices
            where session.entities[entity].relations[relation].target == previous {
                session.entities[entity].relations[relation].target = name
            }
        }
    }
}

/// One change to a list, so the entity list can be edited in place.
enum ListEdit {
    case added
    case renamed(Int, from: String)
    case removed(Int)
    case moved(Int, to: Int)
}
