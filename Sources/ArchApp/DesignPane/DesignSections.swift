import ArchModel
import TerminalUI

/// The content of each design tab, as items. The same text is printed by `archtui render`.
public struct DesignSections {
    let design: Design
    let session: Session
    let catalogue: Catalogue

    public init(design: Design, session: Session, catalogue: Catalogue) {
        self.design = design
        self.session = session
        self.catalogue = catalogue
    }

    func items(for tab: DesignTab) -> [DesignItem] {
        switch tab {
        case .overview: return overview
        case .decisions: return decisions
        case .components: return components
        case .api: return api
        case .schema: return schema
        case .sequences: return sequences
        case .deployment: return deployment
        case .security: return security
        case .capacity: return capacity
        case .findings: return findings
        }
    }

    /// A tab as plain text lines (no styles), for `archtui render`.
    public func plainText(for tab: DesignTab) -> [String] {
        items(for: tab).flatMap { $0.lines.map(\.plainText) }
    }

    /// Bullet lines with a hanging indent.
    static func bullets(_ texts: [String], label: String? = nil, indent: String = "  ") -> [[Span]] {
        var lines: [[Span]] = []
        if let label, !texts.isEmpty { lines.append([Span(indent + label, DesignStyle.note)]) }
        lines += texts.map { [Span(indent + (label == nil ? "• " : "  • ") + $0)] }
        return lines
    }

    static func empty(_ text: String) -> [DesignItem] { [.note(text)] }
}
