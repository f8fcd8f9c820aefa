import TerminalUI

/// The bottom line: the keys that apply in the focused pane, and the last status message.
struct StatusLineView {
    let state: AppState

    /// Key hints for what has the keys now, most useful first.
    var hints: [(key: String, action: String)] {
        if case .confirm? = state.overlay { return [("y", "yes"), ("n  Esc", "no"), ("←→", "choose")] }
        if state.overlay != nil { return [("Esc", "close"), ("↑↓", "scroll")] }
        if let form = state.form {
            return form.top.editing == nil
                ? [("↑↓", "row"), ("Enter", "edit/open"), ("a", "add"), ("d", "delete"), ("u", "undo"), ("Esc", "back"), ("?", "help")]
                : [("Enter", "store"), ("Esc", "cancel"), ("Tab", "complete"), ("Ctrl-C", "quit")]
        }
        switch state.editor {
        case .field?: return [("Enter", "store"), ("Esc", "cancel"), ("Ctrl-U", "clear"), ("Ctrl-C", "quit")]
        case .choice?: return [("↑↓", "choose"), ("Enter", "store"), ("Esc", "cancel")]
        case .multiChoice?: return [("Space", "tick"), ("Enter", "store"), ("Esc", "cancel")]
        case .list(let list)?:
            return list.field == nil
                ? (list.isAddRow ? [("type", "new item"), ("Enter", "edit/add"), ("↑", "items"), ("Esc", "done")]
                    : [("Enter", "edit/add"), ("d", "remove"), ("y", "copy"), ("J/K", "move"), ("u", "undo"), ("Esc", "done")])
                : [("Enter", "keep"), ("Esc", "cancel")]
        case nil: break
        }
        var hints: [(String, String)]
        switch state.focus {
        case .steps: hints = [("↑↓", "step"), ("Enter", "questions")]
        case .questions: hints = [("↑↓", "question"), ("Enter", "answer"), ("x", "clear"), ("u", "undo"), ("]/[", "step")]
        case .design: hints = [("←→", "tab"), ("↑↓", "item"), ("t", "why"), ("PgDn", "page")]
        }
        if LayoutMode(size: state.size) == .single { hints.append(("v", state.narrowShowsDesign ? "questions" : "design")) }
        return hints + [("z", state.zoomed ? "unzoom" : "zoom"), ("Tab", "pane"), ("^S", "save"), ("?", "help"), ("q", "quit")]
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        var message = state.statusMessage ?? state.filePath
        if message.isEmpty { message = "new session" }
        if state.statusMessage == nil, case .method = state.screen {
            let errors = state.design.findings.filter { $0.severity == .error }.count
            let count = state.design.findings.count
            let findings = "\(count) finding\(count == 1 ? "" : "s")" + (errors > 0 ? " (\(errors) error\(errors == 1 ? "" : "s"))" : "")
            message = "\(state.designTab.title) · \(findings) · " + message
        }
        // The tab, findings and file take a quarter of the line, leaving the keys room; a transient message a third.
        let shown = DisplayWidth.truncate(message, to: max(10, rect.width / (state.statusMessage == nil ? 4 : 3)))
        StatusBar(hints: hints.map { KeyHint($0.key, $0.action) }, message: shown,
                  messageStyle: state.statusMessage == nil ? .dim : Style(foreground: .green, bold: true))
            .render(in: rect, buffer: &buffer)
    }
}
