import ArchModel
import TerminalUI

extension AppState {
    /// Opens the form for `target` from the questions pane or the design pane.
    mutating func openForm(_ target: FormTarget, from origin: FormState.Origin) {
        form = FormState(target, origin: origin)
        if LayoutMode(size: size) == .single { narrowShowsDesign = false }
        focus = .questions
        moveFormCursor(to: 0, step: 1)
    }

    /// Whether the open form's cursor is on a "+ add" row (where printable keys type).
    var formCursorOnAddRow: Bool {
        guard let top = form?.frames.last, let rows = FormRows(session: session, design: design).rows(for: top.target),
              rows.indices.contains(top.cursor) else { return false }
        return rows[top.cursor].kind == .add
    }

    /// Keys while a form is open. While text is typed into a row, every printable key goes into the text.
    mutating func handleForm(_ key: Key) {
        // A key that edits the text being typed changes the one copy of it in place: a key costs the same
        // in a long text (no copy of the frame, the row list or the text).
        if case .paste(let text) = key, text.contains(where: \.isNewline), let editing = form?.top.editing, case .add = editing.row {
            return pasteOnAddRow(editing.row, text)
        }
        if let count = form?.frames.count, form?.frames[count - 1].editing != nil, Keymap.action(for: key, in: .answer) == nil {
            inlineError = nil
            _ = form?.frames[count - 1].editing?.field.handle(key)
            return
        }
        guard var state = form else { return }
        dropVanishedFrames(&state)
        guard !state.frames.isEmpty else { return closeForm(state) }
        form = state
        let rows = FormRows(session: session, design: design).rows(for: state.top.target) ?? []
        if let editing = state.top.editing {
            return handleFormTyping(editing, key, rows)
        }
        inlineError = nil
        let cursor = min(state.top.cursor, max(0, rows.count - 1))
        guard rows.indices.contains(cursor) else { return }
        let row = rows[cursor]
        if row.kind == .add, case .character(let character) = key, !character.isNewline {
            return startTyping(row.key, String(character), selected: false)
        }
        if row.kind == .add, case .paste(let text) = key { return pasteOnAddRow(row.key, text) }
        switch Keymap.action(for: key, in: .form) {
        case .down?: moveFormCursor(to: cursor + 1, step: 1)
        case .up?: moveFormCursor(to: cursor - 1, step: -1)
        case .first?: moveFormCursor(to: 0, step: 1)
        case .last?: moveFormCursor(to: rows.count - 1, step: -1)
        case .pageDown?: moveFormCursor(to: cursor + 10, step: 1)
        case .pageUp?: moveFormCursor(to: cursor - 10, step: -1)
        case .editItem?: activate(row, forward: true)
        case .stepChoiceBack?:
            if case .choice = row.kind { activate(row, forward: false) } else { popForm() }
        case .renameItem? where row.kind != .add:
            if case .text(let text) = row.kind { startTyping(row.key, text) } else { activate(row, forward: true) }
        case .addItem?:
            if let add = rows.firstIndex(where: { $0.kind == .add && section(of: $0.key) == section(near: cursor, rows) }) ?? rows.firstIndex(where: { $0.kind == .add }) {
                form?.top.cursor = add
                startTyping(rows[add].key, "")
            }
        case .deleteItem?: deleteRow(row)
        case .duplicateItem?: duplicateRow(row)
        case .moveItemDown?: moveItemRow(row, by: 1, rows)
        case .moveItemUp?: moveItemRow(row, by: -1, rows)
        case .undo?:
            undo()
            keepCursorOffAddRows()
        case .redo?:
            redo()
            keepCursorOffAddRows()
        case .back?: popForm()
        case .help?: overlay = .help(scroll: 0)
        case .palette?: openPalette(for: .form)
        default: break
        }
    }

    private mutating func handleFormTyping(_ editing: FormState.Editing, _ key: Key, _ rows: [FormRow]) {
        var field = editing.field
        switch Keymap.action(for: key, in: .answer) {
        case .cancel?:
            form?.top.editing = nil
            inlineError = nil
            // Stop adding: select the item just above "+ add" (the last one added), where `u` undoes.
            if case .add = editing.row, let cursor = form?.top.cursor, cursor > 0, case .item = rows[cursor - 1].kind {
                form?.top.cursor = cursor - 1
            }
        case .store?:
            commitFormText(editing)
        case .complete?:
            if let row = rows.first(where: { $0.key == editing.row }), let completed = Self.complete(field.text, from: row.completions) {
                field = TextFieldState(completed)
                field.cursor = completed.count
                form?.top.editing?.field = field
            }
        default:
            break // text keys are handled in place by `handleForm`
        }
    }

