/// How far a text view is scrolled, in wrapped rows.
public struct TextViewState: Hashable, Sendable {
    /// The first visible wrapped row.
    public var offset: Int

    public init(offset: Int = 0) { self.offset = max(0, offset) }

    /// Scrolls by `rows` (negative is up), kept within `0...max(0, total - visibleRows)`.
    public mutating func scroll(by rows: Int, total: Int, visibleRows: Int) {
        offset = min(max(0, offset + rows), max(0, total - visibleRows))
    }

    /// Scrolls for ↑ ↓ PgUp PgDn Home End (and k/j). True if the key was used.
    public mutating func handle(_ key: Key, total: Int, visibleRows: Int) -> Bool {
        let page = max(1, visibleRows - 1)
        switch key {
        case .up, .character("k"): scroll(by: -1, total: total, visibleRows: visibleRows)
        case .down, .character("j"): scroll(by: 1, total: total, visibleRows: visibleRows)
        case .pageUp: scroll(by: -page, total: total, visibleRows: visibleRows)
        case .pageDown, .character(" "): scroll(by: page, total: total, visibleRows: visibleRows)
        case .home: offset = 0
        case .end: scroll(by: total, total: total, visibleRows: visibleRows)
        default: return false
        }
        return true
    }
}

/// Scrolling text of styled lines, word-wrapped at cell widths.
public struct TextView: Sendable {
    public var lines: [[Span]]
    public var state: TextViewState

    public init(lines: [[Span]], state: TextViewState = TextViewState()) {
        self.lines = lines
        self.state = state
    }

    /// Plain text, one line per "\n".
    public init(text: String, style: Style = .plain, state: TextViewState = TextViewState()) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span(String($0), style)] }
        self.init(lines: lines, state: state)
    }

    /// All lines wrapped to `width`.
    public func wrapped(width: Int) -> [[Span]] { lines.flatMap { WordWrap.wrap($0, width: width) } }

    /// How many rows the text takes at `width`: the limit for scrolling.
    public func wrappedLineCount(width: Int) -> Int { wrapped(width: width).count }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        let rows = wrapped(width: rect.width)
        let top = min(state.offset, max(0, rows.count - rect.height))
        for (index, row) in rows.dropFirst(top).prefix(rect.height).enumerated() {
            buffer.write(row, x: rect.x, y: rect.y + index, clip: rect)
        }
    }
}
