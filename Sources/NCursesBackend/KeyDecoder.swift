import CNCurses
import TerminalUI

/// Turns what `wget_wch` returns into a `TerminalEvent`; pure, so it can be tested without a terminal.
public enum KeyDecoder {
    /// Decodes one code from `wget_wch`.
    ///
    /// - Parameters:
    ///   - code: the character (when `isKeyCode` is false) or the `KEY_*` code (when `wget_wch` returned
    ///     `KEY_CODE_YES`).
    ///   - isKeyCode: whether `code` is a `KEY_*` code rather than a character.
    ///   - currentSize: the terminal size, read only for `KEY_RESIZE` (ncurses has already resized).
    /// - Returns: the event, or nil for codes archtui does not use (mouse, Shift-arrows, Ctrl-\ …).
    public static func decode(code: Int32, isKeyCode: Bool, currentSize: @autoclosure () -> Size) -> TerminalEvent? {
        if isKeyCode {
            if code == KEY_RESIZE { return .resize(currentSize()) }
            return keyCode(code).map(TerminalEvent.key)
        }
        return character(code).map(TerminalEvent.key)
    }

    /// A `KEY_*` code as a key.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// A character code (raw mode: control characters arrive as themselves) as a key.
    static func character(_ code: Int32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0, 28...31, 0x80..<0xA0: return nil
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
