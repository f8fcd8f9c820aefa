/// What a one-line input holds: its text, cursor and horizontal scroll.
public struct TextFieldState: Hashable, Sendable {
    public var line: EditableLine
    /// First visible grapheme; kept so the cursor stays in view (see `scrollToCursor`).
    public var offset: Int = 0

    public init(_ text: String = "") { line = EditableLine(text) }

    public var text: String {
        get { line.text }
        set { line = EditableLine(newValue) }
    }

    public var cursor: Int {
        get { line.cursor }
        set { line.cursor = newValue }
    }

    /// Applies an editing key (arrows, Home/End, Backspace/Delete, Ctrl-A/E/U/W/K, typing). True if used.
    public mutating func handle(_ key: Key) -> Bool { line.handleCommon(key) }

    /// The first visible grapheme for a field `width` cells wide: `offset` moved just enough to show the cursor.
    public func visibleStart(width: Int) -> Int {
        let chars = line.characters
        var start = min(offset, line.cursor)
        // The cursor needs a cell of its own, so the text before it must fit in width - 1.
        while start < line.cursor, DisplayWidth.of(String(chars[start..<line.cursor])) > max(0, width - 1) {
            start += 1
        }
        return start
    }

    /// Stores the scroll that `visibleStart(width:)` computes, so the view does not jump back.
    public mutating func scrollToCursor(width: Int) { offset = visibleStart(width: width) }
}

/// A one-line text input; draws the visible part of the text and, when focused, places the cursor.
public struct TextField: Sendable {
    public var state: TextFieldState
    public var focused: Bool
    /// Shown dim when the text is empty.
    public var placeholder: String
    public var style: Style

    public init(state: TextFieldState, focused: Bool = false, placeholder: String = "", style: Style = .plain) {
        self.state = state
        self.focused = focused
        self.placeholder = placeholder
        self.style = style
    }

    /// Draws on the first row of `rect`; sets `buffer.cursor` when focused.
    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row, style: style)
        if state.text.isEmpty, !placeholder.isEmpty {
            buffer.write(DisplayWidth.truncate(placeholder, to: rect.width), x: rect.x, y: rect.y,
                         style: style.adding(dim: true), clip: row)
        }
        let start = state.visibleStart(width: rect.width)
        let visible = String(state.line.characters[start...])
        buffer.write(DisplayWidth.prefix(visible, fitting: rect.width), x: rect.x, y: rect.y, style: style, clip: row)
        if focused {
            let before = DisplayWidth.of(String(state.line.characters[start..<state.cursor]))
            let x = min(rect.x + before, rect.maxX - 1)
            buffer.cursor = buffer.bounds.contains(x: x, y: rect.y) ? (x, rect.y) : nil
        }
    }
}
