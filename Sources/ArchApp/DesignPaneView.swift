import TerminalUI

/// The live design beside the questions, scrolled by `designScroll`.
struct DesignPaneView {
    let state: AppState

    /// Rows the design takes when wrapped to `width`.
    func lineCount(width: Int) -> Int {
        TextView(lines: DesignDocument(catalogue: state.catalogue, session: state.session).lines).wrappedLineCount(width: width)
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let document = DesignDocument(catalogue: state.catalogue, session: state.session)
        let view = TextView(lines: document.lines)
        let inner = Self.textArea(rect)
        let total = view.wrappedLineCount(width: inner.width)
        let offset = Self.clampedScroll(state.designScroll, total: total, visible: inner.height)
        let position = total > inner.height ? "\(offset + 1)–\(min(total, offset + inner.height))/\(total)" : nil
        Pane(title: "Design", info: position, focused: state.focus == .design).render(in: rect, buffer: &buffer)
        TextView(lines: document.lines, state: TextViewState(offset: offset)).render(in: inner, buffer: &buffer)
    }

    /// Inside the border with a column of padding left and right.
    static func textArea(_ rect: Rect) -> Rect {
        let inner = Pane.inner(rect)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }

    static func clampedScroll(_ scroll: Int, total: Int, visible: Int) -> Int {
        max(0, min(scroll, total - visible))
    }
}
