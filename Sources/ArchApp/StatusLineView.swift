import TerminalUI

/// The bottom line: the keys that apply in the focused pane, and the last status message.
struct StatusLineView {
    let state: AppState

    /// Key hints for what has the keys now, most useful first: the hints of the mode's keymap.
    var hints: [(key: String, action: String)] {
        switch state.overlay {
        case .confirm?: return Keymap.hints(.confirm)
        case .palette?: return [("type", "filter")] + Keymap.hints(.palette)
        case .export?: return Keymap.hints(.export)
        case .choose?: return [("letter", "option")] + Keymap.hints(.choice)
        case .saveAs?: return Keymap.hints(.saveAs)
        case .some: return Keymap.hints(.overlay)
        case nil: break
        }
        if let form = state.form {
            return form.top.editing == nil ? Keymap.hints(.form) : Keymap.hints(.answer) + [("Ctrl-C", "quit")]
        }
        switch state.method.editor {
        case .field?: return Keymap.hints(.answer) + [("Ctrl-U", "clear"), ("Ctrl-C", "quit")]
        case .choice?, .multiChoice?: return Keymap.hints(.choices)
        case .list(let list)?:
            if list.field != nil { return Keymap.hints(.answer) }
            return list.isAddRow ? [("type", "new item"), ("↑", "items")] + Keymap.hints(.list).filter { $0.action == "done" }
                : Keymap.hints(.list)
        case nil: break
        }
        var hints: [(key: String, action: String)]
        switch state.focus {
        case .steps: hints = Keymap.hints(.steps)
        case .questions: hints = Keymap.hints(.questions) + [("]/[", "step")]
        case .design:
            hints = state.designPane.filter?.isTyping == true ? [("type", "filter")] + Keymap.hints(.designFilter) : Keymap.hints(.design)
        }
        if LayoutMode(size: state.size) == .single { hints.append(("v", state.narrowShowsDesign ? "questions" : "design")) }
        // The global hints, most useful first (the line is cut at the right).
        let order = ["zoom", "pane", "undo", "help", "commands", "quit", "save"]
        let global = Keymap.hints(.global).sorted { (order.firstIndex(of: $0.action) ?? 99) < (order.firstIndex(of: $1.action) ?? 99) }
        return hints + global.map { $0.action == "zoom" && state.zoomed ? ($0.key, "unzoom") : $0 }
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        var message = state.statusMessage ?? state.filePath
        if message.isEmpty { message = "new session" }
        if state.statusMessage == nil, case .method = state.screen {
            let errors = state.design.findings.filter { $0.severity == .error }.count
            let count = state.design.findings.count
            let findings = "\(count) finding\(count == 1 ? "" : "s")" + (errors > 0 ? " (\(errors) error\(errors == 1 ? "" : "s"))" : "")
            message = "\(state.designPane.tab.title) · \(findings) · " + message
        }
        // The tab, findings and file take a quarter of the line, leaving the keys room; a transient message a third.
        let shown = DisplayWidth.truncate(message, to: max(10, (state.statusMessage == nil ? rect.width / 4 : rect.width * 3 / 5)))
        StatusBar(hints: hints.map { KeyHint($0.key, $0.action) }, message: shown,
                  messageStyle: state.statusMessage == nil ? .dim : Style(foreground: .green, bold: true))
            .render(in: rect, buffer: &buffer)
    }
}
