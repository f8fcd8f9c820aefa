/// What a one-line input holds: its text, cursor and horizontal scroll.
public struct TextFieldState: Hashable, Sendable {
    public var line: EditableLine
    /// First visible grapheme; kept so the cursor stays in view (see `scrollToCursor`).
    public var offset: Int = 0
    /// The whole text is selected (a default or a figure offered for replacing): the first typed
    /// character or paste replaces it; any other editing key just drops the selection and acts as usual.
    public var isSelected: Bool

    public init(_ text: String = "", selected: Bool = false) {
        line = EditableLine(text)
        isSelected = selected && !text.isEmpty
    }

    public var text: String {
        get { line.text }
        set {
            line = EditableLine(newValue)
            isSelected = false
        }
    }

    public var cursor: Int {
        get { line.cursor }
        set { line.cursor = newValue }
    }

    /// Applies an editing key (arrows, Home/End, Backspace/Delete, Ctrl-A/E/U/W/K, typing, a paste). True if used.
    public mutating func handle(_ key: Key) -> Bool {
        if isSelected {
            switch key {
            case .character(let c) where EditableLine.isTypable(c):
                line = EditableLine()
                offset = 0
            case .paste:
                line = EditableLine()
                offset = 0
            default: break
            }
        }
        let used = line.handleCommon(key)
        if used { isSelected = false }
        return used
    }

    /// The first visible grapheme for a field `width` cells wide: `offset` moved just enough to show the cursor.
    ///
    /// Walks back from the cursor over at most a field's width of graphemes, so its cost does not grow
    /// with the text.
    public func visibleStart(width: Int) -> Int {
        let chars = line.characters
        let floor = min(offset, line.cursor)
        // The cursor needs a cell of its own, so the text before it must fit in width - 1.
        let room = max(0, width - 1)
        var start = line.cursor
        var used = 0
        while start > floor {
            let w = DisplayWidth.of(chars[start - 1])
            if used + w > room { break }
            used += w
            start -= 1
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

    /// Draws on the first row of `rect`; sets `buffer.cursor` when focused. A selected text is drawn reversed.
    /// Only the graphemes in view are measured and copied, however long the text.
    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row, style: style)
        let chars = state.line.characters
        if chars.isEmpty, !placeholder.isEmpty {
            buffer.write(DisplayWidth.truncate(placeholder, to: rect.width), x: rect.x, y: rect.y,
                         style: style.adding(dim: true), clip: row)
        }
        let start = state.visibleStart(width: rect.width)
        var visible = ""
        var used = 0
        var index = start
        while index < chars.count {
            let w = DisplayWidth.of(chars[index])
            if used + w > rect.width { break }
            used += w
            visible.append(chars[index])
            index += 1
        }
        let textStyle = state.isSelected ? style.adding(reverse: true) : style
        buffer.write(visible, x: rect.x, y: rect.y, style: textStyle, clip: row)
        if focused {
            let before = state.line.cells(in: start..<state.cursor)
            let x = min(rect.x + before, rect.maxX - 1)
            buffer.cursor = buffer.bounds.contains(x: x, y: rect.y) ? (x, rect.y) : nil
        }
    }
}
