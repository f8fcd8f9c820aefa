/// An in-memory terminal for tests: applies what it is sent to its own screen and records the traffic.
public final class TestBackend: TerminalBackend {
    public var size: Size
    /// What the terminal shows after the last flush.
    public private(set) var screen: ScreenBuffer
    /// Where the cursor is, or nil when hidden.
    public private(set) var cursor: (x: Int, y: Int)?
    /// Number of cells drawn before each flush, one entry per flush.
    public private(set) var changesPerFlush: [Int] = []
    /// Every change ever drawn, in order.
    public private(set) var drawn: [CellChange] = []
    /// How many times the screen was cleared.
    public private(set) var clearCount = 0
    private var pending: [CellChange] = []

    public init(size: Size) {
        self.size = size
        screen = ScreenBuffer(size: size)
    }

    /// Changes the terminal's size (as a resize would); the screen is blank until redrawn.
    public func resize(to newSize: Size) {
        size = newSize
        screen = ScreenBuffer(size: newSize)
    }

    /// Cells drawn before the last flush.
    public var lastFlushCount: Int { changesPerFlush.last ?? 0 }

    public func draw(_ changes: [CellChange]) {
        pending += changes
        drawn += changes
    }

    public func clear() {
        clearCount += 1
        pending.removeAll()
        screen = ScreenBuffer(size: size)
    }

    public func setCursor(_ position: (x: Int, y: Int)?) { cursor = position }

    public func flush() {
        for change in pending {
            // Like a real terminal, a wide grapheme covers the cell to its right.
            screen.write(change.cell.grapheme, x: change.x, y: change.y, style: change.cell.style)
        }
        changesPerFlush.append(pending.count)
        pending.removeAll()
        screen.cursor = cursor
    }
}
