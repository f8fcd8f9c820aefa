/// A titled group of key hints in the help overlay.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var rows: [KeyHint]

    public init(_ title: String, _ rows: [KeyHint]) {
        self.title = title
        self.rows = rows
    }
}

/// A centred, scrollable box listing key bindings by section; clears what lies under it.
public struct HelpOverlay: Sendable {
    public var title: String
    public var sections: [HelpSection]
    public var state: TextViewState
    public var maxWidth: Int
    public var maxHeight: Int

    public init(title: String = "Help", sections: [HelpSection], state: TextViewState = TextViewState(),
                maxWidth: Int = 60, maxHeight: Int = 30) {
        self.title = title
        self.sections = sections
        self.state = state
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
    }

    /// The content as styled lines: section titles bold, keys padded to one column.
    public var lines: [[Span]] {
        let keyWidth = sections.flatMap(\.rows).map { DisplayWidth.of($0.key) }.max() ?? 0
        var result: [[Span]] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { result.append([]) }
            result.append([Span(section.title, .bold)])
            for row in section.rows {
                result.append([Span("  " + DisplayWidth.pad(row.key, to: keyWidth), .bold), Span("  " + row.description)])
            }
        }
        return result
    }

    /// The box the overlay occupies when centred in `rect`.
    public func frame(in rect: Rect) -> Rect {
        let content = lines
        let width = min((content.map(\.displayWidth).max() ?? 0) + 4, maxWidth, rect.width)
        let height = min(content.count + 2, maxHeight, rect.height)
        return rect.centred(width: max(width, DisplayWidth.of(title) + 6), height: height)
    }

    /// Rows visible inside the box: the `visibleRows` to pass to `state.handle`.
    public func visibleRows(in rect: Rect) -> Int { max(0, frame(in: rect).height - 2) }

    /// Wrapped rows of content inside the box: the `total` to pass to `state.handle`.
    public func totalRows(in rect: Rect) -> Int {
        TextView(lines: lines).wrappedLineCount(width: max(1, frame(in: rect).width - 4))
    }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let box = frame(in: rect)
        let total = totalRows(in: rect), visible = visibleRows(in: rect)
        let info = total > visible ? "\(min(total, state.offset + visible))/\(total)" : nil
        let inner = Pane(title: title, info: info, focused: true).render(in: box, buffer: &buffer)
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        TextView(lines: lines, state: state).render(in: text, buffer: &buffer)
    }
}
