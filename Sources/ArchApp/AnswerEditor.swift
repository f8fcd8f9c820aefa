import ArchModel
import TerminalUI

/// The editor open on the selected question; what it holds depends on the question's kind.
public enum AnswerEditor: Hashable, Sendable {
    /// Text, integer and number questions: a one-line field.
    case field(TextFieldState)
    /// Single choice: the highlighted option.
    case choice(cursor: Int)
    /// Multi-choice: the highlighted option and the values ticked so far.
    case multiChoice(cursor: Int, selected: [String])
    /// List and entity questions: the items, the highlighted row (`items.count` is the "add" row),
    /// and a field when an item is being typed (`editingIndex` nil means a new item).
    case list(ListEditorState)
}

/// State of the list editor used for list questions and the entity list.
public struct ListEditorState: Hashable, Sendable {
    public var items: [String]
    /// Highlighted row; `items.count` is the "+ add" row.
    public var cursor: Int
    public var field: TextFieldState?
    public var editingIndex: Int?
    /// `/`: only the items matching it are shown (`!` first: those not matching); nil when not filtering.
    public var filter: ListFilter?

    public init(items: [String], cursor: Int = 0, field: TextFieldState? = nil, editingIndex: Int? = nil) {
        self.items = items
        self.cursor = cursor
        self.field = field
        self.editingIndex = editingIndex
    }

    public var isAddRow: Bool { cursor == items.count }

    /// The rows shown: every item, or those the filter keeps; then the "+ add" row (`items.count`).
    public var shownRows: [Int] {
        guard let filter, !filter.field.text.isEmpty else { return Array(items.indices) + [items.count] }
        return items.indices.filter { filter.keeps(items[$0]) } + [items.count]
    }
}

/// An incremental filter of a list: every word must occur in an item (ignoring case), or, after `!`, not all.
public struct ListFilter: Hashable, Sendable {
    public var field = TextFieldState("")
    /// True while the filter is being typed; Enter keeps it and returns to the items.
    public var typing = true

    public init() {}

    public var inverted: Bool { field.text.hasPrefix("!") }

    public func keeps(_ item: String) -> Bool {
        let text = inverted ? String(field.text.dropFirst()) : field.text
        let words = text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return true }
        let matches = words.allSatisfy { item.lowercased().contains($0) }
        return inverted ? !matches : matches
    }
}

extension AnswerEditor {
    /// The editor for `question`, filled with the current answer, or the default when unanswered.
    ///
    /// A figure (answered or default) and a default text open selected: the first typed character or paste
    /// replaces them, so `80` typed over a default `100` is 80, not 10080; arrows, Home, End and Backspace
    /// keep the text and edit it. A text the user already answered opens unselected, the cursor at its end,
    /// because editing an answer usually means adding to it or fixing a word (Ctrl-U clears it).
    static func opening(_ question: Question, in session: Session) -> AnswerEditor {
        let answered = session[question.id]
        let answer = answered ?? question.defaultValue
        switch question.kind {
        case .text, .integer, .number:
            let selected = question.kind != .text || answered == nil
            return .field(TextFieldState(answer.map { displayText(of: $0) } ?? "", selected: selected))
        case .choice:
            let current = answer?.values.first
            let index = question.choices.firstIndex { $0.value == current } ?? 0
            return .choice(cursor: index)
        case .multiChoice:
            return .multiChoice(cursor: 0, selected: answer?.values ?? [])
        case .list:
            let items = answer?.values ?? []
            return .list(ListEditorState(items: items, cursor: items.count))
        case .entities:
            let items = session.entities.map(\.name)
            return .list(ListEditorState(items: items, cursor: items.count))
        case .services:
            let items = session.services.map(\.name)
            return .list(ListEditorState(items: items, cursor: items.count))
        case .systems:
            let items = session.systems.map(\.name)
            return .list(ListEditorState(items: items, cursor: items.count))
        }
    }

    /// How an answer reads when put back into a field for editing.
    static func displayText(of answer: AnswerValue) -> String {
        switch answer {
        case .text(let text), .choice(let text): return text
        case .number(let value): return NumberFormat.plain(value)
        case .choices(let values), .list(let values): return values.joined(separator: ", ")
        }
    }
}
