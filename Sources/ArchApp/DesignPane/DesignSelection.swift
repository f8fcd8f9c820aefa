import TerminalUI

extension AppState {
    /// Moves the selection from its item in `old` to the same item in `new` (the same tab laid out for a newer
    /// design or another filter), else to the nearest item that is still there. In the focused pane the item stays
    /// where it was on screen (or is scrolled into view); an unfocused pane keeps its scroll.
    mutating func followSelection(from old: DesignTabText, to new: DesignTabText, paneRect: Rect) {
        guard !old.selectable.isEmpty else { return }
        let oldPosition = min(max(0, designPane.selection), old.selectable.count - 1)
        guard !new.selectable.isEmpty else {
            designPane.selection = 0
            return
        }
        let newPosition = old.measured === new.measured
            ? Self.samePosition(oldPosition, from: old, in: new)
            : Self.sameIdentity(oldPosition, from: old, in: new)
        let area = DesignPaneContent.area(in: paneRect, filtered: designPane.filter != nil)
        let oldScroll = max(0, min(designPane.scroll, old.lineCount - area.height))
        let oldStart = old.starts[old.selectable[oldPosition]], oldEnd = old.starts[old.selectable[oldPosition] + 1]
        let wasShown = oldStart < oldScroll + area.height && oldEnd > oldScroll
        designPane.selection = newPosition
        // Answering questions beside the pane must not scroll it: the view moves only under the user's eyes.
        guard focus == .design else { return }
        let content = DesignPaneContent(text: new, pane: designPane, paneRect: paneRect)
        if wasShown {
            designPane.scroll = content.clampedScroll(new.starts[new.selectable[newPosition]] - (oldStart - oldScroll))
        } else {
            designPane.scroll = content.scrollShowingSelection(from: designPane.scroll)
        }
    }

    /// The same tab under another filter: the item itself when kept, else the kept one nearest to it in the tab.
    private static func samePosition(_ position: Int, from old: DesignTabText, in new: DesignTabText) -> Int {
        func base(_ text: DesignTabText, _ position: Int) -> Int {
            let index = text.selectable[position]
            return text.shown?[index] ?? index
        }
        let target = base(old, position)
        var low = 0, high = new.selectable.count // the first position whose item is at or after the target
        while low < high {
            let middle = (low + high) / 2
            if base(new, middle) < target { low = middle + 1 } else { high = middle }
        }
        if low == new.selectable.count { return low - 1 }
        if low == 0 || base(new, low) == target { return low }
        return target - base(new, low - 1) <= base(new, low) - target ? low - 1 : low
    }

    /// Another design (or width): the item with the same identity, else the nearest of its old neighbours still
    /// there, else the same position. Repeated identities (two findings of one check on one subject) are told
    /// apart by their order.
    private static func sameIdentity(_ position: Int, from old: DesignTabText, in new: DesignTabText) -> Int {
        let before = occurrences(in: old)
        guard before[position] != nil else { return min(position, new.selectable.count - 1) }
        var after: [Occurrence: Int] = [:]
        for (newPosition, occurrence) in occurrences(in: new).enumerated() {
            if let occurrence { after[occurrence] = newPosition }
        }
        for distance in 0..<before.count {
            for candidate in distance == 0 ? [position] : [position + distance, position - distance]
            where before.indices.contains(candidate) {
                if let occurrence = before[candidate], let found = after[occurrence] { return found }
            }
        }
        return min(position, new.selectable.count - 1)
    }

    private struct Occurrence: Hashable {
        var id: DesignItemID
        var number: Int
    }

    /// Each selectable item's identity with how many items before it have the same one.
    private static func occurrences(in text: DesignTabText) -> [Occurrence?] {
        var seen: [DesignItemID: Int] = [:]
        return text.selectable.map { index in
            guard let id = text.items.id(index) else { return nil }
            let number = seen[id, default: 0]
            seen[id] = number + 1
            return Occurrence(id: id, number: number)
        }
    }
}
