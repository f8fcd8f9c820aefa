import ArchModel
import TerminalUI

extension AppState {
    /// Keys on the method screen: the open editor first, then global keys, then the focused pane.
    mutating func handleMethod(_ key: Key) -> [Effect] {
        if form != nil {
            if form?.top.editing == nil, let action = Keymap.action(for: key, in: .form), action == .save || action == .quit,
               !(formCursorOnAddRow && key == .character("q")) {
                return action == .save ? [.save] : [.quit]
            }
            handleForm(key)
            return []
        }
        if method.editor != nil { return handleEditor(key) }
        if focus == .design, designPane.filter?.isTyping == true { return handleDesignFilterTyping(key) }
        inlineError = nil
        switch Keymap.action(for: key, in: .global) {
        case .save?: return [.save]
        case .quit?: return [.quit]
        case .help?: overlay = .help(scroll: 0)
        case .palette?: openPalette(for: paletteMode)
        case .nextPane?: cycleFocus(forward: true)
        case .previousPane?: cycleFocus(forward: false)
        case .nextStep?: selectStep(method.step + 1)
        case .previousStep?: selectStep(method.step - 1)
        case .switchNarrowPane?: switchNarrowPane()
        case .zoom?: zoomed.toggle()
        case .export?: openExportDialog()
        case .saveAs?: openSaveAs()
        case .undo?: undo()
        case .redo?: redo()
        default:
            switch focus {
            case .steps: handleStepsPane(key)
            case .questions: handleQuestionsPane(key)
            case .design: handleDesignPane(key)
            }
        }
        return []
    }

    /// The panes that can take focus in the current layout, in Tab order.
    var focusablePanes: [FocusedPane] {
        switch LayoutMode(size: size) {
        case .wide: return [.steps, .questions, .design]
        case .stacked: return [.questions, .design]
        case .single, .tooSmall: return narrowShowsDesign ? [.design] : [.questions]
        }
    }

    mutating func cycleFocus(forward: Bool) {
        if LayoutMode(size: size) == .single {
            narrowShowsDesign.toggle()
            focus = narrowShowsDesign ? .design : .questions
            return
        }
        let panes = focusablePanes
        let index = panes.firstIndex(of: focus) ?? 0
        focus = panes[(index + (forward ? 1 : panes.count - 1)) % panes.count]
    }

    /// `v`: questions ↔ design where they do not both fit beside the method pane; the pane shown has the keys.
    mutating func switchNarrowPane() {
        guard LayoutMode(size: size) != .wide else { return }
        focus = focus == .design ? .questions : .design
        narrowShowsDesign = focus == .design
    }

    mutating func selectStep(_ index: Int) { method.select(step: index, of: catalogue.steps.count) }

    private mutating func handleStepsPane(_ key: Key) {
        guard let action = Keymap.action(for: key, in: .steps) else { return }
        if action == .openStep { focus = .questions } else { method.moveStep(action, steps: catalogue.steps.count) }
    }

    private mutating func handleQuestionsPane(_ key: Key) {
        guard let action = Keymap.action(for: key, in: .questions) else { return }
        switch action {
        case .answer: openEditor()
        case .clearAnswer: clearSelectedAnswer()
        case .toMethodPane: if LayoutMode(size: size) == .wide { focus = .steps }
        default: method.moveQuestion(action, questions: visibleQuestions.count)
        }
    }

    private mutating func handleDesignPane(_ key: Key) {
        guard let rect = methodLayout.design, let action = Keymap.action(for: key, in: .design) else { return }
        let state = self
        if designPane.reduce(action, key: key, in: { DesignPaneContent(state: state, paneRect: rect) }) { return }
        let content = DesignPaneContent(state: self, paneRect: rect)
        switch action {
        case .openSubject: openSubject(in: content)
        case .addItem: addInDesign()
        case .deleteItem: deleteInDesign(content.selectedItem.map(content.text.items.item)?.subject)
        case .why: showTrace(in: content)
        case .filter: followingSelection { $0.designPane.filter = DesignFilter($0.designPane.filter?.field.text ?? "", isTyping: true) }
        case .clearFilter: followingSelection { $0.designPane.filter = nil }
        default: break
        }
    }

