import ArchModel
import TerminalUI

/// Below the question list: the editor when one is open, otherwise why the selected question matters.
struct DetailArea {
    let state: AppState
    let width: Int

    private static let errorStyle = Style(foreground: .red, bold: true)
    private static let hintStyle = Style.dim

    /// Rows this area would like; the pane may give it fewer.
    var height: Int {
        guard let question = state.selectedQuestion else { return 3 }
        switch state.method.editor {
        case .field?: return 4 + errorLines.count
        case .choice?, .multiChoice?: return question.choices.count + 3
        case .list(let list)?: return list.shownRows.count + 3 + (list.filter == nil ? 0 : 1)
        case nil: return helpLines(for: question).count + 1
        }
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard let question = state.selectedQuestion, rect.height > 0 else {
            buffer.write(" This step has no questions for your answers so far.", x: rect.x, y: rect.y, style: .dim, clip: rect)
            return
        }
        var title = question.prompt
        if let unit = question.unit, !unit.isEmpty { title += " (\(unit))" }
        buffer.write(DisplayWidth.truncate(title, to: rect.width), x: rect.x, y: rect.y, style: .bold, clip: rect)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        switch state.method.editor {
        case .field(let field)?:
            renderField(field, in: body, buffer: &buffer)
        case .choice(let cursor)?:
            renderChoices(question, state: ChoiceState(mode: .single, chosen: [cursor], highlighted: cursor),
                          hint: "↑↓ choose · Enter store · Esc cancel", in: body, buffer: &buffer)
        case .multiChoice(let cursor, let selected)?:
            let chosen = Set(question.choices.indices.filter { selected.contains(question.choices[$0].value) })
            renderChoices(question, state: ChoiceState(mode: .multiple, chosen: chosen, highlighted: cursor),
                          hint: "Space tick · Enter store · Esc cancel", in: body, buffer: &buffer)
        case .list(let list)?:
            ListEditorView(list: list, error: state.inlineError, addLabel: question.kind == .entities ? "add entity" : question.kind == .services ? "add service" : question.kind == .systems ? "add system (a name, or e.g. Legacy WMS (SOAP, stock levels))" : "add item")
                .render(in: body, buffer: &buffer)
        case nil:
            TextView(lines: Array(helpLines(for: question).dropFirst())).render(in: body, buffer: &buffer)
        }
    }

    private func renderField(_ field: TextFieldState, in rect: Rect, buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        buffer.write("›", x: rect.x, y: rect.y, style: Style(foreground: .cyan, bold: true), clip: rect)
        let fieldRect = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 2, height: 1)
        TextField(state: field, focused: true, style: Style(underline: true)).render(in: fieldRect, buffer: &buffer)
        var y = rect.y + 1
        for line in errorLines {
            buffer.write(line, x: rect.x, y: y, style: Self.errorStyle, clip: rect)
            y += 1
        }
        let hint = field.isSelected ? "Typing replaces the selected text · ← → edit it · Enter store · Esc cancel"
            : "Enter store · Esc cancel · Ctrl-U clear"
        buffer.write(hint, x: rect.x, y: y, style: Self.hintStyle, clip: rect)
    }

    /// The inline error, wrapped to the area's width so the whole message shows.
    private var errorLines: [String] {
        guard let error = state.inlineError else { return [] }
        return WordWrap.wrap("✗ " + error, width: max(1, width))
    }

    private func renderChoices(_ question: Question, state choice: ChoiceState, hint: String, in rect: Rect, buffer: inout ScreenBuffer) {
        let reserved = state.inlineError == nil ? 1 : 2
        let listRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(1, rect.height - reserved))
        ChoiceList(options: question.choices.map(\.label), state: choice, focused: true).render(in: listRect, buffer: &buffer)
        var y = listRect.maxY
        for line in errorLines.prefix(1) {
            buffer.write(line, x: rect.x, y: y, style: Self.errorStyle, clip: rect)
            y += 1
        }
        buffer.write(hint, x: rect.x, y: y, style: Self.hintStyle, clip: rect)
    }

    /// The help text of a question, wrapped, first line the prompt (which `render` draws itself).
    private func helpLines(for question: Question) -> [[Span]] {
        var lines: [[Span]] = [[Span(question.prompt, .bold)]]
        if !question.help.isEmpty {
            lines += WordWrap.wrap([Span(question.help)], width: max(1, width))
        }
        if let answer = AnswerText.summary(of: question, in: state.session) {
            lines += WordWrap.wrap([Span("Answer: ", .dim), Span(answer, .bold)], width: max(1, width))
        } else if let value = question.defaultValue, !question.kind.isModelList {
            lines.append([Span("Default: ", .dim), Span(AnswerText.format(value, for: question), .dim)])
        }
        lines.append([Span("Enter to answer", .dim)])
        return lines
    }
}
