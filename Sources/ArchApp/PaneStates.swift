import Foundation

/// The method screen's place: the step and question shown, and the answer being edited.
public struct MethodState: Equatable, Sendable {
    public var step = 0
    /// Index into the current step's *visible* questions.
    public var question = 0
    /// The answer being edited, when one is open; takes the keys first.
    public var editor: AnswerEditor?

    public init() {}
}

/// The design pane: which tab, how far it is scrolled, which item is selected and what the filter keeps.
public struct DesignPaneState: Equatable, Sendable {
    public var tab: DesignTab = .overview
    public var scroll = 0
    /// Index of the selected item among the current tab's selectable items (those the filter keeps). It follows
    /// its item when a new design arrives or the filter changes (see `followingSelection`).
    public var selection = 0
    /// The design pane's filter (`/`), applied to every tab until cleared.
    public var filter: DesignFilter?

    public init() {}
}

/// The design tabs laid out for one design (see `DesignTabText`), kept between frames so that a keystroke does
/// not measure a large tab again. A cache, made from the state and never part of it: `reduce` does not fill it;
/// whoever needs a tab's layout (the view, a key that moves the selection) asks `AppState.designTabText(width:)`,
/// which makes it once. A state whose session or design changes gets a cache of its own, so two copies of a
/// state that went different ways never share a layout.
final class DesignLayouts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [DesignTab: DesignTabText] = [:]

    init() {}

    private init(texts: [DesignTab: DesignTabText]) { self.texts = texts }

    /// The layout of `tab` made last, whatever it was made for.
    func kept(_ tab: DesignTab) -> DesignTabText? { lock.withLock { texts[tab] } }

    /// Keeps `text` as its tab's layout and forgets the tabs laid out for another design or width.
    func keep(_ text: DesignTabText) {
        lock.withLock {
            texts = texts.filter { $0.value.key.derived == text.key.derived && $0.value.key.width == text.key.width }
            texts[text.key.tab] = text
        }
    }

    /// The tabs laid out so far: the keys of those kept.
    var tabs: Set<DesignTab> { lock.withLock { Set(texts.keys) } }

    /// A cache of its own for a state whose session changed while its design did not: every tab but the
    /// Overview (the only one that shows the session) is still laid out right.
    func keepingDesignTabs() -> DesignLayouts {
        DesignLayouts(texts: lock.withLock { texts.filter { $0.key != .overview } })
    }
}