    /// A paste on "+ add": one new field, relation, call or step per non-empty line (after what was typed
    /// there), in one undoable step; or nothing, with the line and the reason, when a line is refused.
    private mutating func pasteOnAddRow(_ row: FormRow.Key, _ text: String) {
        guard case .add(let section) = row, let target = form?.top.target else { return }
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let typed = form?.top.editing?.field.text, !typed.trimmingCharacters(in: .whitespaces).isEmpty { lines.insert(typed, at: 0) }
        var scratch = session
        var edits: [SessionEdit] = []
        for (number, line) in lines.enumerated() {
            switch FormEdits(session: scratch).add(line, to: section, of: target, ids: &scratch.identities) {
            case .success(let change):
                scratch.apply(change.edit)
                edits.append(change.edit)
            case .failure(let error):
                inlineError = "Pasted line \(number + 1), “\(line)”: \(error.message); nothing was added"
                return
            }
        }
        guard !edits.isEmpty else { return }
        perform(.batch(edits), "paste \(edits.count) \(section.rawValue)")
        startTyping(row, "", selected: false)
        if let rows = FormRows(session: session, design: design).rows(for: target), let index = rows.firstIndex(where: { $0.key == row }) {
            form?.top.cursor = index
        }
        statusMessage = "Added \(edits.count) — u undoes"
    }

