import ArchModel
import TerminalUI

/// The design pane: a tab row and the current tab's items, scrolled by `designPane.scroll`, with the
/// selected item marked.
struct DesignPaneView {
    let state: AppState

    /// What the pane is drawn from (`PaneImages`): the tab's text (its own key), where the pane is scrolled and
    /// filtered, the focus, and whether a newer design is being derived.
    struct Key: Equatable {
        let rect: Rect, text: DesignTabText.Key, pane: DesignPaneState, focused: Bool, stale: Bool, findings: Int
        init(state: AppState, rect: Rect) {
            self.rect = rect
            text = DesignTabText.Key(state: state, width: DesignPaneContent.area(in: rect, filtered: state.designPane.filter != nil).width)
            pane = state.designPane
            focused = state.focus == .design
            stale = state.designIsStale
            findings = state.design.findings.count
        }
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let focused = state.focus == .design
        let content = DesignPaneContent(state: state, paneRect: rect)
        let offset = content.clampedScroll(state.designPane.scroll)
        let total = content.lineCount
        var position = total > content.area.height ? "\(offset + 1)–\(min(total, offset + content.area.height))/\(total)" : nil
        if state.designIsStale { position = "updating… " + (position ?? "") }
        let inner = Pane(title: "Design", info: position, focused: focused).render(in: rect, buffer: &buffer)
        guard inner.height > 1 else { return }
        DesignTabStrip(selected: state.designPane.tab, focused: focused, findings: state.design.findings.count)
            .render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), buffer: &buffer)
        if let filter = state.designPane.filter, inner.height > 2 {
            renderFilterLine(filter, content.text, in: Rect(x: content.area.x, y: content.area.y - 1, width: content.area.width, height: 1),
                             focused: focused, buffer: &buffer)
        }
        let selected = focused ? content.selectedLines : nil
        let shown = content.shownLines(scroll: state.designPane.scroll)
        var text = content.text
        text.keepWrapped(lines: shown) // kept for the next frame, which most often shows the same items
        state.layouts.keep(text)
        for (index, line) in zip(shown, text.lines(in: shown)) {
            let y = content.area.y + index - offset
            buffer.write(line, x: content.area.x, y: y, clip: content.area)
            if let selected, selected.contains(index) {
                buffer.write("▌", x: content.area.x - 1, y: y, style: Style(foreground: .cyan, bold: true), clip: inner)
            }
        }
    }

    /// `/words` with how many of the tab's items it keeps: typed into while typing, else as it was kept.
    private func renderFilterLine(_ filter: DesignFilter, _ text: DesignTabText, in rect: Rect, focused: Bool, buffer: inout ScreenBuffer) {
        let mark = Style(foreground: .cyan, bold: true)
        let count = filter.query == nil ? "" : "\(text.selectable.count) of \(text.measured.selectable.count)"
        let countWidth = count.isEmpty ? 0 : DisplayWidth.of(count) + 2
        buffer.write("/", x: rect.x, y: rect.y, style: mark, clip: rect)
        let field = Rect(x: rect.x + 1, y: rect.y, width: max(1, rect.width - 1 - countWidth), height: 1)
        if filter.isTyping {
            TextField(state: filter.field, focused: focused, placeholder: "words to keep (! first: to hide)", style: Style(underline: true))
                .render(in: field, buffer: &buffer)
        } else {
            buffer.write(DisplayWidth.truncate(filter.field.text, to: field.width), x: field.x, y: field.y, style: .bold, clip: field)
        }
        if !count.isEmpty, rect.width > countWidth + 4 {
            buffer.write(count, x: rect.x + rect.width - countWidth + 2, y: rect.y, style: .dim, clip: rect)
        }
    }
}

/// The current tab laid out at a width: where each item starts, measured without styling or wrapping
/// anything, and the wrapped rows of the items on screen. Wrapping a large API or Schema tab whole takes
/// far longer than a frame, so only what is shown is wrapped. One per tab is kept in `AppState.layouts` (a cache)
/// and reused while nothing it depends on changed.
///
/// With a filter, `items` are the items the filter keeps: laid out from the unfiltered measurement (`measured`),
/// so a key typed into the filter searches the tab (`search`, made once) but measures nothing again.
struct DesignTabText: Sendable {
    struct Key: Hashable, Sendable {
        var revision: Int
        var derived: Int
        var tab: DesignTab
        var width: Int
        var filter: DesignFilterQuery?

