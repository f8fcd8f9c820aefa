/// One terminal cell. A wide grapheme occupies its cell plus a continuation cell (`width == 0`) to the right.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: Int
    public var style: Style

    public init(_ grapheme: String = " ", width: Int = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    /// The right half of a wide grapheme; drawn by the grapheme to its left.
    public static func continuation(style: Style) -> Cell { Cell("", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
