/// What a dialog asks: a yes/no question, or a message to acknowledge.
public enum DialogKind: Hashable, Sendable {
    case confirm
    case message
    /// Several buttons with these labels, e.g. Recover / Discard / Open read-only.
    case choice([String])
}

/// How the user closed a dialog.
public enum DialogOutcome: Hashable, Sendable {
    case yes, no, ok
    /// The button at this index of a `.choice`.
    case chose(Int)
}

/// Which button of a dialog has the focus.
public struct DialogState: Hashable, Sendable {
    public var kind: DialogKind
    /// 0 is Yes (or OK), 1 is No; a choice's buttons count from 0.
    public var button: Int

    public init(kind: DialogKind, button: Int = 0) {
        self.kind = kind
        self.button = min(max(0, button), Self.buttonCount(kind) - 1)
    }

    private static func buttonCount(_ kind: DialogKind) -> Int {
        switch kind {
        case .message: return 1
        case .confirm: return 2
        case .choice(let labels): return max(1, labels.count)
        }
    }

    /// Moves between buttons (←/→/Tab) and answers (Enter, y/n, Esc). Returns the outcome once closed.
    public mutating func handle(_ key: Key) -> DialogOutcome? {
        switch (kind, key) {
        case (.message, .enter), (.message, .escape), (.message, .character(" ")): return .ok
        case (.confirm, .left), (.confirm, .right), (.confirm, .tab), (.confirm, .backTab):
            button = 1 - button
            return nil
        case (.confirm, .enter), (.confirm, .character(" ")): return button == 0 ? .yes : .no
        case (.confirm, .character("y")), (.confirm, .character("Y")): return .yes
        case (.confirm, .character("n")), (.confirm, .character("N")), (.confirm, .escape): return .no
        case (.choice(let labels), .right), (.choice(let labels), .tab):
            button = (button + 1) % max(1, labels.count)
            return nil
        case (.choice(let labels), .left), (.choice(let labels), .backTab):
            button = (button + max(1, labels.count) - 1) % max(1, labels.count)
            return nil
        case (.choice, .enter), (.choice, .character(" ")): return .chose(button)
        default: return nil
        }
    }
}

/// A modal box centred in its area: title, wrapped message, and buttons; it clears what lies under it.
public struct Dialog: Sendable {
    public var title: String
    public var message: String
    public var state: DialogState
    /// Widest the box may grow, border included.
    public var maxWidth: Int

    public init(title: String, message: String, state: DialogState, maxWidth: Int = 50) {
        self.title = title
        self.message = message
        self.state = state
        self.maxWidth = maxWidth
    }

    /// Button labels in order.
    public var buttons: [String] {
        switch state.kind {
        case .confirm: return ["Yes", "No"]
        case .message: return ["OK"]
        case .choice(let labels): return labels
        }
    }

    /// The box this dialog occupies when centred in `rect`.
    public func frame(in rect: Rect) -> Rect {
        let buttonsWidth = buttons.reduce(0) { $0 + DisplayWidth.of($1) + 4 } + 2 * (buttons.count - 1)
        let longest = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { DisplayWidth.of($0) }.max() ?? 0
        let innerWidth = min(max(longest, buttonsWidth, DisplayWidth.of(title) + 2), maxWidth - 4, rect.width - 4)
        let lines = WordWrap.wrap(message, width: max(1, innerWidth)).count
        return rect.centred(width: innerWidth + 4, height: lines + 4)
    }

    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        let box = frame(in: rect)
        let inner = Pane(title: title, focused: true).render(in: box, buffer: &buffer)
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 1)
        for (index, line) in WordWrap.wrap(message, width: max(1, text.width)).prefix(text.height).enumerated() {
            buffer.write(line, x: text.x, y: text.y + index, clip: text)
        }
        // Buttons centred on the last inner row, the focused one reversed.
        let labels = buttons.map { "[ \($0) ]" }
        let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * (labels.count - 1)
        var x = inner.x + max(0, (inner.width - total) / 2)
        for (index, label) in labels.enumerated() {
            let style: Style = index == state.button ? Style(bold: true, reverse: true) : .plain
            x += buffer.write(label, x: x, y: inner.maxY - 1, style: style, clip: inner) + 2
        }
    }
}
