/// Every key the app knows, grouped as the help overlay and the README show them.
/// The status bar picks its hints from here too, so the three never disagree.
public enum KeyHelp {
    /// One key (or a few equivalent keys) and what it does.
    public struct Binding: Hashable, Sendable {
        public let keys: String
        public let action: String
    }

    /// A titled group of bindings.
    public struct Section: Hashable, Sendable {
        public let title: String
        public let bindings: [Binding]
    }

    public static let sections: [Section] = [
        Section(title: "Everywhere", bindings: [
            Binding(keys: "Tab / Shift-Tab", action: "next / previous pane"),
            Binding(keys: "] / [", action: "next / previous step of the method"),
            Binding(keys: "?  F1", action: "this help"),
            Binding(keys: "Ctrl-S", action: "save now (answers also autosave within a second)"),
            Binding(keys: "q", action: "save and quit"),
            Binding(keys: "Ctrl-C", action: "save and quit, even while editing"),
            Binding(keys: "Ctrl-Z", action: "suspend (resume with fg)"),
            Binding(keys: "Ctrl-L", action: "repaint the screen"),
            Binding(keys: "v", action: "narrow terminals: switch between questions and design"),
        ]),
        Section(title: "Method pane", bindings: [
            Binding(keys: "↑ ↓  j k", action: "choose a step"),
            Binding(keys: "Enter  →  l", action: "go to the step's questions"),
        ]),
        Section(title: "Questions pane", bindings: [
            Binding(keys: "↑ ↓  j k", action: "choose a question"),
            Binding(keys: "g G  Home End", action: "first / last question"),
            Binding(keys: "Enter  e", action: "answer or edit the question"),
            Binding(keys: "x  Delete", action: "clear the answer"),
            Binding(keys: "←  h", action: "back to the method pane"),
        ]),
        Section(title: "Editing an answer", bindings: [
            Binding(keys: "Enter", action: "store the answer and go to the next question"),
            Binding(keys: "Esc", action: "cancel: keep the previous answer"),
            Binding(keys: "← → Home End", action: "move in the text (Ctrl-A / Ctrl-E too)"),
            Binding(keys: "Backspace Delete", action: "delete a character"),
            Binding(keys: "Ctrl-U / Ctrl-K", action: "delete to the start / end of the text"),
            Binding(keys: "Ctrl-W", action: "delete the previous word"),
            Binding(keys: "↑ ↓  Space", action: "choices: move / tick an option (multi-choice)"),
        ]),
        Section(title: "Lists and entities", bindings: [
            Binding(keys: "Enter  a", action: "edit the item / add an item (Enter on an empty item stops adding)"),
            Binding(keys: "d  Delete", action: "remove the item"),
            Binding(keys: "J / K", action: "move the item down / up"),
            Binding(keys: "Esc", action: "close the list (every change is already stored)"),
        ]),
        Section(title: "Design pane", bindings: [
            Binding(keys: "↑ ↓  j k", action: "scroll"),
            Binding(keys: "PgUp PgDn  Space", action: "scroll a page"),
            Binding(keys: "g G  Home End", action: "top / bottom"),
        ]),
        Section(title: "Launcher", bindings: [
            Binding(keys: "↑ ↓  j k", action: "choose"),
            Binding(keys: "Enter", action: "open / start a new session / open the demo"),
            Binding(keys: "q  Esc", action: "quit"),
        ]),
    ]
}