    /// Stores the typed text of the row; keeps the text (with the reason) when it is refused.
    @discardableResult
    mutating func commitFormText(_ editing: FormState.Editing) -> Bool {
        guard let target = form?.top.target else { return false }
        let edits = FormEdits(session: session)
        let outcome: FormEdits.Outcome
        if case .add(let section) = editing.row {
            if editing.field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                form?.top.editing = nil
                return true
            }
            outcome = withIdentities { edits.add(editing.field.text, to: section, of: target, ids: &$0) }
        } else {
            outcome = edits.text(editing.field.text, row: editing.row, of: target)
        }
        switch outcome {
        case .success(let change):
            perform(change.edit, change.label)
            inlineError = nil
            // On "+ add", keep adding: an empty Enter stops. The add row moved down by the new item: follow it.
            if case .add = editing.row {
                form?.top.editing?.field = TextFieldState("")
                if let rows = FormRows(session: session, design: design).rows(for: target), let index = rows.firstIndex(where: { $0.key == editing.row }) {
                    form?.top.cursor = index
                }
            } else {
                form?.top.editing = nil
            }
            return true
        case .failure(let error):
            inlineError = error.message
            return false
        }
    }

    /// Typing into a row: an existing text opens selected (typing replaces it, ← → Home End edit it), a typed
    /// first character on "+ add" starts the text.
    private mutating func startTyping(_ row: FormRow.Key, _ text: String, selected: Bool = true) {
        var field = TextFieldState(text, selected: selected)
        field.cursor = text.count
        form?.top.editing = FormState.Editing(row: row, field: field)
    }

    /// Enter (or Space, ←, →) on a row: edit its text, flip it, step its choice, or open the element.
    private mutating func activate(_ row: FormRow, forward: Bool) {
        guard let target = form?.top.target else { return }
        let edits = FormEdits(session: session)
        switch row.kind {
        case .text(let text): startTyping(row.key, text)
        case .toggle: apply(edits.toggle(row.key, of: target))
        case .choice(let options, let selected):
            let next = (selected + (forward ? 1 : options.count - 1)) % max(1, options.count)
            apply(edits.choose(next, options: options, row: row.key, of: target))
        case .item: if let nested = nestedTarget(row.key) { pushForm(nested) }
        case .add: startTyping(row.key, "")
        case .header: break
        }
    }

    private mutating func apply(_ outcome: FormEdits.Outcome) {
        switch outcome {
        case .success(let change): perform(change.edit, change.label)
        case .failure(let error): inlineError = error.message
        }
    }

    /// The form a nested row opens: a field or relation of the entity, a call of the service.
    private func nestedTarget(_ key: FormRow.Key) -> FormTarget? {
        guard case .item(let item) = key, let target = form?.top.target else { return nil }
        switch (item, target) {
        case (.field(let id), .entity(let entity)): return .field(entity, id)
        case (.relation(let id), .entity(let entity)): return .relation(entity, id)
        case (.call(let id), .service(let service)): return .call(service, id)
        case (.step(let id), .flow(let flow)): return .flowStep(flow, id)
        default: return nil
        }
    }

    private mutating func pushForm(_ target: FormTarget) {
        form?.frames.append(FormState.Frame(target: target))
        moveFormCursor(to: 0, step: 1)
    }

    /// One form back; the last one closes the editor.
    mutating func popForm() {
        guard var state = form else { return }
        let root = state.frames[0].target
        state.frames.removeLast()
        if state.frames.isEmpty { return closeForm(state, edited: root) }
        form = state
    }

    /// Closes the editor; back in the design pane, `edited` (the first form's element, when it still exists) is selected.
    private mutating func closeForm(_ state: FormState, edited: FormTarget? = nil) {
        form = nil
        inlineError = nil
        focus = state.origin == .design ? .design : .questions
        if state.origin == .design, LayoutMode(size: size) == .single { narrowShowsDesign = true }
        if state.origin == .design, let edited { selectEdited(edited) }
        refreshOpenList()
    }

    /// Back in the design pane, the item just edited is selected (a new custom endpoint or flow included).
    private mutating func selectEdited(_ target: FormTarget) {
        let id: DesignItemID, tab: DesignTab
        switch target {
        case .customEndpoint(let override): (id, tab) = (.endpoint(.custom(override)), .api)
        case .endpoint(let key):
            let hidden = design.hiddenEndpoints.contains { $0.id == .generated(key) }
            (id, tab) = (hidden ? .hiddenEndpoint(.generated(key)) : .endpoint(.generated(key)), .api)
        case .flow(let flow): (id, tab) = (.sequence(.flow(flow)), .sequences)
        case .entity(let entity): (id, tab) = (.table(.entity(entity)), .schema)
        default: return
        }
        guard designPane.tab == tab else { return }
        let inAPI = design.endpoints.contains { .endpoint($0.id) == id } || design.hiddenEndpoints.contains { .hiddenEndpoint($0.id) == id }
        if inAPI || tab != .api {
            let message = statusMessage
            selectDesignItem(id, in: tab)
            statusMessage = message // quiet when the item is not there (a hidden endpoint, a new one not yet derived)
        }
        // The design is derived in the background: the one that holds this edit selects the item when it comes.
        if designIsStale { awaitedSelection = AwaitedSelection(item: id, tab: tab, revision: designRevision, pane: designPane) }
    }

    /// Forms whose element an undo removed are closed.
    private func dropVanishedFrames(_ state: inout FormState) {
        let rows = FormRows(session: session, design: design)
        while let top = state.frames.last, rows.rows(for: top.target) == nil { state.frames.removeLast() }
    }

    /// After an undo the rows may have shifted under the cursor: keep it off "+ add" rows (where `u` would
    /// type) so that pressing `u` again undoes again.
    private mutating func keepCursorOffAddRows() {
        guard var state = form else { return }
        dropVanishedFrames(&state)
        guard !state.frames.isEmpty else { return closeForm(state) }
        form = state
        guard let rows = FormRows(session: session, design: design).rows(for: state.top.target) else { return }
        var cursor = min(state.top.cursor, rows.count - 1)
        while cursor > 0, rows[cursor].kind == .add || !rows[cursor].isSelectable { cursor -= 1 }
        if rows.indices.contains(cursor), rows[cursor].isSelectable, rows[cursor].kind != .add { form?.top.cursor = cursor }
    }

    /// Puts the cursor on the nearest selectable row from `index` in direction `step`.
    mutating func moveFormCursor(to index: Int, step: Int) {
        guard let target = form?.top.target, let rows = FormRows(session: session, design: design).rows(for: target), !rows.isEmpty else { return }
        var candidate = min(max(0, index), rows.count - 1)
        while rows.indices.contains(candidate), !rows[candidate].isSelectable { candidate += step }
        if !rows.indices.contains(candidate) {
            candidate = min(max(0, index), rows.count - 1)
            while rows.indices.contains(candidate), !rows[candidate].isSelectable { candidate -= step }
        }
        if rows.indices.contains(candidate) { form?.top.cursor = candidate }
    }

    private func section(of key: FormRow.Key) -> FormRow.Section? {
        switch key {
        case .add(let section): return section
        case .item(.field): return .fields
        case .item(.relation): return .relations
        case .item(.call): return .calls
        case .item(.step): return .steps
        default: return nil
        }
    }

    /// The section the cursor is in or nearest below: `a` adds there.
    private func section(near cursor: Int, _ rows: [FormRow]) -> FormRow.Section? {
        rows[cursor...].lazy.compactMap { self.section(of: $0.key) }.first
    }

    /// `d` on a row: removes a field, relation or call (undoable), or clears a text value.
    private mutating func deleteRow(_ row: FormRow) {
        guard let target = form?.top.target else { return }
        switch (row.key, target) {
        case (.item(.field(let id)), .entity(let entity)):
            let name = session.entity(entity)?.field(id)?.name ?? "field"
            perform(.removeField(id, entity: entity), "delete field \(session.entity(entity)?.name ?? "").\(name)")
        case (.item(.relation(let id)), .entity(let entity)):
            perform(.removeRelation(id, entity: entity), "delete a relation of \(session.entity(entity)?.name ?? "")")
        case (.item(.call(let id)), .service(let service)):
            perform(.removeCall(id, service: service), "delete a call of \(session.service(service)?.name ?? "")")
        case (.item(.step(let id)), .flow(let flow)):
            perform(.removeFlowStep(id, flow: flow), "delete a step of \(session.flow(flow)?.name ?? "")")
        default:
            if case .text(let text) = row.kind, !text.isEmpty, row.key != .name {
                apply(FormEdits(session: session).text("", row: row.key, of: target))
            }
            return
        }
        statusMessage = "Deleted — u undoes"
        keepCursorOffAddRows() // so `u` undoes, instead of typing on "+ add"
    }

    private mutating func duplicateRow(_ row: FormRow) {
        guard let target = form?.top.target, case .item(let item) = row.key else { return }
        switch (item, target) {
        case (.field(let id), .entity(let owner)):
            guard let entity = session.entity(owner), var copy = entity.field(id), let index = entity.fields.firstIndex(where: { $0.id == id }) else { return }
            copy.id = newID()
            copy.name = Self.unusedName(copying: copy.name, among: entity.fields.map(\.name))
            perform(.insertField(copy, entity: owner, at: index + 1), "duplicate field \(entity.name).\(copy.name)")
        case (.relation(let id), .entity(let owner)):
            guard let entity = session.entity(owner), var copy = entity.relation(id), let index = entity.relations.firstIndex(where: { $0.id == id }) else { return }
            copy.id = newID()
            perform(.insertRelation(copy, entity: owner, at: index + 1), "duplicate a relation of \(entity.name)")
        case (.call(let id), .service(let owner)):
            guard let service = session.service(owner), var copy = service.calls.first(where: { $0.id == id }),
                  let index = service.calls.firstIndex(where: { $0.id == id }) else { return }
            copy.id = newID()
            perform(.insertCall(copy, service: owner, at: index + 1), "duplicate a call of \(service.name)")
        case (.step(let id), .flow(let owner)):
            guard let flow = session.flow(owner), var copy = flow.step(id), let index = flow.steps.firstIndex(where: { $0.id == id }) else { return }
            copy.id = newID()
            perform(.insertFlowStep(copy, flow: owner, at: index + 1), "duplicate a step of \(flow.name)")
        default: return
        }
        moveFormCursor(to: (form?.top.cursor ?? 0) + 1, step: 1)
    }

    private mutating func moveItemRow(_ row: FormRow, by offset: Int, _ rows: [FormRow]) {
        guard let target = form?.top.target, case .item(let item) = row.key, let cursor = form?.top.cursor else { return }
        let neighbour = cursor + offset
        guard rows.indices.contains(neighbour), case .item = rows[neighbour].key, section(of: rows[neighbour].key) == section(of: row.key) else { return }
        switch (item, target) {
        case (.field(let id), .entity(let owner)):
            guard let index = session.entity(owner)?.fields.firstIndex(where: { $0.id == id }) else { return }
            perform(.moveField(id, entity: owner, to: index + offset), "move a field")
        case (.relation(let id), .entity(let owner)):
            guard let index = session.entity(owner)?.relations.firstIndex(where: { $0.id == id }) else { return }
            perform(.moveRelation(id, entity: owner, to: index + offset), "move a relation")
        case (.call(let id), .service(let owner)):
            guard let index = session.service(owner)?.calls.firstIndex(where: { $0.id == id }) else { return }
            perform(.moveCall(id, service: owner, to: index + offset), "move a call")
        case (.step(let id), .flow(let owner)):
            guard let index = session.flow(owner)?.steps.firstIndex(where: { $0.id == id }) else { return }
            perform(.moveFlowStep(id, flow: owner, to: index + offset), "move a step")
        default: return
        }
        form?.top.cursor = neighbour
    }

    /// The first of `options` that starts like `text` (ignoring case and separators), when `text` is not one already.
    /// The name may follow other words (`has-many Lo` completes to `has-many Loan`): the longest ending of the
    /// text after a space that starts an option is completed.
    static func complete(_ text: String, from options: [String]) -> String? {
        var starts = [text.startIndex]
        starts += text.indices.filter { text[$0] == " " }.map { text.index(after: $0) }
        for start in starts {
            let key = NameKey(String(text[start...])).raw
            guard !key.isEmpty else { continue }
            let match = options.first { NameKey($0).raw.hasPrefix(key) && NameKey($0).raw != key } ?? options.first { NameKey($0).raw.hasPrefix(key) }
            if let match { return String(text[..<start]) + match }
        }
        return nil
    }
}
