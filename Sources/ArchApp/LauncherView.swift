import TerminalUI

/// The launcher screen: new session, the session files found here, or the demo.
struct LauncherView {
    let state: LauncherState
    let path: String

    func render(into buffer: inout ScreenBuffer) {
        let box = buffer.bounds.centred(width: min(76, buffer.size.width), height: min(state.items.count + 8, buffer.size.height - 1))
        let inner = Pane(title: "archtui — backend design assistant", focused: true).render(in: box, buffer: &buffer)
        buffer.write("What would you like to open?", x: inner.x + 1, y: inner.y, style: .bold, clip: inner)
        let listRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 4)
        var list = ListState()
        list.select(state.selected, count: state.items.count, visibleRows: listRect.height)
        ListView(items: state.items.map { [Span("  " + $0.title)] }, state: list).render(in: listRect, buffer: &buffer)
        if let error = state.error {
            buffer.write("✗ " + error, x: inner.x + 1, y: inner.maxY - 2, style: Style(foreground: .red, bold: true), clip: inner)
        }
        buffer.write("↑↓ choose · Enter open · ? help · q quit", x: inner.x + 1, y: inner.maxY - 1, style: .dim, clip: inner)
    }
}

/// Asks a new session for its project's name.
struct ProjectNameView {
    let field: TextFieldState
    let error: String?
    let path: String

    func render(into buffer: inout ScreenBuffer) {
        let box = buffer.bounds.centred(width: min(70, buffer.size.width), height: 9)
        let inner = Pane(title: "New session", focused: true).render(in: box, buffer: &buffer)
        buffer.write("What is the project called?", x: inner.x + 1, y: inner.y, style: .bold, clip: inner)
        let where_ = path.isEmpty ? "The session is saved in this directory." : "The session is saved as \(path)."
        buffer.write(where_, x: inner.x + 1, y: inner.y + 1, style: .dim, clip: inner)
        buffer.write("›", x: inner.x + 1, y: inner.y + 3, style: Style(foreground: .cyan, bold: true), clip: inner)
        TextField(state: field, focused: true, placeholder: "e.g. Bookstore", style: Style(underline: true))
            .render(in: Rect(x: inner.x + 3, y: inner.y + 3, width: inner.width - 4, height: 1), buffer: &buffer)
        if let error {
            buffer.write("✗ " + error, x: inner.x + 1, y: inner.y + 4, style: Style(foreground: .red, bold: true), clip: inner)
        }
        buffer.write("Enter start · Esc quit", x: inner.x + 1, y: inner.maxY - 1, style: .dim, clip: inner)
    }
}
