import TerminalUI

/// Where the keys go: each mode has one list of bindings, from which `reduce` dispatches and the `?` help,
/// the command palette and the README key table are made. A key that is not in its mode's list does nothing.
public enum KeyMode: String, Hashable, Sendable, CaseIterable {
    case global, steps, questions, answer, choices, list, form, design, designFilter, launcher, confirm, choice, saveAs, overlay, palette, export
    /// The help overlay's title for the mode's section.
    var title: String {
        switch self {
        case .global: return "Everywhere"
        case .steps: return "Method pane"
        case .questions: return "Questions pane"
        case .answer: return "Typing text (answers, items, form rows)"
        case .choices: return "Choices"
        case .list: return "Lists: entities, services, items"
        case .form: return "Entity and service forms"
        case .design: return "Design pane"
        case .designFilter: return "Typing a design filter (after /)"
        case .launcher: return "Launcher"
        case .confirm: return "Confirmations"
        case .choice: return "Choices of several buttons (recover, changed on disk…)"
        case .saveAs: return "Save as (W)"
        case .overlay: return "Help, messages and why"
        case .palette: return "Command palette"
        case .export: return "Export dialog (E)"
        }
    }
}

/// Everything a key can do. The palette offers them by `title`.
public enum Action: String, Hashable, Sendable, CaseIterable {
    // Everywhere
    case nextPane, previousPane, nextStep, previousStep, help, palette, undo, redo, save, quit, quitNow, suspend, repaint
    case switchNarrowPane, zoom, export, saveAs
    // Moving in a list of rows (steps, questions, items, form rows, design items, launcher)
    case down, up, first, last, pageDown, pageUp
    // Steps and questions
    case openStep, answer, clearAnswer, toMethodPane
    // Answer editor
    case store, cancel, tick, tickAll
    // Lists and forms
    case editItem, renameItem, addItem, deleteItem, duplicateItem, moveItemDown, moveItemUp, closeList
    case stepChoiceBack, stepChoice, back, complete
    // Design pane
    case previousTab, nextTab, tabByNumber, openSubject, why, filter, clearFilter
    // Launcher
    case open
    // Confirmations and overlays
    case yes, no, otherButton, close, force
}

/// One line of a mode's keymap: the keys, how help writes them, what they do, and the short status-line hint.
public struct Binding: Hashable, Sendable {
    public var keys: [Key]
    public var label: String
    public var action: Action
    public var help: String
    /// Shown on the status line when set ("answer", "undo").
    public var hint: String?

    init(_ keys: [Key], _ label: String, _ action: Action, _ help: String, hint: String? = nil) {
        self.keys = keys
        self.label = label
        self.action = action
        self.help = help
        self.hint = hint
    }
}

/// The keymaps of every mode.
public enum Keymap {
    static let moves: [Binding] = [
        Binding([.down, .character("j")], "↓ ↑  j k", .down, "next / previous row", hint: "row"),
        Binding([.up, .character("k")], "", .up, ""),
        Binding([.home, .character("g")], "g G  Home End", .first, "first / last row"),
        Binding([.end, .character("G")], "", .last, ""),
        Binding([.pageDown], "PgDn PgUp", .pageDown, "a page down / up"),
        Binding([.pageUp], "", .pageUp, ""),
    ]

