import CNCurses
import TerminalUI

/// Turns what `wget_wch` returns into `TerminalEvent`s, one code at a time; pure, so it can be tested
/// without a terminal.
///
/// Most codes are one event each (`decode`). A bracketed paste — the terminal wraps pasted text in
/// `ESC[200~ … ESC[201~` once `ESC[?2004h` was sent — becomes one `.paste(text)`, never a series of keys.
/// ncurses knows neither marker, so each arrives as Esc followed by plain characters: after an Esc the
/// decoder holds what could be the start of a marker, and hands it back as ordinary keys when it is not.
public struct KeyDecoder: Sendable {
    /// What follows Esc to open a paste.
    static let pasteStart: [Int32] = "[200~".unicodeScalars.map { Int32($0.value) }
    /// What closes a paste, Esc included.
    static let pasteEnd: [Int32] = [27] + "[201~".unicodeScalars.map { Int32($0.value) }

    private enum Phase: Sendable {
        case idle
        /// An Esc and the first `matched` characters of `pasteStart` were read.
        case afterEscape(matched: Int)
        /// Inside a paste; the last `endMatched` codes read are the start of `pasteEnd`.
        case pasting(endMatched: Int)
    }

    private var phase = Phase.idle
    private var text = String.UnicodeScalarView()
    private var lastWasCarriageReturn = false

    public init() {}

    /// Whether codes are held: an Esc that may open a paste, or an open paste. The terminal should then
    /// read on briefly, and call `flush()` when nothing more comes.
    public var isHolding: Bool {
        if case .idle = phase { return false }
        return true
    }

    /// Whether a paste is open (its start marker read, its end not yet).
    public var isPasting: Bool {
        if case .pasting = phase { return true }
        return false
    }

    /// Decodes one code from `wget_wch`; returns the events it completes (none while a marker or paste is
    /// being read, several when held codes turn out to be keys).
    public mutating func feed(code: Int32, isKeyCode: Bool, currentSize: @autoclosure () -> Size) -> [TerminalEvent] {
        switch phase {
        case .idle:
            if !isKeyCode, code == 27 {
                phase = .afterEscape(matched: 0)
                return []
            }
            return Self.decode(code: code, isKeyCode: isKeyCode, currentSize: currentSize()).map { [$0] } ?? []
        case .afterEscape(let matched):
            if !isKeyCode, code == Self.pasteStart[matched] {
                if matched + 1 == Self.pasteStart.count {
                    startPaste()
                } else {
                    phase = .afterEscape(matched: matched + 1)
                }
                return []
            }
            // Not a paste: the Esc and what followed it are keys, and so is this code.
            let held = flush()
            return held + feed(code: code, isKeyCode: isKeyCode, currentSize: currentSize())
        case .pasting(let endMatched):
            if isKeyCode {
                // ncurses took part of the text for a key: it is not text. A resize still counts.
                return code == KEY_RESIZE ? [.resize(currentSize())] : []
            }
            if code == Self.pasteEnd[endMatched] {
                if endMatched + 1 == Self.pasteEnd.count { return [finishPaste()] }
                phase = .pasting(endMatched: endMatched + 1)
                return []
            }
            // What looked like the end marker was text after all.
            for held in Self.pasteEnd.prefix(endMatched) { append(held) }
            if code == 27 {
                phase = .pasting(endMatched: 1)
            } else {
                phase = .pasting(endMatched: 0)
                append(code)
            }
            return []
        }
    }

    /// Nothing more came within the wait: a held Esc is a key after all (with what followed it), and a
    /// paste whose end marker never came ends with the text read so far.
    public mutating func flush() -> [TerminalEvent] {
        switch phase {
        case .idle:
            return []
        case .afterEscape(let matched):
            phase = .idle
            return [.key(.escape)] + Self.pasteStart.prefix(matched).compactMap { Self.character($0).map(TerminalEvent.key) }
        case .pasting(let endMatched):
            for held in Self.pasteEnd.prefix(endMatched) { append(held) }
            return [finishPaste()]
        }
    }

    private mutating func startPaste() {
        phase = .pasting(endMatched: 0)
        text = String.UnicodeScalarView()
        lastWasCarriageReturn = false
    }

    private mutating func finishPaste() -> TerminalEvent {
        let pasted = String(text)
        phase = .idle
        text = String.UnicodeScalarView()
        return .key(.paste(pasted))
    }

    /// Adds one pasted code to the text. Terminals send line breaks as CR; CR, LF and CR LF all become "\n".
    private mutating func append(_ code: Int32) {
        defer { lastWasCarriageReturn = code == 13 }
        if code == 10, lastWasCarriageReturn { return }
        if code == 13 {
            text.append("\n")
            return
        }
        guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return }
        text.append(scalar)
    }

    /// Decodes one code from `wget_wch`, outside a paste.
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
