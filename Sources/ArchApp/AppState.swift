import ArchModel
import TerminalUI

/// The pane that receives keys.
public enum FocusedPane: Int, Hashable, Sendable, CaseIterable {
    case steps, questions, design
}

/// What sits on top of the panes and takes the keys first.
public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    case message(title: String, text: String)
    /// Why a design element exists: the rules, answers and sources behind it.
    case trace(title: String, lines: [String])
    /// A destructive edit waiting for yes or no.
    case confirm(Confirmation)
    /// The command palette.
    case palette(PaletteState)
}

/// Which screen the app shows.
public enum Screen: Hashable, Sendable {
    /// Choosing what to open when no file was given.
    case launcher(LauncherState)
    /// Naming a new project before its first question.
    case projectName(TextFieldState, error: String?)
    /// The method: steps, questions and design side by side.
    case method
}

/// Everything the TUI shows; changed only by `reduce`.
public struct AppState: Sendable {
    public var catalogue: Catalogue
    /// What the user said. Changed only by `perform` (an edit, recorded for undo), `undo`, `redo` and
    /// `replaceSession` (opening a file); each re-derives `design` once.
    public private(set) var session: Session
    /// What can be undone and redone in this run.
    public private(set) var history = EditHistory()
    /// Counts session changes, so cached renderings of the design know when they are stale.
    public private(set) var designRevision = 0
    /// The session revision `design` was derived from; behind `designRevision` while a derivation runs.
    public private(set) var derivedRevision = 0
    /// True: every session change re-derives the design at once (tests, small sessions). The runtime turns
    /// it off and derives in the background, so a large session never holds up a keystroke.
    public var derivesDesignInline = true

    /// Whether the design shown is older than the session.
    public var designIsStale: Bool { derivedRevision != designRevision }

    /// Marks the design stale and, when deriving inline, derives it now: once per edit.
    private mutating func sessionChanged() {
        designRevision += 1
        if derivesDesignInline { adoptDesign(deriveDesign(session), revision: designRevision) }
    }

    /// Applies `edit` through the one edit path and records it for undo under `label` ("delete entity Loan").
    /// An edit that changes nothing is not recorded.
    public mutating func perform(_ edit: SessionEdit, _ label: String) {
        let before = session
        let inverse = session.apply(edit)
        guard session != before else { return }
        history.record(EditHistory.Step(forward: edit, inverse: inverse, label: label))
        sessionChanged()
    }

    /// Every element with an identity and every reference that can be resolved, resolved.
    private static func normalized(_ session: Session) -> Session {
        var copy = session
        copy.assignIdentities()
        copy.resolveReferences()
        return copy
    }

    /// A fresh identity for a new model element; handing one out changes no content of the session.
    mutating func newID<Tag>() -> ModelID<Tag> { session.identities.next() }

    /// Lends the session's identity allocator, for code that makes new elements.
    mutating func withIdentities<T>(_ body: (inout IdentityAllocator) -> T) -> T { body(&session.identities) }

    /// Undoes the last edit; says what was undone.
    public mutating func undo() {
        guard let step = history.popUndo() else {
            statusMessage = "Nothing to undo"
            return
        }
        let forward = session.apply(step.inverse)
        history.pushRedo(EditHistory.Step(forward: forward, inverse: step.inverse, label: step.label))
        sessionChanged()
        clampQuestionIndex()
        statusMessage = "undid: " + step.label
    }

    /// Redoes the last undone edit; says what was redone.
    public mutating func redo() {
        guard let step = history.popRedo() else {
            statusMessage = "Nothing to redo"
            return
        }
        let inverse = session.apply(step.forward)
        history.pushUndoKeepingRedo(EditHistory.Step(forward: step.forward, inverse: inverse, label: step.label))
        sessionChanged()
        clampQuestionIndex()
        statusMessage = "redid: " + step.label
    }

    /// Starts over on another session (a file just opened): nothing to undo.
    public mutating func replaceSession(_ newSession: Session) {
        session = Self.normalized(newSession)
        history = EditHistory()
        sessionChanged()
    }

