import ArchModel
import ArchRules
import TerminalUI

/// The open form, drawn where the questions are: its rows, the text being typed, what is wrong with it,
/// and the keys that work.
struct FormView {
    let state: AppState
    let form: FormState

    private static let labelStyle = Style(foreground: .cyan)
    private static let errorStyle = Style(foreground: .red, bold: true)

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let rowsMaker = FormRows(session: state.session, design: state.design)
        let trail = form.frames.map { rowsMaker.title(for: $0.target) }.joined(separator: " › ")
        let inner = Pane(title: trail, info: "Esc back", focused: state.focus == .questions).render(in: rect, buffer: &buffer)
        guard inner.height >= 3, let rows = rowsMaker.rows(for: form.top.target) else { return }
        // The messages wrap, so a long reason or note is read whole.
        let messages = footer(rows).flatMap { message in
            WordWrap.wrap(message.text, width: max(1, inner.width)).map { (text: $0, style: message.style) }
        }
        let listRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - messages.count))
        // Labels as wide as the longest (Responsibilities, Personal data (PII)), up to 40 % of the pane.
        let longest = rows.filter { $0.kind != .header && $0.kind != .add }
            .map { DisplayWidth.of($0.label) + ($0.kind == .item ? 2 : 0) }.max() ?? 10 // items are indented by 2
        let labelWidth = min(max(10, longest + 2), max(10, inner.width * 2 / 5))
        let editing = form.top.editing
        let items = rows.map { row in line(for: row, labelWidth: labelWidth, width: inner.width, typing: editing?.row == row.key) }
        var list = ListState()
        list.select(form.top.cursor, count: items.count, visibleRows: listRect.height)
        ListView(items: items, state: list, highlight: editing == nil ? .reverse : .plain).render(in: listRect, buffer: &buffer)
        if let editing, let index = rows.firstIndex(where: { $0.key == editing.row }) {
            let y = listRect.y + index - list.offset
            if y >= listRect.y, y < listRect.maxY {
                let isAdd = rows[index].kind == .add
                let x = listRect.x + (isAdd ? 3 : labelWidth + 1)
                let fieldRect = Rect(x: x, y: y, width: max(1, listRect.maxX - x), height: 1)
                buffer.fill(fieldRect)
                if isAdd { buffer.write(" + ", x: listRect.x, y: y, style: Self.labelStyle, clip: listRect) }
                TextField(state: editing.field, focused: true, style: Style(underline: true)).render(in: fieldRect, buffer: &buffer)
            }
        }
        for (offset, message) in messages.enumerated() {
            buffer.write(message.text, x: inner.x, y: listRect.maxY + offset, style: message.style, clip: inner)
        }
    }

    private func line(for row: FormRow, labelWidth: Int, width: Int, typing: Bool) -> [Span] {
        switch row.kind {
        case .header:
            return [Span(row.label, .bold)]
        case .add:
            return [Span(" " + row.label, Self.labelStyle)]
        case .item:
            return [Span("  " + DisplayWidth.pad(DisplayWidth.truncate(row.label, to: labelWidth - 2), to: labelWidth - 1)),
                    Span(row.value, .dim)]
        case .text(let text):
            // Empty: what applies instead (an endpoint's generated value), else a dash.
            let shown = text.isEmpty ? Span(typing ? "" : (row.value.isEmpty ? "—" : row.value), .dim) : Span(text, .bold)
            return [label(row, labelWidth), shown]
        case .toggle(let on):
            return [label(row, labelWidth), Span(on ? "[x]" : "[ ]", on ? Style(foreground: .green, bold: true) : .dim)]
                + (row.value.isEmpty ? [] : [Span("  " + row.value, .dim)])
        case .choice(_, _):
            return [label(row, labelWidth), Span("‹ ", .dim), Span(row.value, .bold), Span(" ›", .dim)]
        }
    }

    private func label(_ row: FormRow, _ width: Int) -> Span {
        Span(" " + DisplayWidth.pad(DisplayWidth.truncate(row.label, to: width - 1), to: width), Self.labelStyle)
    }

    /// The refused input or a live check of the text being typed, then the keys.
    private func footer(_ rows: [FormRow]) -> [(text: String, style: Style)] {
        var lines: [(String, Style)] = []
        let completion = form.top.editing.flatMap { editing -> String? in
            guard !editing.field.text.isEmpty, let row = rows.first(where: { $0.key == editing.row }), !row.completions.isEmpty,
                  let completed = AppState.complete(editing.field.text, from: row.completions), completed != editing.field.text else { return nil }
            return completed
        }
        if let error = state.inlineError {
            lines.append(("✗ " + error, Self.errorStyle))
        } else if let completion {
            lines.append(("Tab completes: " + completion, .dim)) // before a check of a name still being typed
        } else if let editing = form.top.editing, let problem = liveProblem(editing) {
            lines.append(("✗ " + problem, Style(foreground: .red)))
        } else if let editing = form.top.editing, let note = identifierNote(editing) {
            lines.append((note, .dim))
        }
        let hint: String
        if form.top.editing != nil {
            hint = "Enter store · Esc cancel" + (rows.contains { !$0.completions.isEmpty } ? " · Tab complete" : "")
        } else if let row = rows.indices.contains(form.top.cursor) ? rows[form.top.cursor] : nil {
            switch row.kind {
            case .item: hint = "Enter open · d delete · y copy · J/K move · a add · u undo · Esc back"
            case .add: hint = "type to add · Enter add · Esc back"
            case .toggle: hint = "Space/Enter flip · u undo · Esc back"
            case .choice: hint = "← → / Enter change · u undo · Esc back"
            default: hint = "Enter edit · d clear · a add · u undo · Esc back"
            }
        } else {
            hint = "Esc back"
        }
        lines.append((hint, .dim))
        return lines
    }

    /// How a name typed for an entity or a field will appear in the exports, so nothing is renamed by surprise.
    private func identifierNote(_ editing: FormState.Editing) -> String? {
        // Only names have a note: other rows (a long description) are never copied for it.
        switch (form.top.target, editing.row) {
        case (.entity, .name), (.field, .name), (.entity, .add(.fields)): break
        default: return nil
        }
        var name = editing.field.text.trimmingCharacters(in: .whitespaces)
        let isFieldAdd = editing.row == .add(.fields)
        if isFieldAdd { name = String(name.split(separator: ":", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces) }
        guard !name.isEmpty, !NameKey(name).raw.isEmpty else { return nil }
        switch (form.top.target, editing.row) {
        case (.entity, .name):
            let table = Naming.tableName(name)
            return "→ table \(table)" + (Naming.isSQLReserved(table) ? " (quoted: an SQL keyword)" : "")
                + " · path /v1/\(Naming.urlSegment(name)) · schema \(Naming.pascalCase(name))"
        case (.field, .name), (.entity, .add(.fields)):
            let column = Naming.snakeCase(name)
            return "→ column \(column)" + (Naming.isSQLReserved(column) ? " (quoted: an SQL keyword)" : "")
                + " · JSON \(Naming.camelCase(name))"
        default:
            return nil
        }
    }

    /// What is wrong with the text typed so far, checked as it is typed (never stored while wrong).
    private func liveProblem(_ editing: FormState.Editing) -> String? {
        let edits = FormEdits(session: state.session)
        if FormEdits.freeTextRows.contains(editing.row) { return nil }
        if editing.field.text.isEmpty { return nil }
        if case .add(let section) = editing.row {
            // A dry run on a copy of the identities: nothing is stored while typing. Not after one letter, while
            // the first word is still being typed.
            guard editing.field.text.count > 1 else { return nil }
            var identities = state.session.identities
            if case .failure(let error) = edits.add(editing.field.text, to: section, of: form.top.target, ids: &identities) {
                return error.message
            }
            return nil
        }
        if case .failure(let error) = edits.text(editing.field.text, row: editing.row, of: form.top.target) { return error.message }
        return nil
    }
}