        /// Only the Overview shows the session itself (answers, entities); the other tabs change only
        /// when a new design arrives, so a keystroke does not re-measure a large API tab.
        init(state: AppState, width: Int) {
            revision = state.designPane.tab == .overview ? state.designRevision : 0
            derived = state.derivedRevision
            tab = state.designPane.tab
            self.width = width
            filter = state.designPane.filter?.query
        }

        init(revision: Int, derived: Int, tab: DesignTab, width: Int, filter: DesignFilterQuery? = nil) {
            self.revision = revision
            self.derived = derived
            self.tab = tab
            self.width = width
            self.filter = filter
        }

        /// The key of the same tab unfiltered: texts with the same one share their measurement.
        var unfiltered: Key { Key(revision: revision, derived: derived, tab: tab, width: width) }

        /// The same key at another width.
        func atWidth(_ width: Int) -> Key { Key(revision: revision, derived: derived, tab: tab, width: width, filter: filter) }
    }

    /// A tab's items measured unfiltered at one width.
    final class Measured: Sendable {
        let items: any DesignItemList
        /// See `DesignTabText.starts`.
        let starts: [Int]
        let selectable: [Int]

        init(items: any DesignItemList, width: Int) {
            self.items = items
            var tally = RowTally(width: max(1, width))
            var starts = [0]
            starts.reserveCapacity(items.count + 1)
            var selectable: [Int] = []
            for index in 0..<items.count {
                items.measure(index, into: &tally)
                starts.append(tally.rows)
                if items.isSelectable(index) { selectable.append(index) }
            }
            self.starts = starts
            self.selectable = selectable
        }
    }

    let key: Key
    let measured: Measured
    /// The tab's searchable text, made the first time a filter applies to it and handed on to the next filter.
    let search: SearchIndex?
    /// Indices into `measured.items` of the items shown; nil when no filter applies.
    let shown: [Int]?
    /// The items shown.
    let items: any DesignItemList
    /// The line each item starts at, then the total: item `i` takes lines `starts[i] ..< starts[i + 1]`.
    let starts: [Int]
    /// Indices of the items that can be selected (they have a trace), in order.
    let selectable: [Int]
    /// Wrapped rows of the items last shown, by item (see `keepWrapped(lines:)`).
    private(set) var wrapped: [Int: [[Span]]] = [:]

    init(state: AppState, width: Int) {
        let items = DesignSections(design: state.design, session: state.session, catalogue: state.catalogue, width: max(1, width))
            .items(for: state.designPane.tab)
        self.init(key: Key(state: state, width: width), measured: Measured(items: items, width: width), search: nil)
    }

    /// Measures every item at `key.width` (no filter).
    init(key: Key, items: any DesignItemList) {
        self.init(key: key.unfiltered, measured: Measured(items: items, width: key.width), search: nil)
    }

    /// The measured tab with `key.filter` applied: only searched (with `search` when given, else a new index).
    init(key: Key, measured: Measured, search: SearchIndex?) {
        self.key = key
        self.measured = measured
        guard let query = key.filter else {
            self.search = search
            shown = nil
            items = measured.items
            starts = measured.starts
            selectable = measured.selectable
            return
        }
        let index = search ?? SearchIndex(items: measured.items)
        self.search = index
        let kept = index.kept(of: measured.items, by: query)
        shown = kept
        guard !kept.isEmpty else {
            let note = BuiltItems(items: [.note("Nothing in this tab matches the filter (Esc clears it).")])
            var tally = RowTally(width: max(1, key.width))
            note.measure(0, into: &tally)
            items = note
            starts = [0, tally.rows]
            selectable = []
            return
        }
        items = FilteredItems(base: measured.items, shown: kept)
        var starts = [0]
        starts.reserveCapacity(kept.count + 1)
        var selectable: [Int] = []
        var line = 0
        for (position, index) in kept.enumerated() {
            line += measured.starts[index + 1] - measured.starts[index]
            starts.append(line)
            if measured.items.isSelectable(index) { selectable.append(position) }
        }
        self.starts = starts
        self.selectable = selectable
    }

