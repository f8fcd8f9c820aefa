import Foundation
import TerminalUI

/// The method screen's place: the step and question shown, and the answer being edited.
public struct MethodState: Equatable, Sendable {
    public var step = 0
    /// Index into the current step's *visible* questions.
    public var question = 0
    /// The answer being edited, when one is open; takes the keys first.
    public var editor: AnswerEditor?

    public init() {}

    /// Goes to step `index` (kept within the `steps` there are) at its first question.
    mutating func select(step index: Int, of steps: Int) {
        let clamped = min(max(0, index), steps - 1)
        guard clamped != step else { return }
        step = clamped
        question = 0
    }

    /// The steps pane's moves.
    mutating func moveStep(_ action: Action, steps: Int) {
        switch action {
        case .down: select(step: step + 1, of: steps)
        case .up: select(step: step - 1, of: steps)
        case .first: select(step: 0, of: steps)
        case .last: select(step: steps - 1, of: steps)
        default: break
        }
    }

    /// The questions pane's moves among the step's `questions` visible ones.
    mutating func moveQuestion(_ action: Action, questions count: Int) {
        switch action {
        case .down: question = min(count - 1, question + 1)
        case .up: question = max(0, question - 1)
        case .first: question = 0
        case .last: question = count - 1
        case .pageDown: question = min(count - 1, question + 10)
        case .pageUp: question = max(0, question - 10)
        default: break
        }
        question = max(0, question)
    }
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

    /// The pane's own keys: moving among the tabs, and among the items of the tab laid out in `content` (asked
    /// for only by the keys that move in it). False for a key that needs more than the pane (opening, explaining,
    /// editing or filtering an item).
    mutating func reduce(_ action: Action, key: Key, in content: () -> DesignPaneContent) -> Bool {
        switch action {
        case .previousTab: select(tab.neighbour(forward: false))
        case .nextTab: select(tab.neighbour(forward: true))
        case .tabByNumber:
            guard case .character(let digit) = key, let number = Int(String(digit)),
                  let tab = DesignTab(rawValue: number == 0 ? 9 : number - 1) else { return true }
            select(tab)
        case .first:
            selection = 0
            scroll = 0
        case .down, .up, .pageDown, .pageUp, .last:
            let content = content()
            let page = max(1, content.area.height - 1)
            switch action {
            case .down: moveSelection(by: 1, in: content)
            case .up: moveSelection(by: -1, in: content)
            case .pageDown: scroll = content.clampedScroll(scroll + page)
            case .pageUp: scroll = content.clampedScroll(scroll - page)
            default:
                selection = max(0, content.selectableCount - 1)
                scroll = content.clampedScroll(content.lineCount)
            }
        default: return false
        }
        return true
    }

    /// Shows `tab` from its top, its first item selected.
    mutating func select(_ tab: DesignTab) {
        self.tab = tab
        selection = 0
        scroll = 0
    }

    /// Moves to the next selectable item, scrolled into view; scrolls when the tab has none to select.
    mutating func moveSelection(by step: Int, in content: DesignPaneContent) {
        guard content.selectableCount > 0 else {
            scroll = content.clampedScroll(scroll + step)
            return
        }
        selection = min(max(0, selection + step), content.selectableCount - 1)
        scroll = DesignPaneContent(text: content.text, pane: self, paneRect: content.paneRect).scrollShowingSelection(from: scroll)
    }
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
