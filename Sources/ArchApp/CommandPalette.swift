import TerminalUI

/// The command palette (`:` or Ctrl-P): every action of the mode it was opened from, and the global ones,
/// by name and key; typing filters, Enter runs the highlighted one exactly as its key would.
public struct PaletteState: Hashable, Sendable {
    /// The mode whose actions are offered (besides the global ones).
    public var mode: KeyMode
    public var filter = TextFieldState("")
    public var cursor = 0

    /// One offer: what it does, its key as help writes it, and the key that runs it.
    public struct Entry: Hashable, Sendable {
        public var title: String
        public var keyLabel: String
        public var action: Action
        public var key: Key
    }

    /// Every action of the mode, then the global actions not already offered; each once.
    public var allEntries: [Entry] {
        var seen = Set<Action>()
        var entries: [Entry] = []
        let modes: [KeyMode] = mode == .global ? [.global] : [mode, .global]
        for mode in modes {
            for binding in Keymap.bindings(mode) where binding.action != .palette {
                guard let key = binding.keys.first, seen.insert(binding.action).inserted else { continue }
                let title = binding.help.isEmpty ? binding.action.title : binding.help
                entries.append(Entry(title: title, keyLabel: binding.label.isEmpty ? key.description : binding.label, action: binding.action, key: key))
            }
        }
        return entries
    }

    /// The entries whose title, key or action name contains every word of the filter (ignoring case).
    public var entries: [Entry] {
        let words = filter.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return allEntries }
        return allEntries.filter { entry in
            let text = (entry.title + " " + entry.keyLabel + " " + entry.action.title).lowercased()
            return words.allSatisfy { text.contains($0) }
        }
    }
}

extension AppState {
    /// The mode whose keys would act now (for the palette's offers).
    var paletteMode: KeyMode {
        if form != nil { return .form }
        if case .list? = method.editor { return .list }
        switch focus {
        case .steps: return .steps
        case .questions: return .questions
        case .design: return .design
        }
    }

    mutating func openPalette(for mode: KeyMode) {
        overlay = .palette(PaletteState(mode: mode))
    }

    /// Typing filters; ↑↓ choose; Enter closes the palette and runs the action with its key; Esc closes.
    mutating func handlePalette(_ current: PaletteState, _ key: Key) -> [Effect] {
        var palette = current
        let count = palette.entries.count
        switch Keymap.action(for: key, in: .palette) {
        case .close?:
            overlay = nil
            return []
        case .down?: palette.cursor = min(max(0, count - 1), palette.cursor + 1)
        case .up?: palette.cursor = max(0, palette.cursor - 1)
        case .open?:
            let entries = palette.entries
            overlay = nil
            guard entries.indices.contains(palette.cursor) else { return [] }
            return handle(entries[palette.cursor].key)
        default:
            _ = palette.filter.handle(key)
            palette.cursor = 0
        }
        overlay = .palette(palette)
        return []
    }
}

/// The palette drawn as a box over the panes: the filter, then the matching actions.
struct PaletteView {
    let palette: PaletteState

    func render(into buffer: inout ScreenBuffer) {
        let bounds = buffer.bounds
        let width = min(80, bounds.width - 4), height = min(24, bounds.height - 4)
        guard width > 20, height > 4 else { return }
        let box = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + 2, width: width, height: height)
        let inner = Pane(title: "Commands — type to filter, Enter runs, Esc closes", focused: true).render(in: box, buffer: &buffer)
        buffer.write(":", x: inner.x, y: inner.y, style: Style(foreground: .cyan, bold: true), clip: inner)
        TextField(state: palette.filter, focused: true, style: Style(underline: true))
            .render(in: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), buffer: &buffer)
        let entries = palette.entries
        let rows = entries.map { entry in
            [Span(" " + DisplayWidth.pad(entry.keyLabel, to: 10), Style(foreground: .cyan)), Span(entry.title)]
        }
        let listRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if rows.isEmpty {
            buffer.write(" nothing matches", x: listRect.x, y: listRect.y, style: .dim, clip: listRect)
        } else {
            ListView(items: rows, state: ListState(selected: palette.cursor)).render(in: listRect, buffer: &buffer)
        }
    }
}
