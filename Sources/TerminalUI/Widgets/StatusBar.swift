/// A key and what it does, as shown in the status bar and help.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var description: String

    public init(_ key: String, _ description: String) {
        self.key = key
        self.description = description
    }
}

/// One line of key hints (keys bold, descriptions dim) with an optional right-aligned message.
public struct StatusBar: Sendable {
    public var hints: [KeyHint]
    public var message: String?
    public var messageStyle: Style

    public init(hints: [KeyHint], message: String? = nil, messageStyle: Style = .bold) {
        self.hints = hints
        self.message = message
        self.messageStyle = messageStyle
    }

    /// Draws on the first row of `rect`. The message wins space; hints that do not fit whole are left out.
    public func render(in rect: Rect, buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row)
        var hintRoom = rect.width
        if let message, !message.isEmpty {
            let text = DisplayWidth.truncate(message, to: rect.width)
            let width = DisplayWidth.of(text)
            buffer.write(text, x: rect.maxX - width, y: rect.y, style: messageStyle, clip: row)
            hintRoom = rect.width - width - 2
        }
        var x = rect.x
        for (index, hint) in hints.enumerated() {
            let gap = index == 0 ? 0 : 2
            let width = gap + DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.description)
            guard x - rect.x + width <= hintRoom else { break }
            x += gap
            x += buffer.write(hint.key, x: x, y: rect.y, style: .bold, clip: row) + 1
            x += buffer.write(hint.description, x: x, y: rect.y, style: .dim, clip: row)
        }
    }
}