    public static func bindings(_ mode: KeyMode) -> [Binding] {
        switch mode {
        case .global: return [
            Binding([.tab], "Tab / Shift-Tab", .nextPane, "next / previous pane", hint: "pane"),
            Binding([.backTab], "", .previousPane, ""),
            Binding([.character("]")], "] / [", .nextStep, "next / previous step of the method"),
            Binding([.character("[")], "", .previousStep, ""),
            Binding([.character("?"), .function(1)], "?  F1", .help, "this help", hint: "help"),
            Binding([.character(":"), .ctrl("p")], ":  Ctrl-P", .palette, "command palette: every action by name", hint: "commands"),
            Binding([.character("u")], "u", .undo, "undo the last change (the status line says what)", hint: "undo"),
            Binding([.ctrl("r")], "Ctrl-R", .redo, "redo what was undone"),
            Binding([.ctrl("s")], "Ctrl-S", .save, "save now (answers also autosave within a second)", hint: "save"),
            Binding([.character("q")], "q", .quit, "save and quit", hint: "quit"),
            Binding([.ctrl("c")], "Ctrl-C", .quitNow, "save and quit, even while typing (valid text typed is kept)"),
            Binding([.ctrl("z")], "Ctrl-Z", .suspend, "suspend (resume with fg)"),
            Binding([.ctrl("l")], "Ctrl-L", .repaint, "repaint the screen"),
            Binding([.character("v")], "v", .switchNarrowPane, "narrow terminals: switch between questions and design"),
            Binding([.character("z")], "z", .zoom, "zoom the focused pane to full screen / back", hint: "zoom"),
            Binding([.character("E")], "E", .export, "export the design as files: Markdown, OpenAPI, SQL… (a dialog)", hint: "export"),
            Binding([.character("W")], "W", .saveAs, "save as: write the session to another file and go on in it"),
        ]
        case .steps: return [
            Binding([.down, .character("j")], "↑ ↓  j k", .down, "choose a step", hint: "step"),
            Binding([.up, .character("k")], "", .up, ""),
            Binding([.home, .character("g")], "g G  Home End", .first, "first / last step"),
            Binding([.end, .character("G")], "", .last, ""),
            Binding([.enter, .right, .character("l")], "Enter  →  l", .openStep, "go to the step's questions", hint: "questions"),
        ]
        case .questions: return [
            Binding([.down, .character("j")], "↑ ↓  j k", .down, "choose a question", hint: "question"),
            Binding([.up, .character("k")], "", .up, ""),
            Binding([.home, .character("g")], "g G  Home End", .first, "first / last question"),
            Binding([.end, .character("G")], "", .last, ""),
            Binding([.pageDown], "PgDn PgUp", .pageDown, "ten questions down / up"),
            Binding([.pageUp], "", .pageUp, ""),
            Binding([.enter, .character("e")], "Enter  e", .answer, "answer or edit the question", hint: "answer"),
            Binding([.character("x"), .delete], "x  Delete", .clearAnswer, "clear the answer (asks first when it holds several values; u undoes)", hint: "clear"),
            Binding([.left, .character("h")], "←  h", .toMethodPane, "back to the method pane"),
        ]
        case .answer: return [
            Binding([.enter], "Enter", .store, "store the text (an answer goes on to the next question)", hint: "store"),
            Binding([.escape], "Esc", .cancel, "cancel: keep what was stored before", hint: "cancel"),
            Binding([.tab], "Tab", .complete, "in a form, typing a target: complete the entity or service name"),
        ]
        case .choices: return [
            Binding([.down, .character("j")], "↑ ↓  j k", .down, "move between the options", hint: "choose"),
            Binding([.up, .character("k")], "", .up, ""),
            Binding([.home], "Home End", .first, "first / last option"),
            Binding([.end], "", .last, ""),
            Binding([.character(" "), .character("x")], "Space  x", .tick, "multi-choice: tick / untick the option (single choice: choose it)", hint: "tick"),
            Binding([.enter], "Enter", .store, "store the choice and go to the next question", hint: "store"),
            Binding([.escape], "Esc", .cancel, "cancel: keep the previous answer", hint: "cancel"),
        ]
        case .list: return moves + [
            Binding([.enter, .character("e")], "Enter  e", .editItem, "edit the item; on an entity or service, open its form", hint: "edit"),
            Binding([.character("r")], "r", .renameItem, "rename the item in place"),
            Binding([.character("a")], "a", .addItem, "add an item (from any row)", hint: "add"),
            Binding([.character("d"), .delete], "d  Delete", .deleteItem, "remove the item (an entity with fields or relations, a service others use, asks first)", hint: "remove"),
            Binding([.character("y")], "y", .duplicateItem, "duplicate the item", hint: "copy"),
            Binding([.character("J")], "J / K", .moveItemDown, "move the item down / up", hint: "move"),
            Binding([.character("K")], "", .moveItemUp, ""),
            Binding([.character("u")], "u / Ctrl-R", .undo, "undo / redo", hint: "undo"),
            Binding([.ctrl("r")], "", .redo, ""),
            Binding([.escape, .tab], "Esc  Tab", .closeList, "close the list (every change is already stored)", hint: "done"),
            Binding([.ctrl("p")], "Ctrl-P", .palette, "command palette (`:` types here)"),
            Binding([.character("/")], "/", .filter, "filter the items as you type (! first: those not matching); Esc clears", hint: "filter"),
        ]
        case .form: return moves + [
            Binding([.enter, .character("e"), .character(" "), .right, .character("l")], "Enter  e  Space  →", .editItem,
                    "edit the text, step the choice, flip the box, or open the field / relation / call", hint: "edit/open"),
            Binding([.left], "←", .stepChoiceBack, "step a choice back (elsewhere: back to the previous form)"),
            Binding([.character("r")], "r", .renameItem, "edit the text of the row"),
            Binding([.character("a")], "a", .addItem, "add to the section under the cursor", hint: "add"),
            Binding([.character("d"), .delete], "d  Delete", .deleteItem, "delete the field, relation or call; clear a text", hint: "delete"),
            Binding([.character("y")], "y", .duplicateItem, "duplicate the field, relation or call"),
            Binding([.character("J")], "J / K", .moveItemDown, "move the field, relation or call down / up"),
            Binding([.character("K")], "", .moveItemUp, ""),
            Binding([.character("u")], "u / Ctrl-R", .undo, "undo / redo", hint: "undo"),
            Binding([.ctrl("r")], "", .redo, ""),
            Binding([.escape, .backspace, .character("h")], "Esc  h", .back, "back to the previous form, or close", hint: "back"),
            Binding([.ctrl("s")], "Ctrl-S", .save, "save now"),
            Binding([.character("q")], "q", .quit, "save and quit (on + add it is typed)"),
            Binding([.character("?")], "?", .help, "this help"),
            Binding([.ctrl("p")], "Ctrl-P", .palette, "command palette (`:` types on + add)"),
        ]
        case .design: return [
            Binding([.left, .character("h")], "← →  h l", .previousTab, "previous / next tab", hint: "tab"),
            Binding([.right, .character("l")], "", .nextTab, ""),
            Binding((1...9).map { .character(Character(String($0))) } + [.character("0")], "1 … 9  0", .tabByNumber,
                    "jump to a tab: Overview … Capacity, Findings"),
            Binding([.down, .character("j")], "↑ ↓  j k", .down, "select the previous / next item (decision, component, endpoint, table, finding …)", hint: "item"),
            Binding([.up, .character("k")], "", .up, ""),
            Binding([.enter], "Enter", .openSubject,
                    "edit what the item comes from (a table's entity, a defined service); on a finding, go to what it is about; else why",
                    hint: "edit"),
            Binding([.character("t")], "t", .why, "why: the rules and answers behind the selected item", hint: "why"),
            Binding([.character("a")], "a", .addItem, "API tab: add a custom endpoint · Sequences tab: add a flow"),
            Binding([.character("d"), .delete], "d  Delete", .deleteItem, "API tab: hide a generated endpoint, delete a custom one · Sequences: delete your flow"),
            Binding([.character("/")], "/", .filter, "filter the items: keep those that contain every word typed (in every tab)", hint: "filter"),
            Binding([.escape], "Esc", .clearFilter, "clear the filter: every item again"),
            Binding([.pageDown, .character(" ")], "PgUp PgDn  Space", .pageDown, "scroll a page", hint: "page"),
            Binding([.pageUp], "", .pageUp, ""),
            Binding([.home, .character("g")], "g G  Home End", .first, "first / last item"),
            Binding([.end, .character("G")], "", .last, ""),
        ]
        case .designFilter: return [
            Binding([.enter], "Enter", .store, "keep the filter and go back to moving between the items", hint: "keep"),
            Binding([.escape], "Esc", .cancel, "clear the filter", hint: "clear"),
            Binding([.down], "↓ ↑", .down, "select the next / previous item that is kept", hint: "item"),
            Binding([.up], "", .up, ""),
        ]
        case .launcher: return [
            Binding([.down, .character("j")], "↑ ↓  j k", .down, "choose"),
            Binding([.up, .character("k")], "", .up, ""),
            Binding([.home, .character("g")], "g G  Home End", .first, "first / last"),
            Binding([.end, .character("G")], "", .last, ""),
            Binding([.enter], "Enter", .open, "open / start a new session / open the demo"),
            Binding([.character("q"), .escape], "q  Esc", .quit, "quit"),
            Binding([.character("?")], "?", .help, "this help"),
        ]
        case .confirm: return [
            Binding([.character("y"), .character("Y")], "y", .yes, "yes: do it (u undoes it afterwards)", hint: "yes"),
            Binding([.character("n"), .character("N"), .escape], "n  Esc", .no, "no: change nothing", hint: "no"),
            Binding([.left, .right, .tab, .backTab], "← →  Tab", .otherButton, "the other button (Enter presses the one shown; No at first)"),
            Binding([.enter, .character(" ")], "Enter", .open, "press the highlighted button"),
        ]
        case .choice: return [
            Binding([.left, .right, .tab, .backTab], "← →  Tab", .otherButton, "another button", hint: "button"),
            Binding([.enter, .character(" ")], "Enter", .open, "press the highlighted button", hint: "press"),
            Binding([.escape], "Esc", .no, "the last option (it changes nothing)", hint: "cancel"),
        ]
        case .saveAs: return [
            Binding([.enter], "Enter", .store, "save to the file typed (a new file; an existing one is never written over)", hint: "save"),
            Binding([.escape], "Esc", .cancel, "cancel: back to the question it came from, else stay in the file as it is", hint: "cancel"),
        ]
        case .overlay: return [
            Binding([.down, .character("j")], "↓ ↑  j k  PgDn PgUp", .down, "scroll", hint: "scroll"),
            Binding([.up, .character("k")], "", .up, ""),
            Binding([.pageDown, .character(" ")], "", .pageDown, ""),
            Binding([.pageUp], "", .pageUp, ""),
            Binding([.home, .character("g")], "g G  Home End", .first, "top / bottom"),
            Binding([.end, .character("G")], "", .last, ""),
            Binding([.escape, .enter, .character("q"), .character("?"), .character("t"), .function(1)], "Esc  Enter  q", .close, "close", hint: "close"),
        ]
        case .export: return [
            Binding([.enter], "Enter", .open, "export (afterwards: close)", hint: "export"),
            Binding([.escape], "Esc", .close, "close (after a failure: back to the choices)", hint: "close"),
            Binding([.down, .tab], "↓ ↑  Tab", .down, "the folder, then each format", hint: "move"),
            Binding([.up, .backTab], "", .up, ""),
            Binding([.character(" ")], "Space", .tick, "on a format: tick / untick it", hint: "tick"),
            Binding([.character("a")], "a", .tickAll, "on a format: tick all / none"),
            Binding([.character("f")], "f", .force, "after “holds files archtui did not write”: overwrite them, like --force"),
        ]
        case .palette: return [
            Binding([.down], "↓ ↑", .down, "choose a command", hint: "choose"),
            Binding([.up], "", .up, ""),
            Binding([.enter], "Enter", .open, "run it, exactly as its key would", hint: "run"),
            Binding([.escape], "Esc", .close, "close", hint: "close"),
        ]
        }
    }

