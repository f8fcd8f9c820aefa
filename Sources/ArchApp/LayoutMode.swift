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
struct MethodLayout {
    var steps: Rect?
    var stepTabs: Rect?
    var questions: Rect?
    var design: Rect?
    var statusBar: Rect

    init(size: Size, showsDesign: Bool) {
        let screen = Rect(size: size)
        let rows = Layout.split(screen, .vertical, [.fill(1), .fixed(1)])
        statusBar = rows[1]
        switch LayoutMode(size: size) {
        case .wide:
            let columns = Layout.split(rows[0], .horizontal, [.fixed(32), .percent(39), .fill(1)])
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
