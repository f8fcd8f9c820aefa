import TerminalUI

/// The list editor: items, an "add" row, and the field for the item being typed.
struct ListEditorView {
    let list: ListEditorState
    let error: String?
    let addLabel: String

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let footer = error == nil ? 1 : 2
        let listRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(1, rect.height - footer))
        var rows = list.items.enumerated().map { index, item in [Span(" \(index + 1). "), Span(item)] }
        rows.append([Span(" + \(addLabel)", Style(foreground: .cyan))])
        var listState = ListState()
        listState.select(list.cursor, count: rows.count, visibleRows: listRect.height)
        ListView(items: rows, state: listState, highlight: list.field == nil ? .reverse : .plain)
            .render(in: listRect, buffer: &buffer)
        if let field = list.field {
            let row = list.editingIndex ?? list.items.count
            let y = listRect.y + row - listState.offset
            if y >= listRect.y, y < listRect.maxY {
                let prefix = list.editingIndex == nil ? " + " : " \(row + 1). "
                buffer.fill(Rect(x: listRect.x, y: y, width: listRect.width, height: 1))
                let used = buffer.write(prefix, x: listRect.x, y: y, style: Style(foreground: .cyan), clip: listRect)
                TextField(state: field, focused: true, style: Style(underline: true))
                    .render(in: Rect(x: listRect.x + used, y: y, width: listRect.width - used, height: 1), buffer: &buffer)
            }
        }
        var y = listRect.maxY
        if let error {
            buffer.write("✗ " + error, x: rect.x, y: y, style: Style(foreground: .red, bold: true), clip: rect)
            y += 1
        }
        let hint = list.field != nil ? "Enter keep · empty Enter stops · Esc cancel"
            : list.isAddRow ? "type to add · ↑ items · Esc done" : "Enter edit · a add · d remove · y copy · J/K move · u undo · Esc done"
        buffer.write(hint, x: rect.x, y: y, style: .dim, clip: rect)
    }
}
