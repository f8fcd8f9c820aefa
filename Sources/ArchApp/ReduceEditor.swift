import ArchModel
import Foundation
import TerminalUI

extension AppState {
    /// Keys while an editor is open on the selected question.
    ///
    /// A paste (`Key.paste`) reaches the open editor as it came: a field inserts it at the cursor (line breaks
    /// become spaces), choices ignore it, and the list editor gets it in `handleList`.
    mutating func handleEditor(_ key: Key) -> [Effect] {
        guard method.editor != nil, let question = selectedQuestion else {
            method.editor = nil
            return []
        }
        if key != .enter { inlineError = nil }
        if case .field(let field)? = method.editor {
            switch Keymap.action(for: key, in: .answer) {
            case .cancel?: closeEditor()
            case .store?: commitField(field.text, for: question)
            default: editField(key) // every other key edits the text: nothing typed runs as a command
            }
            return []
        }
        guard let current = method.editor else { return [] }
        switch current {
        case .field:
            break
        case .choice(let cursor):
            handleChoice(cursor: cursor, key, question)
        case .multiChoice(let cursor, let selected):
            handleMultiChoice(cursor: cursor, selected: selected, key, question)
        case .list(let list):
            handleList(list, key, question)
        }
        return []
    }

    /// Applies an editing key to the open field in place. The field is moved out of `editor` first, so
    /// the edit changes the one copy of the text instead of copying it: a key costs the same in a long text.
    private mutating func editField(_ key: Key) {
        var taken: AnswerEditor?
        swap(&taken, &method.editor)
        guard case .field(var field)? = consume taken else { return }
        _ = field.handle(key)
        method.editor = .field(field)
    }

    /// Ctrl-C while typing: the text typed so far is stored when it is valid (and left out when not), so
    /// quitting never loses a valid answer that Enter would have stored.
    mutating func storeTypedText() {
        if let editing = form?.top.editing {
            commitFormText(editing)
            return
        }
        guard let question = selectedQuestion else { return }
        switch method.editor {
        case .field(let field)? where !field.isSelected: // a selected default or answer was not typed
            if case .success(let value) = AnswerParser.parse(field.text, for: question) {
                perform(.setAnswer(question: question.id, value), "answer “\(question.prompt)”")
            }
        case .list(let list)? where list.field != nil:
            handleList(list, .enter, question)
        default:
            break
        }
    }

    mutating func closeEditor() {
        method.editor = nil
        inlineError = nil
    }

    private mutating func commitField(_ text: String, for question: Question) {
        switch AnswerParser.parse(text, for: question) {
        case .success(let value):
            perform(.setAnswer(question: question.id, value), "answer “\(question.prompt)”")
            closeEditor()
            advanceAfterAnswer(from: question)
        case .failure(let error):
            inlineError = error.message
        }
    }

    private mutating func handleChoice(cursor: Int, _ key: Key, _ question: Question) {
        let last = question.choices.count - 1
        switch Keymap.action(for: key, in: .choices) {
        case .down?: method.editor = .choice(cursor: min(last, cursor + 1))
        case .up?: method.editor = .choice(cursor: max(0, cursor - 1))
        case .first?: method.editor = .choice(cursor: 0)
        case .last?: method.editor = .choice(cursor: last)
        case .cancel?: closeEditor()
        case .store?, .tick?:
            guard question.choices.indices.contains(cursor) else { return closeEditor() }
            perform(.setAnswer(question: question.id, .choice(question.choices[cursor].value)), "answer “\(question.prompt)”")
            closeEditor()
            advanceAfterAnswer(from: question)
        default: break
        }
    }

    private mutating func handleMultiChoice(cursor: Int, selected: [String], _ key: Key, _ question: Question) {
        let last = question.choices.count - 1
        switch Keymap.action(for: key, in: .choices) {
        case .down?: method.editor = .multiChoice(cursor: min(last, cursor + 1), selected: selected)
        case .up?: method.editor = .multiChoice(cursor: max(0, cursor - 1), selected: selected)
        case .first?: method.editor = .multiChoice(cursor: 0, selected: selected)
        case .last?: method.editor = .multiChoice(cursor: last, selected: selected)
        case .cancel?: closeEditor()
        case .tick?:
            guard question.choices.indices.contains(cursor) else { return }
            let value = question.choices[cursor].value
            var next = selected.contains(value) ? selected.filter { $0 != value } : selected + [value]
            // "None" excludes the other options, and ticking another clears it.
            if !selected.contains(value) { next = value == "none" ? ["none"] : next.filter { $0 != "none" } }
            // Keep the catalogue's order so the saved file does not depend on click order.
            next = question.choices.map(\.value).filter(next.contains)
            method.editor = .multiChoice(cursor: cursor, selected: next)
        case .store?:
            if selected.isEmpty, question.validation.required {
                inlineError = "Pick at least one (Space ticks an option)."
                return
            }
            perform(.setAnswer(question: question.id, selected.isEmpty ? nil : .choices(selected)), "answer “\(question.prompt)”")
            closeEditor()
            advanceAfterAnswer(from: question)
        default: break
        }
    }
}
