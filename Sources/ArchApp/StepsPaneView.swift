import ArchModel
import TerminalUI

/// The method pane: the five steps with progress marks; the current step highlighted.
struct StepsPaneView {
    let state: AppState

    /// What the pane is drawn from (`PaneImages`): the steps' progress follows the session.
    struct Key: Equatable {
        let rect: Rect, focused: Bool, step: Int, revision: Int, steps: Int
        init(state: AppState, rect: Rect) {
            self.rect = rect
            focused = state.focus == .steps
            step = state.method.step
            revision = state.designRevision
            steps = state.catalogue.steps.count
        }
    }

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let focused = state.focus == .steps
        let inner = Pane(title: "Method", focused: focused).render(in: rect, buffer: &buffer)
        // A title too long for the pane continues on a second row: the pane has rows to spare, not columns.
        let titleWidth = max(1, inner.width - 3)
        let rows = state.catalogue.steps.enumerated().map { index, step -> [[Span]] in
            let progress = state.progress(of: step)
            let mark = ProgressMark.of(answered: progress.answered, total: progress.total)
            let markStyle = mark == "✓" ? Style(foreground: .green, bold: true) : Style.dim
            let title = Self.titleRows(number: index + 1, title: step.title, width: titleWidth)
            return [[Span(" \(mark) ", markStyle), Span(title[0])]] + title.dropFirst().map { [Span("   " + $0)] }
        }
        let list = MultiRowListView(items: rows, selected: state.method.step, highlight: focused ? .reverse : .bold)
        let listRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: min(inner.height, rows.joined().count))
        list.render(in: listRect, buffer: &buffer)
        // Answered counts under the list: how far along the whole method is.
        let totals = state.catalogue.steps.map { state.progress(of: $0) }
        let answered = totals.reduce(0) { $0 + $1.answered }, total = totals.reduce(0) { $0 + $1.total }
        let y = listRect.maxY + 1
        if y < inner.maxY {
            buffer.write(" \(answered) of \(total) answered", x: inner.x, y: y, style: .dim, clip: inner)
        }
        let step = state.currentStep
        let progress = state.progress(of: step)
        if y + 2 < inner.maxY {
            buffer.write(" This step: \(progress.answered)/\(progress.total)", x: inner.x, y: y + 1, style: .dim, clip: inner)
        }
    }
}

extension StepsPaneView {
    /// A step's number and title in rows of `width`: the title wraps in its own column, after the number,
    /// so later rows start under the title's first word (at most three rows, the last ending in `…`).
    static func titleRows(number: Int, title: String, width: Int) -> [String] {
        let lead = "\(number) "
        let whole = lead + title
        guard DisplayWidth.of(whole) > width else { return [whole] }
        let column = max(1, width - DisplayWidth.of(lead))
        var rows = WordWrap.wrap(title, width: column)
        if rows.count > 3 { rows = Array(rows.prefix(2)) + [DisplayWidth.truncate(rows.dropFirst(2).joined(separator: " "), to: column)] }
        let indent = String(repeating: " ", count: DisplayWidth.of(lead))
        return [lead + rows[0]] + rows.dropFirst().map { indent + $0 }
    }

    /// The width the pane needs to show every line whole: its longest step title or total, and the border.
    static func contentWidth(of catalogue: Catalogue) -> Int {
        let questions = catalogue.steps.map(\.questions.count)
        let total = questions.reduce(0, +), most = questions.max() ?? 0
        let titles = catalogue.steps.enumerated().map { 3 + DisplayWidth.of("\($0.offset + 1) \($0.element.title)") }
        let totals = [DisplayWidth.of(" \(total) of \(total) answered"), DisplayWidth.of(" This step: \(most)/\(most)")]
        return (titles + totals).max()! + 2
    }
}

/// The one-line step bar used on narrow terminals instead of the method pane.
struct StepTabsView {
    let state: AppState

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        buffer.fill(rect)
        var x = rect.x
        for (index, step) in state.catalogue.steps.enumerated() {
            let progress = state.progress(of: step)
            let mark = ProgressMark.of(answered: progress.answered, total: progress.total)
            let selected = index == state.method.step
            let title = selected ? "\(index + 1) \(step.title)" : "\(index + 1)"
            let style = selected ? Style(foreground: .cyan, bold: true, reverse: true) : Style.plain
            x += buffer.write(" \(mark) \(title) ", x: x, y: rect.y, style: style, clip: rect)
            x += buffer.write("│", x: x, y: rect.y, style: .dim, clip: rect)
        }
    }
}
