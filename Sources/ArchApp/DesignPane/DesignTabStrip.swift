import TerminalUI

/// The design pane's tab row. When all ten titles do not fit, it shows a window of whole titles around
/// the selected tab, with ‹ › marking hidden tabs, rather than shortening every title to a letter.
struct DesignTabStrip {
    let selected: DesignTab
    let focused: Bool
    /// Findings count shown on the Findings tab title.
    let findings: Int

    func title(of tab: DesignTab) -> String {
        tab == .findings && findings > 0 ? "\(tab.title) \(findings)" : tab.title
    }

    /// The tabs that fit in `width` cells, a contiguous run including the selected one.
    func visibleTabs(width: Int) -> ArraySlice<DesignTab> {
        let all = DesignTab.allCases
        let cost = { (tab: DesignTab) in DisplayWidth.of(self.title(of: tab)) + 3 }
        var lower = selected.rawValue, upper = selected.rawValue
        var used = cost(selected) + 2
        var grew = true
        while grew {
            grew = false
            if upper + 1 < all.count, used + cost(all[upper + 1]) <= width {
                upper += 1
                used += cost(all[upper])
                grew = true
            }
            if lower > 0, used + cost(all[lower - 1]) <= width {
                lower -= 1
                used += cost(all[lower])
                grew = true
            }
        }
        return all[lower...upper]
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        let tabs = visibleTabs(width: rect.width)
        var x = rect.x
        x += buffer.write(tabs.first == DesignTab.allCases.first ? " " : "‹", x: x, y: rect.y, style: .dim, clip: rect)
        for tab in tabs {
            let style: Style = tab == selected ? Style(bold: focused, reverse: true) : (tab == .findings && findings > 0 ? Style(foreground: .yellow) : .plain)
            x += buffer.write(" " + title(of: tab) + " ", x: x, y: rect.y, style: style, clip: rect)
            x += buffer.write("│", x: x, y: rect.y, style: .dim, clip: rect)
        }
        if tabs.last != DesignTab.allCases.last { buffer.write("›", x: rect.maxX - 1, y: rect.y, style: .dim, clip: rect) }
    }
}
