/// A scrolling list whose items take one or more rows each (a wrapped prompt, say). The selected item is
/// highlighted whole and kept in view, with as many items above it as fit.
public struct MultiRowListView: Sendable {
    /// Each item's rows, top to bottom; an item with no rows is skipped.
    public var items: [[[Span]]]
    public var selected: Int
    /// Style laid over the selected item's rows.
    public var highlight: Style
    /// Whether to show "↑"/"↓" in the last column when rows are hidden above/below.
    public var showsScrollIndicators: Bool

    public init(items: [[[Span]]], selected: Int = 0, highlight: Style = .reverse, showsScrollIndicators: Bool = true) {
        self.items = items
        self.selected = selected
        self.highlight = highlight
        self.showsScrollIndicators = showsScrollIndicators
    }

    /// The first item shown in `height` rows: 0 unless the selected item would end below the last row,
    /// then the first one from which the selection still fits (a selection taller than the list goes on top).
    public func topItem(height: Int) -> Int {
        guard !items.isEmpty, height > 0 else { return 0 }
        let selection = min(max(0, selected), items.count - 1)
        var top = 0
        var rows = items[0...selection].reduce(0) { $0 + $1.count }
        while top < selection, rows > height {
            rows -= items[top].count
            top += 1
        }
        return top
    }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        let total = items.reduce(0) { $0 + $1.count }
        let overflow = showsScrollIndicators && total > rect.height && rect.width > 1
        let textArea = Rect(x: rect.x, y: rect.y, width: rect.width - (overflow ? 1 : 0), height: rect.height)
        let top = topItem(height: rect.height)
        var y = rect.y
        var index = top
        while index < items.count, y < rect.maxY {
            for row in items[index] where y < rect.maxY {
                buffer.write(row, x: textArea.x, y: y, clip: textArea)
                if index == selected { highlightRow(y, in: textArea, buffer: &buffer) }
                y += 1
            }
            index += 1
        }
        guard overflow else { return }
        if top > 0 { buffer.write("↑", x: rect.maxX - 1, y: rect.y, style: .dim) }
        if items[top...].reduce(0, { $0 + $1.count }) > rect.height { buffer.write("↓", x: rect.maxX - 1, y: rect.maxY - 1, style: .dim) }
    }

    private func highlightRow(_ y: Int, in area: Rect, buffer: inout ScreenBuffer) {
        buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { style in
            style = style.adding(bold: highlight.bold, reverse: highlight.reverse,
                                 underline: highlight.underline, dim: highlight.dim)
            if highlight.foreground != .default { style.foreground = highlight.foreground }
            if highlight.background != .default { style.background = highlight.background }
        }
    }
}
