import CNCurses
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drawing: `TerminalBackend` conformance.
extension NCursesTerminal {
    /// The screen size in cells (zero when not started).
    public var size: Size {
        guard isActive else { return Size(width: 0, height: 0) }
        return Size(width: Int(archtui_max_x()), height: Int(archtui_max_y()))
    }

    /// Draws the cells into ncurses' buffer; continuation cells are skipped (their wide grapheme covers them).
    public func draw(_ changes: [CellChange]) {
        guard isActive, var palette else { return }
        defer { self.palette = palette }
        let bounds = size
        for change in changes where !change.cell.isContinuation {
            guard change.x >= 0, change.y >= 0, change.x < bounds.width, change.y < bounds.height else { continue }
            let (attrs, pair) = palette.attributes(for: change.cell.style)
            put(change.cell, x: Int32(change.x), y: Int32(change.y), attrs: attrs, pair: pair)
        }
    }

    /// Erases everything; the next `flush` repaints the whole screen from scratch.
    public func clear() {
        guard isActive else { return }
        werase(archtui_stdscr())
        clearok(archtui_curscr(), true)
    }

    /// Where the cursor goes at the next `flush`; nil hides it.
    public func setCursor(_ position: (x: Int, y: Int)?) {
        cursor = position
    }

    /// Shows what was drawn, then places (or hides) the cursor.
    public func flush() {
        guard isActive else { return }
        let window = archtui_stdscr()
        let visible = cursor != nil
        if cursorVisible != visible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
        if let cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        }
        wrefresh(window)
    }

    /// Puts one grapheme: its first scalar plus the combining marks that follow it (at most CCHARW_MAX
    /// in all). Emoji sequences (ZWJ, skin tones) degrade to their first scalar: ncurses stores only
    /// combining marks with a character, and terminals disagree on how wide the sequences are.
    private func put(_ cell: Cell, x: Int32, y: Int32, attrs: attr_t, pair: Int16) {
        var text: [wchar_t] = []
        for scalar in cell.grapheme.unicodeScalars {
            let code = wchar_t(bitPattern: scalar.value)
            if text.isEmpty {
                let printable = scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value)
                text.append(printable ? code : 0x20)
            } else if scalar.value == 0x200D || archtui_wcwidth(code) != 0 || text.count == Int(archtui_ccharw_max()) {
                break
            } else {
                text.append(code)
            }
        }
        if text.isEmpty { text = [0x20] }
        text.append(0)
        if archtui_put(y, x, text, attrs, pair) == ERR && text.count > 2 {
            _ = archtui_put(y, x, [text[0], 0], attrs, pair)
        }
        // If the C library thinks a grapheme we laid out as wide is narrow, fill its second cell ourselves.
        if cell.width == 2 && archtui_wcwidth(text[0]) < 2 {
            _ = archtui_put(y, x + 1, [0x20, 0], attrs, pair)
        }
    }
}
