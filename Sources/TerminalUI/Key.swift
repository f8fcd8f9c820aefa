/// A key press, decoded by the backend; the app never sees raw key codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter, lower-case (`ctrl("s")` is Ctrl-S). Tab, Enter and Backspace have their own cases.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Text the terminal delivered as one bracketed paste (`ESC[200~ … ESC[201~`): never a series of keys,
    /// so a pasted `q` or `d` runs no command. Line breaks are kept; a one-line field turns them into spaces.
    case paste(String)

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .paste(let text): return "Paste (\(text.count) characters)"
        }
    }
}

/// Something the terminal reports: a key, a new size, or nothing within the wait.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
}