    /// Takes a design derived from session revision `revision`, unless a newer one is already shown.
    mutating func adoptDesign(_ newDesign: Design, revision: Int) {
        guard revision >= derivedRevision else { return }
        design = newDesign
        derivedRevision = revision
    }
    /// The design tabs laid out for the current design and pane width (see `DesignTabText`), kept by
    /// `reduce` so that going back to a tab does not measure it again.
    var designTexts: [DesignTab: DesignTabText] = [:]
    /// The key of the tab text last shown: when the next one differs (a new design, another filter or width) the
    /// selection follows its item there (see `followSelection`).
    var shownDesignKey: DesignTabText.Key?
    /// What follows from the session; derived, never edited.
    public private(set) var design: Design
    public let deriveDesign: DesignDeriver
    /// Where the session is saved; shown in the status bar.
    public var filePath: String
    public var screen: Screen
    public var focus: FocusedPane = .questions
    public var stepIndex = 0
    /// Index into the current step's *visible* questions.
    public var questionIndex = 0
    public var editor: AnswerEditor?
    /// The model editor (entity, field, relation, service and call forms), when open; takes the keys first.
    public var form: FormState?
    /// Why the last edit was refused; cleared by the next key.
    public var inlineError: String?
    public var designScroll = 0
    public var designTab: DesignTab = .overview
    /// Index of the selected item among the current tab's selectable items (those the filter keeps). It follows
    /// its item when a new design arrives or the filter changes.
    public var designSelection = 0
    /// The design pane's filter (`/`), applied to every tab until cleared.
    public var designFilter: DesignFilter?
    public var overlay: Overlay?
    /// On narrow terminals only one of questions/design is shown; this says which.
    public var narrowShowsDesign = false
    /// Whether the focused pane fills the screen (`z`); Tab moves the focus and the zoom with it.
    public var zoomed = false
    /// A transient line for the status bar ("Saved", "Save failed: …").
    public var statusMessage: String?
    public var size: Size

    /// - Parameter derivesInline: false starts with the capacity figures only and the design marked stale,
    ///   for a runtime that derives in the background (so the first frame does not wait for the rules).
    public init(catalogue: Catalogue, session: Session, filePath: String, screen: Screen = .method, size: Size,
                deriveDesign: DesignDeriver = .capacityOnly, derivesInline: Bool = true) {
        self.catalogue = catalogue
        self.session = Self.normalized(session)
        self.deriveDesign = deriveDesign
        self.derivesDesignInline = derivesInline
        if derivesInline {
            self.design = deriveDesign(self.session)
        } else {
            self.design = DesignDeriver.capacityOnly(self.session)
            self.derivedRevision = -1
        }
        self.filePath = filePath
        self.screen = screen
        self.size = size
    }

    public var currentStep: MethodStep { catalogue.steps[stepIndex] }

    /// The current design tab laid out at `width`: the kept one when still current, the kept measurement with
    /// another filter applied when only the filter changed, else made now.
    func designTabText(width: Int) -> DesignTabText {
        let key = DesignTabText.Key(state: self, width: width)
        if let kept = designTexts[designTab] {
            if kept.key == key { return kept }
            if kept.key.unfiltered == key.unfiltered { return DesignTabText(key: key, measured: kept.measured, search: kept.search) }
        }
        return DesignTabText(state: self, width: width)
    }

    /// Keeps the current design tab laid out (measured again when the session, the design or the pane's
    /// width changed) with the items in view wrapped, and forgets tabs laid out for another design or width.
    /// When the tab shown before was laid out for another design or filter, the selection follows its item to the
    /// new layout (a resize or zoom alone keeps the selection and the scroll offset as they are).
    mutating func refreshDesignTexts() {
        guard case .method = screen, let rect = methodLayout.design else { return }
        var text = designTabText(width: DesignPaneContent.area(in: rect, filtered: designFilter != nil).width)
        if let shown = shownDesignKey, shown.tab == designTab, shown.atWidth(text.key.width) != text.key,
           let previous = designTexts[designTab], previous.key == shown {
            followSelection(from: previous, to: text, paneRect: rect)
        }
        let content = DesignPaneContent(text: text, state: self, paneRect: rect)
        text.keepWrapped(lines: content.shownLines(scroll: designScroll))
        designTexts = designTexts.filter { $0.value.key.derived == text.key.derived && $0.value.key.width == text.key.width }
        designTexts[designTab] = text
        shownDesignKey = text.key
    }

