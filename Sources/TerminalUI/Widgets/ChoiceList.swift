/// Whether a choice list takes one answer (radio buttons) or several (check boxes).
public enum ChoiceMode: Hashable, Sendable {
    case single
    case multiple
}

/// The highlighted option and the chosen ones.
public struct ChoiceState: Hashable, Sendable {
    public var mode: ChoiceMode
    /// Highlight and scroll.
    public var list: ListState
    /// Indices of chosen options; at most one in `.single` mode.
    public var chosen: Set<Int>

    public init(mode: ChoiceMode, chosen: Set<Int> = [], highlighted: Int = 0) {
        self.mode = mode
        self.chosen = mode == .single ? Set(chosen.sorted().prefix(1)) : chosen
        self.list = ListState(selected: highlighted)
    }

    /// Chooses the highlighted option (single) or flips it (multiple).
    public mutating func toggleHighlighted() {
        let index = list.selected
        switch mode {
        case .single: chosen = [index]
        case .multiple:
            if chosen.contains(index) { chosen.remove(index) } else { chosen.insert(index) }
        }
    }

    /// Moves with the list keys; Space toggles; Enter chooses in single mode. True if the key was used.
    public mutating func handle(_ key: Key, count: Int, visibleRows: Int) -> Bool {
        if list.handle(key, count: count, visibleRows: visibleRows) { return true }
        switch key {
        case .character(" ") where count > 0: toggleHighlighted()
        case .enter where mode == .single && count > 0: toggleHighlighted()
        default: return false
        }
        return true
    }
}

/// A list of options with radio buttons `(•)`/`( )` or check boxes `[x]`/`[ ]`.
public struct ChoiceList: Sendable {
    public var options: [String]
    public var state: ChoiceState
    public var focused: Bool

    public init(options: [String], state: ChoiceState, focused: Bool = false) {
        self.options = options
        self.state = state
        self.focused = focused
    }

    /// The marker drawn before an option.
    public func marker(chosen: Bool) -> String {
        switch state.mode {
        case .single: return chosen ? "(•)" : "( )"
        case .multiple: return chosen ? "[x]" : "[ ]"
        }
    }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let items = options.enumerated().map { index, option in
            [Span(marker(chosen: state.chosen.contains(index)) + " "), Span(option)]
        }
        ListView(items: items, state: state.list, highlight: focused ? .reverse : .bold).render(in: rect, buffer: &buffer)
    }
}
