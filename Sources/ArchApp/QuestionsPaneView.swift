import ArchModel
import TerminalUI

/// The current step's questions as a form, with the open editor (or the selected question's help) below.
struct QuestionsPaneView {
    let state: AppState

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let step = state.currentStep
        let questions = state.visibleQuestions
        let progress = state.progress(of: step)
        let title = "\(state.stepIndex + 1)/\(state.catalogue.steps.count) \(step.title)"
        let inner = Pane(title: title, info: "\(progress.answered)/\(progress.total)", focused: state.focus == .questions)
            .render(in: rect, buffer: &buffer)
        guard inner.height >= 4 else { return }

        let detail = DetailArea(state: state, width: inner.width)
        let detailHeight = min(detail.height, max(3, inner.height / 2))
        let listHeight = inner.height - detailHeight - 1
        let listRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: listHeight)
        renderList(questions, in: listRect, buffer: &buffer)

        let separatorY = listRect.maxY
        buffer.write(String(repeating: "─", count: inner.width), x: inner.x, y: separatorY, style: .dim, clip: inner)
        let detailRect = Rect(x: inner.x, y: separatorY + 1, width: inner.width, height: detailHeight)
        detail.render(in: detailRect, buffer: &buffer)
    }

    private func renderList(_ questions: [Question], in rect: Rect, buffer: inout ScreenBuffer) {
        let promptWidth = max(10, rect.width / 2)
        let answerWidth = max(1, rect.width - promptWidth - 3 - 1)
        let rows = questions.map { question -> [Span] in
            let answer = AnswerText.summary(of: question, in: state.session)
            let mark = answer == nil ? Span(" · ", .dim) : Span(" ✓ ", Style(foreground: .green))
            let prompt = Span(DisplayWidth.pad(DisplayWidth.truncate(question.prompt, to: promptWidth - 1), to: promptWidth))
            let value = answer.map { Span(DisplayWidth.truncate($0, to: answerWidth), .bold) } ?? Span("—", .dim)
            return [mark, prompt, value]
        }
        let focused = state.focus == .questions && state.editor == nil
        ListView(items: rows, state: ListState(selected: state.questionIndex),
                 highlight: focused ? .reverse : .underline)
            .render(in: rect, buffer: &buffer)
    }
}

extension Style {
    static let underline = Style(underline: true)
}
