import TerminalUI

/// The list editor: items, an "add" row, and the field for the item being typed.
struct ListEditorView {
    let list: ListEditorState
    let error: String?
    let addLabel: String

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let footer = (error == nil ? 1 : 2) + (list.filter == nil ? 0 : 1)
        let listRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(1, rect.height - footer))
        let shown = list.shownRows
        var rows = shown.dropLast().map { index in [Span(" \(index + 1). "), Span(list.items[index])] }
        rows.append([Span(" + \(addLabel)", Style(foreground: .cyan))])
        var listState = ListState()
        listState.select(shown.firstIndex(of: list.cursor) ?? 0, count: rows.count, visibleRows: listRect.height)
        ListView(items: rows, state: listState, highlight: list.field == nil && list.filter?.typing != true ? .reverse : .plain)
            .render(in: listRect, buffer: &buffer)
        if let field = list.field {
            let row = shown.firstIndex(of: list.editingIndex ?? list.items.count) ?? shown.count - 1
            let y = listRect.y + row - listState.offset
            if y >= listRect.y, y < listRect.maxY {
                let prefix = list.editingIndex.map { " \($0 + 1). " } ?? " + "
                buffer.fill(Rect(x: listRect.x, y: y, width: listRect.width, height: 1))
                let used = buffer.write(prefix, x: listRect.x, y: y, style: Style(foreground: .cyan), clip: listRect)
                TextField(state: field, focused: true, style: Style(underline: true))
                    .render(in: Rect(x: listRect.x + used, y: y, width: listRect.width - used, height: 1), buffer: &buffer)
            }
        }
        var y = listRect.maxY
        if let filter = list.filter {
            let label = filter.inverted ? "/ not: " : "/ "
            let used = buffer.write(label, x: rect.x, y: y, style: Style(foreground: .cyan, bold: true), clip: rect)
            let count = " \(shown.count - 1) of \(list.items.count)"
            let width = max(1, rect.width - used - DisplayWidth.of(count))
            TextField(state: filter.field, focused: filter.typing, style: Style(underline: filter.typing))
                .render(in: Rect(x: rect.x + used, y: y, width: width, height: 1), buffer: &buffer)
            buffer.write(count, x: rect.x + used + width, y: y, style: .dim, clip: rect)
            y += 1
        }
        if let error {
            buffer.write("✗ " + error, x: rect.x, y: y, style: Style(foreground: .red, bold: true), clip: rect)
            y += 1
        }
        let hint = list.field != nil ? "Enter keep · empty Enter stops · Esc cancel"
            : list.isAddRow ? "type to add · ↑ items · Esc done" : "Enter edit · a add · d remove · y copy · J/K move · u undo · Esc done"
        buffer.write(hint, x: rect.x, y: y, style: .dim, clip: rect)
    }
}
