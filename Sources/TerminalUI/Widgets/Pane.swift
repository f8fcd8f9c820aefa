/// A bordered box with a title; the focused pane's border is cyan and bold, the others dim.
public struct Pane: Sendable {
    public var title: String
    /// Shown right-aligned in the top border (e.g. "3/12").
    public var info: String?
    public var focused: Bool

    public init(title: String = "", info: String? = nil, focused: Bool = false) {
        self.title = title
        self.info = info
        self.focused = focused
    }

    /// The area inside the border of `rect`.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Style of the border lines.
    public var borderStyle: Style { focused ? Style(foreground: .cyan, bold: true) : .dim }

    /// Draws the border and title, clears the inside, and returns the inside.
    @discardableResult
    public func render(in rect: Rect, buffer: inout ScreenBuffer) -> Rect {
        let area = rect.intersection(buffer.bounds)
        guard rect.width >= 2, rect.height >= 2, !area.isEmpty else { return Pane.inner(rect) }
        buffer.fill(rect)
        let line = borderStyle
        // The horizontal edges as fills of one cell: no grapheme breaking on the widest lines of every frame.
        for y in [rect.y, rect.maxY - 1] {
            buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), style: line, with: "─")
        }
        buffer.write("┌", x: rect.x, y: rect.y, style: line)
        buffer.write("┐", x: rect.maxX - 1, y: rect.y, style: line)
        buffer.write("└", x: rect.x, y: rect.maxY - 1, style: line)
        buffer.write("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: line)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.write("│", x: rect.x, y: y, style: line)
            buffer.write("│", x: rect.maxX - 1, y: y, style: line)
        }
        // Title and info sit between "┌─" and "─┐", each padded by a space.
        var room = rect.width - 4
        if let info, !info.isEmpty, room >= 8 {
            let text = " " + DisplayWidth.truncate(info, to: min(DisplayWidth.of(info), room / 2 - 2)) + " "
            let width = DisplayWidth.of(text)
            buffer.write(text, x: rect.maxX - 2 - width, y: rect.y, style: focused ? .bold : .plain)
            room -= width + 1
        }
        if !title.isEmpty, room >= 3 {
            let text = " " + DisplayWidth.truncate(title, to: room - 2) + " "
            buffer.write(text, x: rect.x + 2, y: rect.y, style: focused ? Style(foreground: .cyan, bold: true) : .plain)
        }
        return Pane.inner(rect)
    }
}
