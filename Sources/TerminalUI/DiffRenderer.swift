import Foundation

/// Sends a terminal only the cells that changed since the last frame.
public struct DiffRenderer: Sendable {
    /// The last frame sent, or nil when the next one must be drawn in full.
    public private(set) var previous: ScreenBuffer?
    /// The frame before `previous`, no longer needed: the next frame can be drawn into its storage (`takeSpare`).
    private var spare: ScreenBuffer?

    public init() {}

    /// Forgets the last frame, so the next render clears the terminal and draws everything.
    public mutating func invalidate() { previous = nil }

    /// A buffer of the last frame but one, to draw the next frame into without allocating one (nil at first).
    public mutating func takeSpare() -> ScreenBuffer? {
        defer { spare = nil }
        return spare
    }

    /// Draws `next`: only changed cells, or a clear and every non-blank cell after a size change or
    /// `invalidate()`. Then moves the cursor and flushes. Returns the number of cells sent.
    @discardableResult
    public mutating func render(_ next: ScreenBuffer, to backend: TerminalBackend) -> Int {
        let changes: [CellChange]
        if let previous, previous.size == next.size {
            changes = DiffRenderer.changes(from: previous, to: next)
        } else {
            backend.clear()
            changes = DiffRenderer.changes(from: ScreenBuffer(size: next.size), to: next)
        }
        if !changes.isEmpty { backend.draw(changes) }
        backend.setCursor(next.cursor)
        backend.flush()
        spare = previous
        previous = next
        return changes.count
    }

    /// The cells of `new` that differ from `old` (same size), left to right, top to bottom. A changed
    /// continuation cell is sent as the wide grapheme it belongs to, never on its own.
    public static func changes(from old: ScreenBuffer, to new: ScreenBuffer) -> [CellChange] {
        precondition(old.size == new.size, "diffing buffers of different sizes")
        var result: [CellChange] = []
        let width = new.size.width
        // Compared in place (no copy of each cell): most of a frame is the cells of the frame before.
        new.cells.withUnsafeBufferPointer { newCells in
            old.cells.withUnsafeBufferPointer { oldCells in
                guard let newBase = newCells.baseAddress, let oldBase = oldCells.baseAddress else { return }
                let stride = MemoryLayout<Cell>.stride
                for index in 0..<newCells.count {
                    // The same bytes are the same cell (the same string storage, width and style): no string
                    // comparison, no copy. Other bytes may still be an equal cell (another string with the same text).
                    if memcmp(UnsafeRawPointer(newBase + index), UnsafeRawPointer(oldBase + index), stride) == 0 { continue }
                    if newCells[index] == oldCells[index] { continue }
                    let (y, x) = index.quotientAndRemainder(dividingBy: width)
                    let cell = newCells[index]
                    if cell.isContinuation {
                        let alreadySent = result.last.map { $0.x == x - 1 && $0.y == y } ?? false
                        if x > 0, !alreadySent, newCells[index - 1].width == 2 {
                            result.append(CellChange(x: x - 1, y: y, cell: newCells[index - 1]))
                        }
                    } else {
                        result.append(CellChange(x: x, y: y, cell: cell))
                    }
                }
            }
        }
        return result
    }
}
