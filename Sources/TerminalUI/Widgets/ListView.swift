/// A scrolling list of styled rows with the selected row highlighted.
public struct ListView: Sendable {
    public var items: [[Span]]
    public var state: ListState
    /// Style laid over the selected row (reverse by default).
    public var highlight: Style
    /// Whether to show "↑"/"↓" in the last column when rows are hidden above/below.
    public var showsScrollIndicators: Bool

    public init(items: [[Span]], state: ListState = ListState(), highlight: Style = .reverse,
                showsScrollIndicators: Bool = true) {
        self.items = items
        self.state = state
        self.highlight = highlight
        self.showsScrollIndicators = showsScrollIndicators
    }

    /// A list of plain strings.
    public init(_ strings: [String], state: ListState = ListState()) {
        self.init(items: strings.map { [Span($0)] }, state: state)
    }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        let top = state.visibleOffset(count: items.count, visibleRows: rect.height)
        let overflow = showsScrollIndicators && items.count > rect.height && rect.width > 1
        let textArea = Rect(x: rect.x, y: rect.y, width: rect.width - (overflow ? 1 : 0), height: rect.height)
        for (row, index) in (top..<min(items.count, top + rect.height)).enumerated() {
            let y = rect.y + row
            buffer.write(items[index], x: rect.x, y: y, clip: textArea)
            if index == state.selected {
                buffer.restyle(Rect(x: textArea.x, y: y, width: textArea.width, height: 1)) { style in
                    style = style.adding(bold: highlight.bold, reverse: highlight.reverse,
                                         underline: highlight.underline, dim: highlight.dim)
                    if highlight.foreground != .default { style.foreground = highlight.foreground }
                    if highlight.background != .default { style.background = highlight.background }
                }
            }
        }
        guard overflow else { return }
        if top > 0 { buffer.write("↑", x: rect.maxX - 1, y: rect.y, style: .dim) }
        if top + rect.height < items.count { buffer.write("↓", x: rect.maxX - 1, y: rect.maxY - 1, style: .dim) }
    }
}
