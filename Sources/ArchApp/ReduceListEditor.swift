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
            store(list.items, for: question)
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
            list.items[index] = item
            list.field = nil
            list.editingIndex = nil
        } else {
            list.items.append(item)
            list.cursor = list.items.count
            list.field = TextFieldState("") // keep adding: Enter on an empty field stops
        }
        store(list.items, for: question)
        return true
    }

    private mutating func moveItem(in list: inout ListEditorState, by offset: Int, _ question: Question) {
        let target = list.cursor + offset
        guard !list.isAddRow, list.items.indices.contains(target) else { return }
        list.items.swapAt(list.cursor, target)
        list.cursor = target
        store(list.items, for: question)
    }

    private mutating func store(_ items: [String], for question: Question) {
        if question.kind == .entities {
            session.entities = items.map { Entity(name: $0) }
        } else {
            session[question.id] = items.isEmpty ? nil : .list(items)
        }
    }
}