    /// What `key` does in `mode`, if anything.
    public static func action(for key: Key, in mode: KeyMode) -> Action? {
        table[mode]?[key]
    }

    private static let table: [KeyMode: [Key: Action]] = {
        var table: [KeyMode: [Key: Action]] = [:]
        for mode in KeyMode.allCases {
            var keys: [Key: Action] = [:]
            for binding in bindings(mode) {
                for key in binding.keys where keys[key] == nil { keys[key] = binding.action }
            }
            table[mode] = keys
        }
        return table
    }()

    /// Rows of help that are not single keys: typing, pasting and the text editing keys.
    static let behaviour: [KeyMode: [KeyHint]] = [
        .answer: [
            KeyHint("← → Home End", "move in the text (Ctrl-A / Ctrl-E too)"),
            KeyHint("Backspace Delete", "delete a character"),
            KeyHint("Ctrl-U / Ctrl-K", "delete to the start / end of the text"),
            KeyHint("Ctrl-W", "delete the previous word"),
            KeyHint("typing over a value", "replaces it when selected (numbers open with the figure selected)"),
        ],
        .list: [
            KeyHint("typing on + add", "starts a new item with what you type (Enter on an empty item stops adding)"),
            KeyHint("paste", "one item per non-empty line, in one undoable step"),
        ],
        .palette: [KeyHint("typing", "filters the commands by name, key or words of their help")],
        .choice: [KeyHint("a button's letter", "that option at once (R recover, K keep mine…)")],
        .saveAs: [KeyHint("typing", "edits the file name (relative to the folder archtui was started in)")],
        .export: [KeyHint("typing on Folder", "edits the folder (it is made when missing; files archtui did not write there are kept)")],
        .designFilter: [
            KeyHint("typing", "words an item must all contain, any case; the tab shows n of m items as you type"),
            KeyHint("! first", "inverts: keep the items that do not contain them all"),
        ],
        .form: [
            KeyHint("typing on + add", "a new field (name or name: type), relation ([kind] Target) or call (Service [async])"),
        ],
    ]