    /// Tells the user what a just-opened file contained that archtui kept but did not expect.
    public mutating func showWarnings(_ warnings: [String], in path: String) {
        guard !warnings.isEmpty else { return }
        let shown = warnings.prefix(8).joined(separator: "\n")
        let more = warnings.count > 8 ? "\n… and \(warnings.count - 8) more" : ""
        overlay = .message(title: "\(path): \(warnings.count) warning\(warnings.count == 1 ? "" : "s")",
                           text: shown + more + "\n\nEverything was kept; nothing was changed.")
    }

    /// The current step's questions whose show-if holds for the answers so far.
    public var visibleQuestions: [Question] {
        currentStep.questions.filter { session.isShown($0) }
    }

    public var selectedQuestion: Question? {
        let questions = visibleQuestions
        return questions.indices.contains(questionIndex) ? questions[questionIndex] : nil
    }

    /// How many of a step's visible questions are answered, and how many there are.
    public func progress(of step: MethodStep) -> (answered: Int, total: Int) {
        var answered = 0, total = 0 // counted, not filtered into arrays: the view asks for every step on every frame
        for question in step.questions where session.isShown(question) {
            total += 1
            if session.hasAnswer(for: question) { answered += 1 }
        }
        return (answered, total)
    }
}

extension Session {
    /// Whether a question's show-if condition holds for these answers.
    public func isShown(_ question: Question) -> Bool {
        guard let condition = question.showIf else { return true }
        guard let answer = answers[condition.question] else { return false }
        if condition.values.isEmpty { return !answer.isEmpty }
        return !Set(answer.values).isDisjoint(with: condition.values)
    }

    /// Whether the question has a non-empty answer (entities count for the `entities` kind).
    public func hasAnswer(for question: Question) -> Bool {
        if question.kind == .entities { return !entities.isEmpty }
        // Services not defined are derived from the bounded contexts: answering those answers this.
        if question.kind == .services { return !services.isEmpty || !(answers["services.bounded_contexts"]?.isEmpty ?? true) }
        guard let answer = answers[question.id] else { return false }
        return !answer.isEmpty
    }
}

/// Whole states compare in tests (as TCA's TestStore does): everything the user can see or change. The
/// derivation function, the kept layouts of design tabs and the key of the layout last shown (caches, made
/// from the rest) are left out.
extension AppState: Equatable {
    public static func == (lhs: AppState, rhs: AppState) -> Bool {
        lhs.catalogue == rhs.catalogue && lhs.session == rhs.session && lhs.history == rhs.history
            && lhs.designRevision == rhs.designRevision && lhs.derivedRevision == rhs.derivedRevision
            && lhs.derivesDesignInline == rhs.derivesDesignInline && lhs.design == rhs.design
            && lhs.filePath == rhs.filePath && lhs.screen == rhs.screen && lhs.focus == rhs.focus
            && lhs.stepIndex == rhs.stepIndex && lhs.questionIndex == rhs.questionIndex && lhs.editor == rhs.editor
            && lhs.form == rhs.form && lhs.inlineError == rhs.inlineError && lhs.designScroll == rhs.designScroll
            && lhs.designTab == rhs.designTab && lhs.designSelection == rhs.designSelection && lhs.overlay == rhs.overlay
            && lhs.narrowShowsDesign == rhs.narrowShowsDesign && lhs.zoomed == rhs.zoomed
            && lhs.statusMessage == rhs.statusMessage && lhs.size == rhs.size && lhs.designFilter == rhs.designFilter
    }
}
