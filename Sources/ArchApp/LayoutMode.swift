import ArchModel
import TerminalUI

/// How the method screen is arranged for the terminal's size.
public enum LayoutMode: Hashable, Sendable {
    /// Steps, questions and design side by side (≥ 100 columns).
    case wide
    /// Narrower but tall: step tabs on top, questions above the design.
    case stacked
    /// Small: step tabs on top and one pane; `v` or Tab switches questions ↔ design.
    case single
    /// Below the minimum: only a message saying so.
    case tooSmall

    /// The smallest terminal the method screen is drawn in.
    public static let minimum = Size(width: 60, height: 16)
    static let wideWidth = 100
    static let stackedHeight = 30

    public init(size: Size) {
        if size.width < Self.minimum.width || size.height < Self.minimum.height {
            self = .tooSmall
        } else if size.width >= Self.wideWidth {
            self = .wide
        } else if size.height >= Self.stackedHeight {
            self = .stacked
        } else {
            self = .single
        }
    }
}

/// Where each part of the method screen goes.
///
/// Wide: the method pane is as wide as its longest line but never more than a fifth of the screen
/// (at least 21 columns, room for "Non-functional"; a longer step title continues on a second row), because it holds five short rows;
/// the questions pane takes 55 % of the rest, at most 64 columns (enough for the longest prompt on two rows)
/// or half the rest on a very wide screen; the design pane everything else. Zoomed, the focused pane takes the whole screen above the status line.
struct MethodLayout {
    var steps: Rect?
    var stepTabs: Rect?
    var questions: Rect?
    var design: Rect?
    var statusBar: Rect

    /// Narrowest and widest method pane in the wide layout.
    static let stepsWidthRange = 21...32
    /// The questions pane's share of what the method pane leaves, and its widest (unless half of that is more).
    static let questionsPercent = 55
    static let questionsMaxWidth = 64

    /// - Parameters:
    ///   - showsDesign: in the single-pane layout, whether the design (not the questions) is shown.
    ///   - zoomed: the pane that takes the whole screen, if any.
    ///   - stepsContentWidth: how wide the method pane would like to be (its longest line and border).
    init(size: Size, showsDesign: Bool, zoomed: FocusedPane? = nil, stepsContentWidth: Int = 32) {
        let screen = Rect(size: size)
        let rows = Layout.split(screen, .vertical, [.fill(1), .fixed(1)])
        statusBar = rows[1]
        let mode = LayoutMode(size: size)
        if let zoomed, mode != .tooSmall {
            switch zoomed {
            case .steps where mode == .wide: steps = rows[0]
            case .design: design = rows[0]
            case .steps, .questions: questions = rows[0]
            }
            return
        }
        switch mode {
        case .wide:
            let stepsWidth = min(stepsContentWidth, max(Self.stepsWidthRange.lowerBound, min(Self.stepsWidthRange.upperBound, size.width / 5)))
            let rest = size.width - stepsWidth
            let questionsWidth = min(rest * Self.questionsPercent / 100, max(Self.questionsMaxWidth, rest / 2))
            let columns = Layout.split(rows[0], .horizontal, [.fixed(stepsWidth), .fixed(questionsWidth), .fill(1)])
            steps = columns[0]
            questions = columns[1]
            design = columns[2]
        case .stacked:
            let parts = Layout.split(rows[0], .vertical, [.fixed(1), .percent(55), .fill(1)])
            stepTabs = parts[0]
            questions = parts[1]
            design = parts[2]
        case .single:
            let parts = Layout.split(rows[0], .vertical, [.fixed(1), .fill(1)])
            stepTabs = parts[0]
            if showsDesign { design = parts[1] } else { questions = parts[1] }
        case .tooSmall:
            break
        }
    }
}

extension AppState {
    /// The method screen laid out for this state: its size, the pane shown on a small screen, the zoom.
    var methodLayout: MethodLayout {
        MethodLayout(size: size, showsDesign: narrowShowsDesign, zoomed: zoomed ? focus : nil,
                     stepsContentWidth: stepsContentWidth)
    }

    /// Keeps the keys going to a pane on screen: after a resize the method pane may be gone (the
    /// questions take the focus), and on a small screen the focused pane is the one shown.
    mutating func keepFocusVisible() {
        switch LayoutMode(size: size) {
        case .wide, .tooSmall:
            break
        case .stacked:
            if focus == .steps { focus = .questions }
        case .single:
            if focus == .steps { focus = .questions }
            narrowShowsDesign = focus == .design
        }
    }
}