    /// The help overlay's sections: every mode's bindings, then what typing does there.
    static var helpSections: [HelpSection] {
        KeyMode.allCases.map { mode in
            let rows = bindings(mode).filter { !$0.label.isEmpty }.map { KeyHint($0.label, $0.help) }
            return HelpSection(mode.title, rows + (behaviour[mode] ?? []))
        }
    }

    /// The status-line hints of a mode: the bindings that have one, in order.
    static func hints(_ mode: KeyMode) -> [(key: String, action: String)] {
        bindings(mode).compactMap { binding in
            binding.hint.map { (Self.shortLabel(binding), $0) }
        }
    }

    /// The first key of a binding as the status line writes it.
    static func shortLabel(_ binding: Binding) -> String {
        switch binding.action {
        case .down, .up: return "↑↓"
        case .previousTab, .nextTab: return "←→"
        default: return binding.keys.first.map { $0 == .character(" ") ? "Space" : $0.description } ?? ""
        }
    }
}

extension Action {
    /// The action in words, for the palette: `moveItemUp` → "move item up".
    public var title: String {
        var words: [String] = []
        var word = ""
        for character in rawValue {
            if character.isUppercase, !word.isEmpty {
                words.append(word)
                word = ""
            }
            word.append(character.lowercased())
        }
        words.append(word)
        return words.joined(separator: " ")
    }
}
