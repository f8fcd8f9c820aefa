import TerminalUI

/// Every key the app knows, grouped as the help overlay shows them. The README's key table is checked
/// against this list by a test, so the two never disagree.
public enum KeyHelp {
    public static var sections: [HelpSection] { Keymap.helpSections }
}
