import ArchModel
import TerminalUI

extension AppState {
    /// Keys while the design filter is typed: Enter keeps it, Esc clears it, ↓ ↑ move among the items it
    /// keeps, every other key edits the text (the tab is filtered again only when the words change).
    mutating func handleDesignFilterTyping(_ key: Key) -> [Effect] {
        guard var filter = designPane.filter else { return [] }
        switch Keymap.action(for: key, in: .designFilter) {
        case .store?:
            filter.isTyping = false
            followingSelection { $0.designPane.filter = filter.query == nil ? nil : filter }
        case .cancel?:
            followingSelection { $0.designPane.filter = nil }
        case .down?, .up?:
            guard let rect = methodLayout.design else { return [] }
            designPane.moveSelection(by: key == .down ? 1 : -1, in: DesignPaneContent(state: self, paneRect: rect))
        default:
            if filter.field.handle(key) { followingSelection { $0.designPane.filter = filter } }
        }
        return []
    }
}
