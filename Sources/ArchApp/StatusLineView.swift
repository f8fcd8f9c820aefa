import TerminalUI

/// The bottom line: the keys that apply in the focused pane, and the last status message.
struct StatusLineView {
    let state: AppState

    /// Key hints for what has the keys now, most useful first.
    var hints: [(key: String, action: String)] {
        if state.overlay != nil { return [("Esc", "close"), ("↑↓", "scroll")] }
        switch state.editor {
        case .field?: return [("Enter", "store"), ("Esc", "cancel"), ("Ctrl-U", "clear"), ("Ctrl-C", "quit")]
        case .choice?: return [("↑↓", "choose"), ("Enter", "store"), ("Esc", "cancel")]
        case .multiChoice?: return [("Space", "tick"), ("Enter", "store"), ("Esc", "cancel")]
        case .list(let list)?:
            return list.field == nil
                ? [("Enter", "edit/add"), ("d", "remove"), ("J/K", "move"), ("Esc", "done")]
                : [("Enter", "keep"), ("Esc", "cancel")]
        case nil: break
        }
        var hints: [(String, String)]
        switch state.focus {
        case .steps: hints = [("↑↓", "step"), ("Enter", "questions")]
        case .questions: hints = [("↑↓", "question"), ("Enter", "answer"), ("x", "clear"), ("]/[", "step")]
        case .design: hints = [("↑↓", "scroll"), ("PgDn", "page")]
        }
        if LayoutMode(size: state.size) == .single { hints.append(("v", state.narrowShowsDesign ? "questions" : "design")) }
        return hints + [("Tab", "pane"), ("^S", "save"), ("?", "help"), ("q", "quit")]
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let bar = Style(reverse: true)
        buffer.fill(rect, style: bar)
        var message = state.statusMessage ?? state.filePath
        if message.isEmpty { message = "new session" }
        let messageText = " " + DisplayWidth.truncate(message, to: max(0, rect.width / 3)) + " "
        let messageWidth = DisplayWidth.of(messageText)
        let hintsClip = Rect(x: rect.x, y: rect.y, width: rect.width - messageWidth, height: 1)
        var x = rect.x + 1
        for hint in hints {
            let width = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.action) + 3
            guard x + width <= hintsClip.maxX else { break }
            x += buffer.write(hint.key, x: x, y: rect.y, style: bar.adding(bold: true), clip: hintsClip)
            x += buffer.write(" " + hint.action + "  ", x: x, y: rect.y, style: bar, clip: hintsClip)
        }
        buffer.write(messageText, x: rect.maxX - messageWidth, y: rect.y, style: bar.adding(bold: state.statusMessage != nil), clip: rect)
    }
}
