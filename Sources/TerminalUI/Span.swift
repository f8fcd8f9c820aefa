/// A run of text in one style; a styled line is an array of spans.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Span: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

extension Array where Element == Span {
    /// The line's text without styles.
    public var plainText: String { map(\.text).joined() }
    /// Cells the line takes.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

extension ScreenBuffer {
    /// Writes styled spans one after another from (x, y), clipped to `clip`. Returns the cells used.
    @discardableResult
    public mutating func write(_ spans: [Span], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for span in spans {
            let used = write(span.text, x: column, y: y, style: span.style, clip: clip)
            column += used
            if used < DisplayWidth.of(span.text) { break }
        }
        return column - x
    }
}