    var lineCount: Int { starts[starts.count - 1] }

    /// First and last line of item `index`; nil when it has none.
    func lines(of index: Int) -> ClosedRange<Int>? {
        starts[index] < starts[index + 1] ? starts[index]...(starts[index + 1] - 1) : nil
    }

    /// The item that line `line` (below `lineCount`) belongs to.
    func item(atLine line: Int) -> Int {
        var low = 0, high = items.count - 1 // the last item starting at or before `line` is in low...high
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The wrapped lines `range` (within `0 ..< lineCount`).
    func lines(in range: Range<Int>) -> [[Span]] {
        guard let first = range.first else { return [] }
        var result: [[Span]] = []
        result.reserveCapacity(range.count)
        var item = self.item(atLine: first)
        while result.count < range.count, item < items.count {
            let rows = rows(of: item)
            let from = max(0, range.lowerBound - starts[item])
            let to = min(rows.count, range.upperBound - starts[item])
            if from < to { result += rows[from..<to] }
            item += 1
        }
        return result
    }

    /// Keeps the wrapped rows of the items lines `range` shows, and only those, so the next frame
    /// draws them without wrapping again.
    mutating func keepWrapped(lines range: Range<Int>) {
        guard let first = range.first, let last = range.last else { return wrapped = [:] }
        let shown = item(atLine: first)...item(atLine: last)
        guard wrapped.count != shown.count || !shown.allSatisfy(wrapped.keys.contains) else { return }
        var kept: [Int: [[Span]]] = [:]
        for index in shown { kept[index] = rows(of: index) }
        wrapped = kept
    }

    /// Item `index` wrapped to the width: as kept, or wrapped now.
    private func rows(of index: Int) -> [[Span]] {
        if let rows = wrapped[index] { return rows }
        let rows = items.item(index).lines.flatMap { WordWrap.wrap($0, width: max(1, key.width)) }
        assert(rows.count == starts[index + 1] - starts[index], "item \(index) wraps to \(rows.count) rows, measured \(starts[index + 1] - starts[index])")
        return rows
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
        let area = Self.area(in: paneRect, filtered: state.designPane.filter != nil)
        self.init(text: state.designTabText(width: area.width), pane: state.designPane, paneRect: paneRect)
    }

    /// The pane in state `pane` showing `text` (laid out for this pane's width).
    init(text: DesignTabText, pane: DesignPaneState, paneRect: Rect) {
        self.paneRect = paneRect
        area = Self.area(in: paneRect, filtered: pane.filter != nil)
        self.text = text
        let selectable = text.selectable
        selectedItem = selectable.isEmpty ? nil : selectable[min(max(0, pane.selection), selectable.count - 1)]
    }

    /// Where the lines go; a filter takes the first row for itself.
    static func area(in paneRect: Rect, filtered: Bool = false) -> Rect {
        let inner = Pane.inner(paneRect)
        let top = filtered ? 2 : 1
        return Rect(x: inner.x + 1, y: inner.y + top, width: inner.width - 2, height: max(0, inner.height - top))
    }

    var lineCount: Int { text.lineCount }

    /// How many items can be selected (and explained with `t`).
    var selectableCount: Int { text.selectable.count }

    /// The line numbers of the selected item.
    var selectedLines: ClosedRange<Int>? { selectedItem.flatMap(text.lines(of:)) }

    func clampedScroll(_ scroll: Int) -> Int { max(0, min(scroll, lineCount - area.height)) }

    /// The lines on screen at scroll offset `scroll`.
    func shownLines(scroll: Int) -> Range<Int> {
        let offset = clampedScroll(scroll)
        return offset..<max(offset, min(lineCount, offset + area.height))
    }

    /// The scroll offset that shows the selected item, moving as little as possible from `scroll`.
    func scrollShowingSelection(from scroll: Int) -> Int {
        guard let range = selectedLines else { return clampedScroll(scroll) }
        var offset = scroll
        if range.upperBound >= offset + area.height { offset = range.upperBound - area.height + 1 }
        if range.lowerBound < offset { offset = range.lowerBound }
        return clampedScroll(offset)
    }
}