    /// Enter on a design item: the editor of the entity or service it comes from, for a finding what it is
    /// about, else why it is there.
    private mutating func openSubject(in content: DesignPaneContent) {
        let item = content.selectedItem.map(content.text.items.item)
        switch item?.subject {
        case .entity(let name)?:
            if let entity = session.entity(named: name) { return openForm(.entity(entity.id), from: .design) }
        case .service(let name)?:
            if let service = session.services.first(where: { NameKey($0.name) == NameKey(name) }) {
                return openForm(.service(service.id), from: .design)
            }
            statusMessage = "\(name) is derived from the bounded contexts; define services in step 3 to edit it (t: why)"
            return
        case .endpoint(.generated(let key))?: return openForm(.endpoint(key), from: .design)
        case .endpoint(.custom(let id))?: return openForm(.customEndpoint(id), from: .design)
        case .flow(let id)?: return openForm(.flow(id), from: .design)
        case .question(let id)?: return openQuestion(id)
        case .finding(let about)?: if go(to: about) { return }
        case .endpoint?, nil: break
        }
        showTrace(in: content)
    }

    private mutating func showTrace(in content: DesignPaneContent) {
        let item = content.selectedItem.map(content.text.items.item)
        guard let item, let trace = item.trace else {
            statusMessage = "Nothing selected to explain here"
            return
        }
        overlay = .trace(title: "Why: " + item.title, lines: TraceText(catalogue: catalogue, session: session).lines(for: trace))
    }

    mutating func openEditor() {
        guard let question = selectedQuestion else { return }
        method.editor = .opening(question, in: session)
    }

    /// Clears the answer: at once when it is one value, after a confirmation when it holds more. Undoable.
    private mutating func clearSelectedAnswer() {
        guard let question = selectedQuestion, session.hasAnswer(for: question) else { return }
        let label = "clear “\(question.prompt)”"
        if question.kind == .services {
            let services = session.services
            guard !services.isEmpty else { return }
            let calls = services.reduce(0) { $0 + $1.calls.count }
            let parts = ["\(services.count) service\(services.count == 1 ? "" : "s")", Self.count(calls, "call")].compactMap { $0 }.joined(separator: ", ")
            overlay = .confirm(Confirmation(
                title: "Delete every service?", message: "This removes \(parts); the design then derives services from the bounded contexts.\n\nu undoes it afterwards.",
                edit: .batch(services.reversed().map { .removeService($0.id) }), label: "delete every service (\(parts))"))
            return
        }
        if question.kind == .systems {
            let systems = session.systems
            overlay = .confirm(Confirmation(
                title: "Delete every system?", message: "This removes \(Self.count(systems.count, "system") ?? "no systems") and what was said about them.\n\nu undoes it afterwards.",
                edit: .batch(systems.reversed().map { .removeSystem($0.id) }), label: "delete every system"))
            return
        }
        if question.kind == .entities {
            let entities = session.entities
            let fields = entities.reduce(0) { $0 + $1.fields.count }, relations = entities.reduce(0) { $0 + $1.relations.count }
            let parts = [Self.count(entities.count, "entity"), Self.count(fields, "field"), Self.count(relations, "relation")]
                .compactMap { $0 }.joined(separator: ", ").replacingOccurrences(of: "entitys", with: "entities")
            overlay = .confirm(Confirmation(
                title: "Delete every entity?", message: "This removes \(parts).\n\nu undoes it afterwards.",
                edit: .batch(entities.reversed().map { .removeEntity($0.id) }), label: "delete every entity (\(parts))"))
            return
        }
        let values = session[question.id]?.values ?? []
        if values.count > 1 {
            overlay = .confirm(Confirmation(
                title: "Clear “\(question.prompt)”" + (question.prompt.hasSuffix("?") ? "" : "?"), message: "This removes \(values.count) items: "
                    + values.prefix(5).joined(separator: ", ") + (values.count > 5 ? ", …" : "") + ".\n\nu undoes it afterwards.",
                edit: .setAnswer(question: question.id, nil), label: label))
            return
        }
        perform(.setAnswer(question: question.id, nil), label)
        statusMessage = "Cleared “\(question.prompt)” — u undoes"
        clampQuestionIndex()
    }

    /// Keeps the selection on a visible question after answers change what is shown.
    mutating func clampQuestionIndex() {
        method.question = min(method.question, max(0, visibleQuestions.count - 1))
    }

    /// Moves to the next visible question after an answer is stored; stays on the last one.
    mutating func advanceAfterAnswer(from question: Question) {
        let questions = visibleQuestions
        if let index = questions.firstIndex(of: question) {
            method.question = min(index + 1, questions.count - 1)
            if index == questions.count - 1, method.step < catalogue.steps.count - 1 {
                statusMessage = "Last question of this step: ] goes to the next step"
            }
        } else {
            clampQuestionIndex()
        }
    }
}
