/// Which row of a list is selected and which row is at the top, kept so the selection stays visible.
public struct ListState: Hashable, Sendable {
    public var selected: Int
    /// Index of the first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = max(0, selected)
        self.offset = max(0, offset)
    }

    /// Selects `index` (clamped to `0..<count`) and scrolls the least needed to show it in `visibleRows`.
    public mutating func select(_ index: Int, count: Int, visibleRows: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
        offset = visibleOffset(count: count, visibleRows: visibleRows)
    }

    public mutating func moveUp(count: Int, visibleRows: Int) { select(selected - 1, count: count, visibleRows: visibleRows) }
    public mutating func moveDown(count: Int, visibleRows: Int) { select(selected + 1, count: count, visibleRows: visibleRows) }
    public mutating func pageUp(count: Int, visibleRows: Int) {
        select(selected - max(1, visibleRows - 1), count: count, visibleRows: visibleRows)
    }
    public mutating func pageDown(count: Int, visibleRows: Int) {
        select(selected + max(1, visibleRows - 1), count: count, visibleRows: visibleRows)
    }
    public mutating func home(count: Int, visibleRows: Int) { select(0, count: count, visibleRows: visibleRows) }
    public mutating func end(count: Int, visibleRows: Int) { select(count - 1, count: count, visibleRows: visibleRows) }

    /// Moves the selection for ↑ ↓ PgUp PgDn Home End (and k/j). True if the key was used.
    public mutating func handle(_ key: Key, count: Int, visibleRows: Int) -> Bool {
        switch key {
        case .up, .character("k"): moveUp(count: count, visibleRows: visibleRows)
        case .down, .character("j"): moveDown(count: count, visibleRows: visibleRows)
        case .pageUp: pageUp(count: count, visibleRows: visibleRows)
        case .pageDown: pageDown(count: count, visibleRows: visibleRows)
        case .home: home(count: count, visibleRows: visibleRows)
        case .end: end(count: count, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    /// The top row that shows the selection, moved as little as possible from `offset`, never past the end.
    public func visibleOffset(count: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        let selection = min(selected, count - 1)
        var top = min(offset, max(0, count - visibleRows))
        if selection < top { top = selection }
        if selection >= top + visibleRows { top = selection - visibleRows + 1 }
        return top
    }
}
