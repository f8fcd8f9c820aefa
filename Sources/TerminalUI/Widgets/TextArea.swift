/// What a multi-line input holds: its lines, the cursor line and the scroll position.
public struct TextAreaState: Hashable, Sendable {
    /// Never empty; the cursor column lives in `lines[row].cursor`.
    public private(set) var lines: [EditableLine]
    public private(set) var row: Int = 0
    /// First visible line and first visible cell column; adjusted by `scrollToCursor`.
    public var offset: (row: Int, column: Int) {
        get { (offsetRow, offsetColumn) }
        set { offsetRow = max(0, newValue.row); offsetColumn = max(0, newValue.column) }
    }
    private var offsetRow = 0
    private var offsetColumn = 0
    /// The cell column Up/Down aim for, remembered across short lines.
    private var goalCell: Int?

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { EditableLine(String($0), cursor: 0) }
        if lines.isEmpty { lines = [EditableLine()] }
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }
    /// The cursor as (line, grapheme index in that line).
    public var cursor: (row: Int, column: Int) { (row, lines[row].cursor) }

    /// Puts the cursor on `row` at grapheme `column` (both clamped).
    public mutating func moveCursor(row newRow: Int, column: Int) {
        row = min(max(0, newRow), lines.count - 1)
        lines[row].cursor = column
        goalCell = nil
    }

    /// Applies an editing key: the one-line keys plus Enter (new line) and Up/Down. True if used.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .down:
            let target = row + (key == .up ? -1 : 1)
            guard target >= 0, target < lines.count else { return false }
            let goal = goalCell ?? lines[row].cursorCell
            row = target
            lines[row].moveCursor(toCell: goal)
            goalCell = goal
            return true
        case .enter:
            let tail = lines[row].split()
            lines.insert(tail, at: row + 1)
            row += 1
        case .paste(let text):
            paste(text)
        case .backspace where lines[row].cursor == 0:
            guard row > 0 else { return true }
            joinWithNext(row - 1)
        case .delete where lines[row].cursor == lines[row].characters.count,
             .ctrl("k") where lines[row].cursor == lines[row].characters.count:
            if row + 1 < lines.count { joinWithNext(row) }
        case .left where lines[row].cursor == 0:
            guard row > 0 else { return true }
            row -= 1
            lines[row].moveEnd()
        case .right where lines[row].cursor == lines[row].characters.count:
            guard row + 1 < lines.count else { return true }
            row += 1
            lines[row].moveHome()
        default:
            guard lines[row].handleCommon(key) else { return false }
        }
        goalCell = nil
        return true
    }

    /// Scroll position that shows the cursor in a `width`×`height` area, starting from `offset`.
    public func visibleOffset(width: Int, height: Int) -> (row: Int, column: Int) {
        var top = min(offsetRow, row)
        if height > 0, row >= top + height { top = row - height + 1 }
        let cell = lines[row].cursorCell
        var left = min(offsetColumn, cell)
        if width > 0, cell >= left + width { left = cell - width + 1 }
        return (top, left)
    }

    /// Stores the scroll that `visibleOffset` computes, so the view does not jump back.
    public mutating func scrollToCursor(width: Int, height: Int) {
        offset = visibleOffset(width: width, height: height)
    }

    /// Inserts pasted text at the cursor, keeping its lines (CR, LF and CRLF all break a line); the cursor
    /// ends after the pasted text. The lines after the cursor move once, not once per pasted line.
    private mutating func paste(_ text: String) {
        let pieces = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard pieces.count > 1 else {
            lines[row].paste(text)
            return
        }
        let tail = lines[row].split()
        lines[row].paste(String(pieces[0]))
        var added: [EditableLine] = []
        added.reserveCapacity(pieces.count - 1)
        for piece in pieces.dropFirst() {
            var line = EditableLine()
            line.paste(String(piece))
            added.append(line)
        }
        added[added.count - 1].append(tail)
        lines.insert(contentsOf: added, at: row + 1)
        row += added.count
    }

    private mutating func joinWithNext(_ index: Int) {
        let next = lines.remove(at: index + 1)
        lines[index].moveEnd()
        lines[index].append(next)
        row = index
    }
}

extension TextAreaState {
    public static func == (lhs: TextAreaState, rhs: TextAreaState) -> Bool {
        lhs.lines == rhs.lines && lhs.row == rhs.row && lhs.offsetRow == rhs.offsetRow
            && lhs.offsetColumn == rhs.offsetColumn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(row)
    }
}

/// A multi-line text input without wrapping; scrolls both ways to keep the cursor in view.
public struct TextArea: Sendable {
    public var state: TextAreaState
    public var focused: Bool
    public var style: Style

    public init(state: TextAreaState, focused: Bool = false, style: Style = .plain) {
        self.state = state
        self.focused = focused
        self.style = style
    }

    /// Draws the visible lines; sets `buffer.cursor` when focused.
    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: style)
        let origin = state.visibleOffset(width: rect.width, height: rect.height)
        for (index, line) in state.lines.dropFirst(origin.row).prefix(rect.height).enumerated() {
            // Draw from the line's start, shifted left, and let the clip cut it; a wide grapheme cut by
            // the left edge is skipped whole by `write`.
            buffer.write(line.text, x: rect.x - origin.column, y: rect.y + index, style: style, clip: rect)
        }
        if focused {
            let cell = state.lines[state.cursor.row].cursorCell - origin.column
            let x = rect.x + min(cell, rect.width - 1), y = rect.y + state.cursor.row - origin.row
            buffer.cursor = buffer.bounds.contains(x: x, y: y) ? (x, y) : nil
        }
    }
}
