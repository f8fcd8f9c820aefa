import TerminalUI

/// Every key the app knows, grouped as the help overlay shows them. The README's key table is checked
/// against this list by a test, so the two never disagree.
public enum KeyHelp {
    public static let sections: [HelpSection] = [
        HelpSection("Everywhere", [
            KeyHint("Tab / Shift-Tab", "next / previous pane"),
            KeyHint("] / [", "next / previous step of the method"),
            KeyHint("?  F1", "this help"),
            KeyHint("u", "undo the last change (the status line says what was undone)"),
            KeyHint("Ctrl-R", "redo what was undone"),
            KeyHint("Ctrl-S", "save now (answers also autosave within a second)"),
            KeyHint("q", "save and quit"),
            KeyHint("Ctrl-C", "save and quit, even while editing (the text typed so far is stored when valid)"),
            KeyHint("Ctrl-Z", "suspend (resume with fg)"),
            KeyHint("Ctrl-L", "repaint the screen"),
            KeyHint("v", "narrow terminals: switch between questions and design"),
            KeyHint("z", "zoom the focused pane to full screen / back"),
        ]),
        HelpSection("Method pane", [
            KeyHint("↑ ↓  j k", "choose a step"),
            KeyHint("Enter  →  l", "go to the step's questions"),
        ]),
        HelpSection("Questions pane", [
            KeyHint("↑ ↓  j k", "choose a question"),
            KeyHint("g G  Home End", "first / last question"),
            KeyHint("Enter  e", "answer or edit the question"),
            KeyHint("x  Delete", "clear the answer (asks first when it holds several values; u undoes)"),
            KeyHint("←  h", "back to the method pane"),
        ]),
        HelpSection("Editing an answer", [
            KeyHint("Enter", "store the answer and go to the next question"),
            KeyHint("Esc", "cancel: keep the previous answer"),
            KeyHint("← → Home End", "move in the text (Ctrl-A / Ctrl-E too)"),
            KeyHint("Backspace Delete", "delete a character"),
            KeyHint("Ctrl-U / Ctrl-K", "delete to the start / end of the text"),
            KeyHint("Ctrl-W", "delete the previous word"),
            KeyHint("↑ ↓  Space", "choices: move / tick an option (multi-choice)"),
        ]),
        HelpSection("Lists and entities", [
            KeyHint("typing on + add", "starts a new item with what you type (Enter on an empty item stops adding)"),
            KeyHint("a", "add an item (from any row)"),
            KeyHint("Enter  e", "edit the item; on an entity or service, open its form"),
            KeyHint("r", "rename the item in place"),
            KeyHint("paste", "one item per non-empty line, in one undoable step"),
            KeyHint("d  Delete", "remove the item (an entity with fields or relations asks first)"),
            KeyHint("y", "duplicate the item"),
            KeyHint("J / K", "move the item down / up"),
            KeyHint("u / Ctrl-R", "undo / redo"),
            KeyHint("Esc  Tab", "close the list (every change is already stored)"),
        ]),
        HelpSection("Entity and service forms", [
            KeyHint("↑ ↓  j k", "choose a row"),
            KeyHint("Enter  e", "edit the text, step the choice, flip the box, or open the field / relation / call"),
            KeyHint("← →  Space", "step a choice / flip a box"),
            KeyHint("typing on + add", "a new field (name or name: type), relation ([kind] Target) or call (Service [async])"),
            KeyHint("a", "add to the section under the cursor"),
            KeyHint("Tab", "while typing a target: complete the entity or service name"),
            KeyHint("d  Delete", "delete the field, relation or call; clear a text"),
            KeyHint("y  J / K", "duplicate / move the field, relation or call"),
            KeyHint("Esc  ←  h", "back to the previous form, or close"),
        ]),
        HelpSection("Design pane", [
            KeyHint("← →  h l", "previous / next tab"),
            KeyHint("1 … 9  0", "jump to a tab: Overview … Capacity, Findings"),
            KeyHint("↑ ↓  j k", "select the previous / next item (decision, component, endpoint, table, finding …)"),
            KeyHint("Enter", "edit what the item comes from (a table's entity, a defined service); else why"),
            KeyHint("t", "why: the rules and answers behind the selected item"),
            KeyHint("PgUp PgDn  Space", "scroll a page"),
            KeyHint("g G  Home End", "first / last item"),
        ]),
        HelpSection("Launcher", [
            KeyHint("↑ ↓  j k", "choose"),
            KeyHint("Enter", "open / start a new session / open the demo"),
            KeyHint("q  Esc", "quit"),
        ]),
    ]
}
