import ArchModel
import TerminalUI

/// The method pane: the five steps with progress marks; the current step highlighted.
struct StepsPaneView {
    let state: AppState

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let focused = state.focus == .steps
        let inner = Pane(title: "Method", focused: focused).render(in: rect, buffer: &buffer)
        let rows = state.catalogue.steps.enumerated().map { index, step -> [Span] in
            let progress = state.progress(of: step)
            let mark = ProgressMark.of(answered: progress.answered, total: progress.total)
            let markStyle = mark == "✓" ? Style(foreground: .green, bold: true) : Style.dim
            return [Span(" \(mark) ", markStyle), Span("\(index + 1) \(step.title)")]
        }
        var list = ListView(items: rows, state: ListState(selected: state.stepIndex),
                            highlight: focused ? .reverse : .bold)
        list.showsScrollIndicators = true
        let listRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: min(inner.height, rows.count))
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

/// The one-line step bar used on narrow terminals instead of the method pane.
struct StepTabsView {
    let state: AppState

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        buffer.fill(rect)
        var x = rect.x
        for (index, step) in state.catalogue.steps.enumerated() {
            let progress = state.progress(of: step)
            let mark = ProgressMark.of(answered: progress.answered, total: progress.total)
            let selected = index == state.stepIndex
            let title = selected ? "\(index + 1) \(step.title)" : "\(index + 1)"
            let style = selected ? Style(foreground: .cyan, bold: true, reverse: true) : Style.plain
            x += buffer.write(" \(mark) \(title) ", x: x, y: rect.y, style: style, clip: rect)
            x += buffer.write("│", x: x, y: rect.y, style: .dim, clip: rect)
        }
    }
}
