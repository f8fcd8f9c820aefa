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
    /// The export dialog (`E`).
    case export(ExportDialogState)
    /// A question with several answers (recover a journal; a file changed on disk or read-only).
    case choose(ChoiceDialog)
    /// Asking for another file to save to (`W`, or an option of a choice).
    case saveAs(SaveAsState)
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
    public var catalogue: Catalogue {
        didSet { stepsContentWidth = StepsPaneView.contentWidth(of: catalogue) }
    }
    /// The method pane's width for the catalogue (`StepsPaneView.contentWidth`), measured once, not on every frame.
    private(set) var stepsContentWidth: Int
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
        followingSelection {
            $0.designRevision += 1
            $0.layouts = $0.layouts.keepingDesignTabs()
            if $0.derivesDesignInline { $0.takeDesign($0.deriveDesign($0.session), revision: $0.designRevision) }
        }
    }

    /// Applies `edit` through the one edit path and records it for undo under `label` ("delete entity Loan").
    /// An edit that changes nothing is not recorded.
    public mutating func perform(_ edit: SessionEdit, _ label: String) {
        let before = session
        let inverse = session.apply(edit)
        guard session != before else { return }
        appliedEdits.append(edit)
        history.record(EditHistory.Step(forward: edit, inverse: inverse, label: label))
        sessionChanged()
    }

    /// Every edit applied to the session since the runtime last took them (`takeAppliedEdits`), in order; an undo is
    /// its inverse. Replayed on the session as it was, they give the session as it is (the journal relies on it).
    public private(set) var appliedEdits: [SessionEdit] = []

    /// The edits applied since the last call, for the journal.
    public mutating func takeAppliedEdits() -> [SessionEdit] {
        defer { appliedEdits = [] }
        return appliedEdits
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
        appliedEdits.append(step.inverse)
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
        appliedEdits.append(step.forward)
        history.pushUndoKeepingRedo(EditHistory.Step(forward: step.forward, inverse: inverse, label: step.label))
        sessionChanged()
        clampQuestionIndex()
        statusMessage = "redid: " + step.label
    }

    /// Starts over on another session (a file just opened): nothing to undo.
    public mutating func replaceSession(_ newSession: Session) {
        session = Self.normalized(newSession)
        appliedEdits = [] // a new base: the journal starts over from it
        history = EditHistory()
        sessionChanged()
    }

    /// Takes a design derived from session revision `revision`, unless a newer one is already shown.
    mutating func adoptDesign(_ newDesign: Design, revision: Int) {
        let paneBefore = designPane
        followingSelection { $0.takeDesign(newDesign, revision: revision) }
        selectAwaitedItem(derivedFrom: revision, paneBefore: paneBefore)
    }

    /// An item just edited in a form, to be selected once a design derived after the edit arrives (the design
    /// is derived in the background, so the item may not be in the design shown when the form closes).
    struct AwaitedSelection: Equatable {
        let item: DesignItemID
        let tab: DesignTab
        /// The session revision whose design holds the item.
        let revision: Int
        /// The design pane when the form closed: a user who moved on since is not moved back.
        let pane: DesignPaneState
    }
    var awaitedSelection: AwaitedSelection?

    private mutating func selectAwaitedItem(derivedFrom revision: Int, paneBefore: DesignPaneState) {
        guard let awaited = awaitedSelection else { return }
        guard revision >= awaited.revision else {
            // An older design came first and the selection followed its items: still the pane the user left.
            if paneBefore == awaited.pane {
                awaitedSelection = AwaitedSelection(item: awaited.item, tab: awaited.tab, revision: awaited.revision, pane: designPane)
            }
            return
        }
        awaitedSelection = nil
        guard case .method = screen, form == nil, paneBefore == awaited.pane, designPane.tab == awaited.tab else { return }
        let message = statusMessage
        selectDesignItem(awaited.item, in: awaited.tab)
        statusMessage = message
    }

    private mutating func takeDesign(_ newDesign: Design, revision: Int) {
        guard revision >= derivedRevision else { return }
        design = newDesign
        derivedRevision = revision
        layouts = DesignLayouts()
    }
    /// The design tabs laid out so far (a cache; see `DesignLayouts`).
    private(set) var layouts = DesignLayouts()
    /// The panes as last drawn, with what they were drawn from (a cache; see `PaneImages`).
    var paneImages = PaneImages()
    /// What follows from the session; derived, never edited.
    public private(set) var design: Design
    public let deriveDesign: DesignDeriver
    /// Where the session is saved; shown in the status bar.
    public var filePath: String
    public var screen: Screen
    public var focus: FocusedPane = .questions
    /// The steps and questions: where the user is in the method, and the answer being edited.
    public var method = MethodState()
    /// The model editor (entity, field, relation, service and call forms), when open; takes the keys first.
    public var form: FormState?
    /// Why the last edit was refused; cleared by the next key.
    public var inlineError: String?
    public var designPane = DesignPaneState()
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
        self.stepsContentWidth = StepsPaneView.contentWidth(of: catalogue)
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

    public var currentStep: MethodStep { catalogue.steps[method.step] }

    /// The current design tab laid out at `width`: the kept one when still current, the kept measurement with
    /// another filter applied when only the filter changed, else made now; kept for the next frame and key.
    func designTabText(width: Int) -> DesignTabText {
        let key = DesignTabText.Key(state: self, width: width)
        let kept = layouts.kept(designPane.tab)
        if let kept, kept.key == key { return kept }
        let text = if let kept, kept.key.unfiltered == key.unfiltered {
            DesignTabText(key: key, measured: kept.measured, search: kept.search)
        } else {
            DesignTabText(state: self, width: width)
        }
        layouts.keep(text)
        return text
    }

    /// Makes `change` (a new design, a session edit, another filter) and moves the selection from its item in the
    /// tab as it was shown to the same item in the tab as it is now (see `followSelection`). Nothing is laid out
    /// when the tab was not shown before: then there is no item on screen to follow.
    mutating func followingSelection(_ change: (inout AppState) -> Void) {
        guard case .method = screen, methodLayout.design != nil,
              let shown = layouts.kept(designPane.tab),
              shown.key == DesignTabText.Key(state: self, width: shown.key.width) else { return change(&self) }
        change(&self)
        guard case .method = screen, designPane.tab == shown.key.tab, let newRect = methodLayout.design else { return }
        let text = designTabText(width: DesignPaneContent.area(in: newRect, filtered: designPane.filter != nil).width)
        if text.key.atWidth(shown.key.width) != shown.key {
            followSelection(from: shown, to: text, paneRect: newRect)
        }
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
        return questions.indices.contains(method.question) ? questions[method.question] : nil
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
        if question.kind == .systems { return !systems.isEmpty }
        // Services not defined are derived from the bounded contexts: answering those answers this.
        if question.kind == .services { return !services.isEmpty || !(answers["services.bounded_contexts"]?.isEmpty ?? true) }
        guard let answer = answers[question.id] else { return false }
        return !answer.isEmpty
    }
}

/// Whole states compare in tests (as TCA's TestStore does): everything the user can see or change. The
/// derivation function and the kept layouts of the design tabs (a cache, made from the rest) are left out.
extension AppState: Equatable {
    public static func == (lhs: AppState, rhs: AppState) -> Bool {
        lhs.catalogue == rhs.catalogue && lhs.session == rhs.session && lhs.history == rhs.history
            && lhs.designRevision == rhs.designRevision && lhs.derivedRevision == rhs.derivedRevision
            && lhs.derivesDesignInline == rhs.derivesDesignInline && lhs.design == rhs.design
            && lhs.filePath == rhs.filePath && lhs.screen == rhs.screen && lhs.focus == rhs.focus
            && lhs.method == rhs.method && lhs.form == rhs.form && lhs.inlineError == rhs.inlineError
            && lhs.designPane == rhs.designPane && lhs.awaitedSelection == rhs.awaitedSelection && lhs.overlay == rhs.overlay
            && lhs.narrowShowsDesign == rhs.narrowShowsDesign && lhs.zoomed == rhs.zoomed
            && lhs.statusMessage == rhs.statusMessage && lhs.size == rhs.size
    }
}
