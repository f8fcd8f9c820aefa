import ArchModel
import TerminalUI

/// The content of each design tab, as items. The same text is printed by `archtui render`.
public struct DesignSections {
    let design: Design
    let session: Session
    let catalogue: Catalogue
    /// The text width the pictures (component boxes, sequence diagrams) are laid out for: the pane's.
    let width: Int

    /// The width `archtui render` lays the pictures out for.
    public static let defaultWidth = 72

    public init(design: Design, session: Session, catalogue: Catalogue, width: Int = DesignSections.defaultWidth) {
        self.design = design
        self.session = session
        self.catalogue = catalogue
        self.width = width
    }

    /// The tab's items: made on demand for API and Schema, which can run to thousands; in advance for the rest.
    func items(for tab: DesignTab) -> any DesignItemList {
        switch tab {
        case .overview: return BuiltItems(items: overview)
        case .decisions: return BuiltItems(items: decisions)
        case .components: return BuiltItems(items: components)
        case .api: return api
        case .schema: return schema
        case .sequences: return BuiltItems(items: sequences)
        case .deployment: return BuiltItems(items: deployment)
        case .security: return BuiltItems(items: security)
        case .capacity: return BuiltItems(items: capacity)
        case .findings: return BuiltItems(items: findings)
        }
    }

    /// A tab as plain text lines (no styles), for `archtui render`.
    public func plainText(for tab: DesignTab) -> [String] {
        items(for: tab).all.flatMap { $0.lines.map(\.plainText) }
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
