import ArchModel
import Foundation
import TerminalUI

extension AppState {
    /// The list editor. On the "+ add" row every printable key starts a new item with that character, so
    /// nothing typed runs as a command; commands (`d`, `r`, `y`, `J`/`K`, `u`) act on a selected item only.
    /// Every change goes through `perform`, so it is stored at once and undoable.
    mutating func handleList(_ current: ListEditorState, _ key: Key, _ question: Question) {
        var list = current
        // A paste adds items, unless it goes into an item being edited (then it is inserted as one line).
        if case .paste(let text) = key, list.editingIndex == nil, text.contains(where: \.isNewline) || list.field == nil {
            return pasteLines(text, into: list, question)
        }
        if var filter = list.filter, filter.typing {
            switch Keymap.action(for: key, in: .answer) {
            case .cancel?: list.filter = nil
            case .store?: filter.typing = false; list.filter = filter
            default:
                _ = filter.field.handle(key)
                list.filter = filter
            }
            if !list.shownRows.contains(list.cursor) { list.cursor = list.shownRows.first ?? list.items.count }
            method.editor = .list(list)
            return
        }
        if var field = list.field {
            switch Keymap.action(for: key, in: .answer) {
            case .cancel?:
                // Stop adding: select the last item (where `u` undoes), not "+ add" (where keys type).
                if list.editingIndex == nil, !list.items.isEmpty { list.cursor = list.items.count - 1 }
                list.field = nil
                list.editingIndex = nil
            case .store?:
                guard commitListItem(field.text, into: &list, question) else { return }
            default:
                _ = field.handle(key)
                list.field = field
            }
            method.editor = .list(list)
            return
        }
        if list.isAddRow, case .character(let character) = key, !character.isNewline {
            list.editingIndex = nil
            list.field = TextFieldState(String(character))
            method.editor = .list(list)
            return
        }
        let shown = list.shownRows, position = shown.firstIndex(of: list.cursor) ?? 0
        switch Keymap.action(for: key, in: .list) {
        case .down?: list.cursor = shown[min(shown.count - 1, position + 1)]
        case .up?: list.cursor = shown[max(0, position - 1)]
        case .first?: list.cursor = shown[0]
        case .last?: list.cursor = max(0, list.items.count - 1) // the last item: on "+ add" keys would type
        case .pageDown?: list.cursor = shown[min(shown.count - 1, position + 10)]
        case .pageUp?: list.cursor = shown[max(0, position - 10)]
        case .filter?: list.filter = ListFilter()
        case .closeList? where list.filter != nil && key == .escape:
            list.filter = nil // Esc first clears the filter, then closes
        case .editItem? where question.kind.isModelList && !list.isAddRow:
            let target: FormTarget
            switch question.kind {
            case .entities: target = .entity(session.entities[list.cursor].id)
            case .systems: target = .system(session.systems[list.cursor].id)
            default: target = .service(session.services[list.cursor].id)
            }
            openForm(target, from: .questions)
        case .editItem?, .renameItem?:
            list.editingIndex = list.isAddRow ? nil : list.cursor
            list.field = TextFieldState(list.isAddRow ? "" : list.items[list.cursor])
        case .addItem?:
            list.cursor = list.items.count
            list.editingIndex = nil
            list.field = TextFieldState("")
        case .deleteItem?:
            deleteListItem(at: list.cursor, question)
            list = refreshed(list, question)
            // Stay on an item (so `u` undoes), not on "+ add", where keys type.
            if list.isAddRow, !list.items.isEmpty, overlay == nil { list.cursor = list.items.count - 1 }
        case .duplicateItem?:
            duplicateListItem(at: list.cursor, question)
            list = refreshed(list, question)
        case .moveItemUp?: moveItem(in: &list, by: -1, question)
        case .moveItemDown?: moveItem(in: &list, by: 1, question)
        case .undo?, .redo?:
            if key == .ctrl("r") { redo() } else { undo() }
            list = refreshed(list, question)
            if list.isAddRow, !list.items.isEmpty { list.cursor = list.items.count - 1 } // so `u` again undoes again
        case .palette?:
            method.editor = .list(list)
            return openPalette(for: .list)
        case .closeList?:
            closeEditor()
            advanceAfterAnswer(from: question)
            return
        default:
            if case .character = key {
                statusMessage = "To type a new item, press a (or go to “+ add”); keys here act on the selected item"
            }
            return
        }
        method.editor = .list(list)
    }

