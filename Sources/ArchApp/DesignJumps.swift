import ArchModel
import TerminalUI

extension AppState {
    /// Goes to what a finding is about: an entity's form (at the field, for a field), a defined service's form,
    /// an endpoint, table, component or flow selected in its tab, or the question. False when it is about
    /// nothing one can go to (the design as a whole, an endpoint override): then `t` is all there is.
    mutating func go(to subject: FindingSubject) -> Bool {
        switch subject {
        case .none, .endpointOverride:
            return false
        case .entity(let id):
            guard let entity = session.entity(id) else { return gone("entity") }
            openForm(.entity(id), from: .design)
            // An entity without fields is what most findings about one say: the cursor waits on "+ add field".
            if entity.fields.isEmpty, let row = FormRows(session: session).rows(for: .entity(id))?.firstIndex(where: { $0.key == .add(.fields) }) {
                form?.top.cursor = row
            }
        case .field(let entity, let field):
            guard session.entity(entity) != nil else { return gone("entity") }
            openForm(.entity(entity), from: .design)
            if let row = FormRows(session: session).rows(for: .entity(entity))?.firstIndex(where: { $0.key == .item(.field(field)) }) {
                form?.top.cursor = row
            }
        case .endpoint(let id):
            selectDesignItem(.endpoint(id), in: .api)
        case .table(let id):
            selectDesignItem(.table(id), in: .schema)
        case .service(let name):
            if let service = session.services.first(where: { NameKey($0.name) == NameKey(name) }) {
                openForm(.service(service.id), from: .design)
            } else {
                selectDesignItem(.component(name), in: .components)
            }
        case .component(let name):
            selectDesignItem(.component(name), in: .components)
        case .flow(let id):
            selectDesignItem(.sequence(.flow(id)), in: .sequences)
        case .question(let id):
            openQuestion(id)
        }
        return true
    }

    private mutating func gone(_ what: String) -> Bool {
        statusMessage = "The \(what) this finding is about is gone (t: why)"
        return true
    }

    /// Shows `tab` with the item `id` selected, at the top of the pane; clears a filter that hides it.
    mutating func selectDesignItem(_ id: DesignItemID, in tab: DesignTab) {
        guard let rect = methodLayout.design else { return }
        designPane.select(tab)
        func position(in text: DesignTabText) -> Int? { text.selectable.firstIndex { text.items.id($0) == id } }
        var content = DesignPaneContent(state: self, paneRect: rect)
        if position(in: content.text) == nil, designPane.filter != nil {
            designPane.filter = nil
            content = DesignPaneContent(state: self, paneRect: rect)
            statusMessage = "Filter cleared: it hid the item"
        }
        guard let found = position(in: content.text) else {
            statusMessage = "Not in the \(tab.title) tab of this design (t: why)"
            return
        }
        designPane.selection = found
        designPane.scroll = content.clampedScroll(content.text.starts[content.text.selectable[found]])
    }

    /// Goes to question `id`: its step, the question selected, the questions pane focused.
    mutating func openQuestion(_ id: String) {
        guard let step = catalogue.steps.firstIndex(where: { $0.questions.contains { $0.id == id } }) else {
            statusMessage = "There is no question \(id) in this method"
            return
        }
        selectStep(step)
        if let index = visibleQuestions.firstIndex(where: { $0.id == id }) {
            method.question = index
        } else if let question = currentStep.questions.first(where: { $0.id == id }) {
            statusMessage = "“\(question.prompt)” is not asked with the current answers"
        }
        if LayoutMode(size: size) == .single { narrowShowsDesign = false }
        focus = .questions
    }
}
