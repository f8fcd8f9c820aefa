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
        var position = total > content.area.height ? "\(offset + 1)–\(min(total, offset + content.area.height))/\(total)" : nil
        if state.designIsStale { position = "updating… " + (position ?? "") }
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

/// The current tab's items wrapped to a width. Wrapping a large API or Schema tab takes milliseconds,
/// so `reduce` keeps the last one in `AppState` and the view reuses it while nothing it depends on changed.
struct DesignTabText: Sendable {
    struct Key: Hashable, Sendable {
        var revision: Int
        var derived: Int
        var tab: DesignTab
        var width: Int

        /// Only the Overview shows the session itself (answers, entities); the other tabs change only
        /// when a new design arrives, so a keystroke does not re-wrap a large API tab.
        init(state: AppState, width: Int) {
            revision = state.designTab == .overview ? state.designRevision : 0
            derived = state.derivedRevision
            tab = state.designTab
            self.width = width
        }
    }

    struct Line: Sendable {
        var spans: [Span]
        var item: Int
    }

    let key: Key
    let items: [DesignItem]
    let lines: [Line]
    /// Indices of the items that can be selected (they have a trace), in order.
    let selectable: [Int]
    /// First and last line of each item.
    let itemLines: [ClosedRange<Int>?]

    init(state: AppState, width: Int) {
        key = Key(state: state, width: width)
        let items = DesignSections(design: state.design, session: state.session, catalogue: state.catalogue).items(for: state.designTab)
        var lines: [Line] = []
        var itemLines: [ClosedRange<Int>?] = []
        for (index, item) in items.enumerated() {
            let first = lines.count
            for line in item.lines {
                lines += WordWrap.wrap(line, width: max(1, width)).map { Line(spans: $0, item: index) }
            }
            itemLines.append(lines.count > first ? first...(lines.count - 1) : nil)
        }
        self.items = items
        self.lines = lines
        self.itemLines = itemLines
        selectable = items.indices.filter { items[$0].isSelectable }
    }
}

/// The design pane's geometry and the current tab's text with the selection; shared by the view and `reduce`.
struct DesignPaneContent {
    let text: DesignTabText
    /// Where the lines go: inside the border, below the tab row, one column of padding each side.
    let area: Rect
    let selectedItem: Int?
    let paneRect: Rect

    init(state: AppState, paneRect: Rect) {
        self.paneRect = paneRect
        area = Self.area(in: paneRect)
        text = state.designTabText(width: area.width)
        let selectable = text.selectable
        selectedItem = selectable.isEmpty ? nil : selectable[min(max(0, state.designSelection), selectable.count - 1)]
    }

    static func area(in paneRect: Rect) -> Rect {
        let inner = Pane.inner(paneRect)
        return Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1)
    }

    var items: [DesignItem] { text.items }
    var lines: [DesignTabText.Line] { text.lines }

    /// How many items can be selected (and explained with `t`).
    var selectableCount: Int { text.selectable.count }

    /// The line numbers of the selected item.
    var selectedLines: ClosedRange<Int>? { selectedItem.flatMap { text.itemLines[$0] } }

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
