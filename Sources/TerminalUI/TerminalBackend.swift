/// A changed cell the renderer hands to the backend.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// What the renderer needs from a terminal. The ncurses backend implements it; tests use `TestBackend`.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size in cells.
    var size: Size { get }
    /// Draws the given cells; they appear after `flush`.
    func draw(_ changes: [CellChange])
    /// Erases everything (after a resize or when the screen may be garbled).
    func clear()
    /// Moves the visible cursor, or hides it when nil.
    func setCursor(_ position: (x: Int, y: Int)?)
    /// Makes everything drawn since the last flush visible.
    func flush()
}
