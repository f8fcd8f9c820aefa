import ArchModel
import TerminalUI

/// The design pane: a tab row and the current tab's items, scrolled by `designScroll`, with the
/// selected item marked.
struct DesignPaneView {
    let state: AppState

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let focused = state.focus == .design
        let content = DesignPaneContent(state: state, paneRect: rect)
        let offset = content.clampedScroll(state.designScroll)
        let total = content.lines.count
        let position = total > content.area.height ? "\(offset + 1)–\(min(total, offset + content.area.height))/\(total)" : nil
        let inner = Pane(title: "Design", info: position, focused: focused).render(in: rect, buffer: &buffer)
        guard inner.height > 1 else { return }
        DesignTabStrip(selected: state.designTab, focused: focused, findings: state.design.findings.count)
            .render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), buffer: &buffer)
        let selected = focused ? content.selectedLines : nil
        for row in 0..<content.area.height {
            let index = offset + row
            guard index < total else { break }
            let y = content.area.y + row
            buffer.write(content.lines[index].spans, x: content.area.x, y: y, clip: content.area)
            if let selected, selected.contains(index) {
                buffer.write("▌", x: content.area.x - 1, y: y, style: Style(foreground: .cyan, bold: true), clip: inner)
            }
        }
    }
}

/// The wrapped lines of the current tab and which item each belongs to; shared by the view and `reduce`.
struct DesignPaneContent {
    struct Line {
        var spans: [Span]
        var item: Int
    }

    let items: [DesignItem]
    let lines: [Line]
    /// Where the lines go: inside the border, below the tab row, one column of padding each side.
    let area: Rect
    let selectedItem: Int?
    let paneRect: Rect

    init(state: AppState, paneRect: Rect) {
        self.paneRect = paneRect
        let inner = Pane.inner(paneRect)
        area = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1)
        let items = DesignSections(design: state.design, session: state.session, catalogue: state.catalogue).items(for: state.designTab)
        self.items = items
        var lines: [Line] = []
        let width = max(1, area.width)
        for (index, item) in items.enumerated() {
            for line in item.lines {
                lines += WordWrap.wrap(line, width: width).map { Line(spans: $0, item: index) }
            }
        }
        self.lines = lines
        let selectable = items.indices.filter { items[$0].isSelectable }
        selectedItem = selectable.isEmpty ? nil : selectable[min(max(0, state.designSelection), selectable.count - 1)]
    }

    /// How many items can be selected (and explained with `t`).
    var selectableCount: Int { items.filter(\.isSelectable).count }

    /// The line numbers of the selected item.
    var selectedLines: ClosedRange<Int>? {
        guard let selectedItem, let first = lines.firstIndex(where: { $0.item == selectedItem }),
              let last = lines.lastIndex(where: { $0.item == selectedItem }) else { return nil }
        return first...last
    }

    func clampedScroll(_ scroll: Int) -> Int { max(0, min(scroll, lines.count - area.height)) }

    /// The scroll offset that shows the selected item, moving as little as possible from `scroll`.
    func scrollShowingSelection(from scroll: Int) -> Int {
        guard let range = selectedLines else { return clampedScroll(scroll) }
        var offset = scroll
        if range.upperBound >= offset + area.height { offset = range.upperBound - area.height + 1 }
        if range.lowerBound < offset { offset = range.lowerBound }
        return clampedScroll(offset)
    }
}