    /// A paste into a list: one item per non-empty line (the line being typed, if any, first), all in one
    /// undoable step, or none with the reason when a line is refused (the clipboard still holds them all).
    private mutating func pasteLines(_ text: String, into current: ListEditorState, _ question: Question) {
        var list = current
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let typed = list.field?.text, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.insert(typed, at: 0)
        }
        var items: [String] = []
        var taken = Set(listItems(for: question).map(NameKey.init))
        for (number, line) in lines.enumerated() {
            switch AnswerParser.parseItem(line, for: question) {
            case .success(let item):
                let name = question.kind == .systems ? ExternalSystem.inferred(from: item).name : item
                if question.kind.isModelList, let problem = Self.modelNameProblem(name, question) {
                    inlineError = "Pasted line \(number + 1): \(problem); nothing was added."
                    method.editor = .list(list)
                    return
                }
                guard taken.insert(NameKey(name)).inserted else {
                    inlineError = "Pasted line \(number + 1), “\(item)”, is already in the list; nothing was added."
                    method.editor = .list(list)
                    return
                }
                items.append(item)
            case .failure(let error):
                inlineError = "Pasted line \(number + 1): \(error.message); nothing was added."
                method.editor = .list(list)
                return
            }
        }
        guard !items.isEmpty else { return }
        let label = "paste \(items.count) item\(items.count == 1 ? "" : "s")"
        switch question.kind {
        case .entities:
            let start = session.entities.count
            var edits: [SessionEdit] = []
            for (offset, item) in items.enumerated() { edits.append(.insertEntity(Entity(id: newEntityID(), name: item), at: start + offset)) }
            perform(.batch(edits), label)
        case .services:
            let start = session.services.count
            var edits: [SessionEdit] = []
            for (offset, item) in items.enumerated() { edits.append(.insertService(Service(id: newID(), name: item), at: start + offset)) }
            perform(.batch(edits), label)
        case .systems:
            let start = session.systems.count
            var edits: [SessionEdit] = []
            for (offset, item) in items.enumerated() { edits.append(.insertSystem(newSystem(item), at: start + offset)) }
            perform(.batch(edits), label)
        default:
            perform(.setAnswer(question: question.id, .list(listItems(for: question) + items)), label)
        }
        list.field = TextFieldState("")
        list = refreshed(list, question)
        list.cursor = list.items.count
        statusMessage = "Added \(items.count) item\(items.count == 1 ? "" : "s") — u undoes"
        method.editor = .list(list)
    }

    /// The list as the session now holds it (after an edit, an undo or a redo), keeping the cursor in range.
    private func refreshed(_ list: ListEditorState, _ question: Question) -> ListEditorState {
        var copy = list
        copy.items = listItems(for: question)
        copy.cursor = min(list.cursor, copy.items.count)
        return copy
    }

    /// The items of a list question, or the entity names of the entities question.
    func listItems(for question: Question) -> [String] {
        switch question.kind {
        case .entities: return session.entities.map(\.name)
        case .services: return session.services.map(\.name)
        case .systems: return session.systems.map(\.name)
        default: return session[question.id]?.values ?? []
        }
    }

    /// Validates and stores one typed item; returns false (with an inline error) when refused.
    private mutating func commitListItem(_ text: String, into list: inout ListEditorState, _ question: Question) -> Bool {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            list.field = nil
            list.editingIndex = nil
            return true
        }
        let parsed: String
        switch AnswerParser.parseItem(text, for: question) {
        case .success(let value): parsed = value
        case .failure(let error):
            inlineError = error.message
            return false
        }
        let item = question.kind == .systems && list.editingIndex == nil ? ExternalSystem.inferred(from: parsed).name : parsed
        if question.kind.isModelList, let problem = Self.modelNameProblem(item, question) {
            inlineError = problem
            return false
        }
        let key = NameKey(item)
        let duplicate = list.items.enumerated().contains { $0.offset != list.editingIndex && NameKey($0.element) == key }
        if duplicate {
            inlineError = "“\(item)” is already in the list (names compare ignoring case and separators)."
            return false
        }
        if let index = list.editingIndex {
            renameListItem(at: index, to: item, question)
            list.field = nil
            list.editingIndex = nil
        } else {
            addListItem(question.kind == .systems ? parsed : item, question)
            list.field = TextFieldState("") // keep adding: Enter on an empty field stops
        }
        list = refreshed(list, question)
        if list.editingIndex == nil, list.field != nil { list.cursor = list.items.count }
        return true
    }

    private mutating func addListItem(_ item: String, _ question: Question) {
        if question.kind == .entities {
            let entity = Entity(id: newEntityID(), name: item)
            perform(.insertEntity(entity, at: session.entities.count), "add entity \(item)")
        } else if question.kind == .services {
            let service = Service(id: newID(), name: item)
            perform(.insertService(service, at: session.services.count), "add service \(item)")
        } else if question.kind == .systems {
            let system = newSystem(item)
            perform(.insertSystem(system, at: session.systems.count), "add system \(system.name)")
        } else {
            perform(.setAnswer(question: question.id, .list(listItems(for: question) + [item])), "add “\(item)”")
        }
    }

    private mutating func renameListItem(at index: Int, to item: String, _ question: Question) {
        if question.kind == .entities {
            var entity = session.entities[index]
            let old = entity.name
            entity.name = item
            perform(.updateEntity(entity), "rename entity \(old) to \(item)")
        } else if question.kind == .services {
            var service = session.services[index]
            let old = service.name
            service.name = item
            perform(.updateService(service), "rename service \(old) to \(item)")
        } else if question.kind == .systems {
            var system = session.systems[index]
            let old = system.name
            system.name = item
            perform(.updateSystem(system), "rename system \(old) to \(item)")
        } else {
            var items = listItems(for: question)
            let old = items[index]
            items[index] = item
            perform(.setAnswer(question: question.id, .list(items)), "change “\(old)” to “\(item)”")
        }
    }

    /// Removes the item; an entity that holds more than its name asks first, naming what goes with it.
    private mutating func deleteListItem(at index: Int, _ question: Question) {
        let items = listItems(for: question)
        guard items.indices.contains(index) else { return }
        if question.kind == .entities {
            requestEntityDeletion(session.entities[index].id)
        } else if question.kind == .services {
            requestServiceDeletion(session.services[index].id)
        } else if question.kind == .systems {
            perform(.removeSystem(session.systems[index].id), "remove system \(items[index])")
            statusMessage = "Removed system \(items[index]) — u undoes"
        } else {
            var remaining = items
            remaining.remove(at: index)
            perform(.setAnswer(question: question.id, remaining.isEmpty ? nil : .list(remaining)), "remove “\(items[index])”")
        }
    }

    private mutating func duplicateListItem(at index: Int, _ question: Question) {
        let items = listItems(for: question)
        guard items.indices.contains(index) else { return }
        let name = Self.unusedName(copying: items[index], among: items)
        if question.kind == .entities {
            let copy = duplicate(session.entities[index], named: name)
            perform(.insertEntity(copy, at: index + 1), "duplicate entity \(items[index]) as \(name)")
        } else if question.kind == .services {
            var copy = session.services[index]
            copy.id = newID()
            copy.name = name
            for call in copy.calls.indices { copy.calls[call].id = newID() }
            perform(.insertService(copy, at: index + 1), "duplicate service \(items[index]) as \(name)")
        } else if question.kind == .systems {
            var copy = session.systems[index]
            copy.id = newID()
            copy.name = name
            copy.owns = [] // an entity has one system of record
            perform(.insertSystem(copy, at: index + 1), "duplicate system \(items[index]) as \(name)")
        } else {
            var copy = items
            copy.insert(name, at: index + 1)
            perform(.setAnswer(question: question.id, .list(copy)), "duplicate “\(items[index])”")
        }
    }

    private mutating func moveItem(in list: inout ListEditorState, by offset: Int, _ question: Question) {
        let target = list.cursor + offset
        guard !list.isAddRow, list.items.indices.contains(target) else { return }
        let name = list.items[list.cursor]
        if question.kind == .entities {
            perform(.moveEntity(session.entities[list.cursor].id, to: target), "move entity \(name)")
        } else if question.kind == .services {
            perform(.moveService(session.services[list.cursor].id, to: target), "move service \(name)")
        } else if question.kind == .systems {
            perform(.moveSystem(session.systems[list.cursor].id, to: target), "move system \(name)")
        } else {
            var items = list.items
            items.swapAt(list.cursor, target)
            perform(.setAnswer(question: question.id, .list(items)), "move “\(name)”")
        }
        list.cursor = target
        list = refreshed(list, question)
    }

    /// Why an entity or service name would not make a good identifier in every export, or nil.
    static func modelNameProblem(_ name: String, _ question: Question) -> String? {
        let what = question.kind == .entities ? "An entity" : question.kind == .systems ? "A system" : "A service"
        if NameKey(name).raw.isEmpty { return "\(what) name needs a letter or digit" }
        if name.contains(":"), question.kind != .systems {
            return "\(what) name has no “:”" + (question.kind == .entities ? "; fields are added in the entity's form (Enter on it): name: type" : "")
        }
        return nil
    }

    /// A system made from a typed line (`Legacy WMS (SOAP, stock)`): kind and protocol guessed, editable in its form.
    mutating func newSystem(_ text: String) -> ExternalSystem {
        var system = ExternalSystem.inferred(from: text)
        system.id = newID()
        return system
    }

    /// `Loan copy`, `Loan copy 2`, …: the first that no item has (see `NameKey`).
    static func unusedName(copying name: String, among names: [String]) -> String {
        let taken = Set(names.map(NameKey.init))
        var candidate = name + " copy"
        var number = 2
        while taken.contains(NameKey(candidate)) {
            candidate = "\(name) copy \(number)"
            number += 1
        }
        return candidate
    }
}
