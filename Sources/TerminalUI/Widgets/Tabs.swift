/// A row of tab titles separated by "│"; the selected one is reversed (and bold when focused).
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var focused: Bool

    public init(titles: [String], selected: Int = 0, focused: Bool = true) {
        self.titles = titles
        self.selected = selected
        self.focused = focused
    }

    /// The titles as drawn in `width` cells: long titles are shortened with "…" first, short ones kept.
    public func fittedTitles(width: Int) -> [String] {
        guard !titles.isEmpty else { return [] }
        // Each tab is " title " and tabs are separated by one cell.
        var room = width - (titles.count - 1) - 2 * titles.count
        var limits = Array(repeating: 0, count: titles.count)
        var pending = Array(titles.indices).sorted { DisplayWidth.of(titles[$0]) < DisplayWidth.of(titles[$1]) }
        while !pending.isEmpty {
            let share = max(1, room / pending.count)
            let index = pending.removeFirst()
            limits[index] = min(DisplayWidth.of(titles[index]), share)
            room -= limits[index]
        }
        return titles.indices.map { DisplayWidth.truncate(titles[$0], to: limits[$0]) }
    }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row)
        var x = rect.x
        for (index, title) in fittedTitles(width: rect.width).enumerated() {
            if index > 0 { x += buffer.write("│", x: x, y: rect.y, style: .dim, clip: row) }
            let style: Style = index == selected ? Style(bold: focused, reverse: true) : .plain
            let text = " " + title + " "
            let used = buffer.write(text, x: x, y: rect.y, style: style, clip: row)
            x += used
            if used < DisplayWidth.of(text) { break }
        }
    }
}
