import ArchModel
import TerminalUI

/// The current step's questions as a form, with the open editor (or the selected question's help) below.
struct QuestionsPaneView {
    let state: AppState

    func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let step = state.currentStep
        let questions = state.visibleQuestions
        let progress = state.progress(of: step)
        let title = "\(state.method.step + 1)/\(state.catalogue.steps.count) \(step.title)"
        let inner = Pane(title: title, info: "\(progress.answered)/\(progress.total)", focused: state.focus == .questions)
            .render(in: rect, buffer: &buffer)
        guard inner.height >= 4 else { return }

        let detail = DetailArea(state: state, width: inner.width)
        let detailHeight = min(detail.height, max(3, inner.height / 2))
        let listHeight = inner.height - detailHeight - 1
        let listRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: listHeight)
        state.paneImages.draw("questions", key: ListKey(state: state, rect: listRect), in: listRect, buffer: &buffer) {
            renderList(questions, in: listRect, buffer: &$0)
        }

        let separatorY = listRect.maxY
        buffer.fill(Rect(x: inner.x, y: separatorY, width: inner.width, height: 1).intersection(inner), style: .dim, with: "─")
        let detailRect = Rect(x: inner.x, y: separatorY + 1, width: inner.width, height: detailHeight)
        detail.render(in: detailRect, buffer: &buffer)
    }

    /// What the question list is drawn from (`PaneImages`): the step's questions and their answers follow the session.
    struct ListKey: Equatable {
        let rect: Rect, step: Int, question: Int, focused: Bool, revision: Int
        init(state: AppState, rect: Rect) {
            self.rect = rect
            step = state.method.step
            question = state.method.question
            focused = state.focus == .questions && state.method.editor == nil
            revision = state.designRevision
        }
    }

    private func renderList(_ questions: [Question], in rect: Rect, buffer: inout ScreenBuffer) {
        let columns = QuestionColumns(width: rect.width)
        let rows = questions.map { question -> [[Span]] in
            let answer = AnswerText.summary(of: question, in: state.session)
            let mark = answer == nil ? Span(" · ", .dim) : Span(" ✓ ", Style(foreground: .green))
            let prompt = columns.promptRows(question.prompt)
            let value = answer.map { Span(DisplayWidth.truncate($0, to: columns.answer), .bold) } ?? Span("—", .dim)
            return [[mark, Span(DisplayWidth.pad(prompt[0], to: columns.prompt)), value]]
                + prompt.dropFirst().map { [Span("   " + $0)] }
        }
        let focused = state.focus == .questions && state.method.editor == nil
        MultiRowListView(items: rows, selected: state.method.question, highlight: focused ? .reverse : .underline)
            .render(in: rect, buffer: &buffer)
    }
}

/// How a question row shares the list's width: the mark, the prompt (wrapped onto a second row when
/// longer), the answer. The answer column gets 30 % (8…24 cells, less where the prompt would get under
/// `promptMinimum`): answers are mostly short, prompts not.
struct QuestionColumns {
    static let markWidth = 3
    /// Rows a prompt may take; a longer one ends in `…` on the last.
    static let promptRowLimit = 2

    let prompt: Int
    let answer: Int

    /// The prompt column is never narrower than this while the answer can keep 8 cells: two rows of 25
    /// hold the longest shipped prompt.
    static let promptMinimum = 26

    init(width: Int) {
        let room = width - Self.markWidth - 1
        var answer = min(24, max(8, width * 3 / 10))
        if room - answer < Self.promptMinimum { answer = max(8, room - Self.promptMinimum) }
        self.answer = answer
        prompt = max(8, room - answer)
    }

    /// The prompt word-wrapped to its column (one cell kept free before the answer), at most two rows.
    func promptRows(_ text: String) -> [String] {
        let room = max(1, prompt - 1)
        let wrapped = WordWrap.wrap(text, width: room)
        guard wrapped.count > Self.promptRowLimit else { return wrapped.isEmpty ? [""] : wrapped }
        let kept = wrapped.prefix(Self.promptRowLimit - 1)
        let rest = wrapped.dropFirst(Self.promptRowLimit - 1).joined(separator: " ")
        return kept + [DisplayWidth.truncate(rest, to: room)]
    }
}

extension Style {
    static let underline = Style(underline: true)
}
